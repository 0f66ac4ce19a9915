package io.venuerisk.model;

/** An output file could not be written. */
public final class OutputException extends RuntimeException {
  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
