package io.venuerisk.batch;

/** Failures of a batch that are not a bad record. */
public class BatchException extends RuntimeException {
  BatchException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The report could not be written (exit code 7); an existing output file is untouched. */
  public static final class Output extends BatchException {
    public Output(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
