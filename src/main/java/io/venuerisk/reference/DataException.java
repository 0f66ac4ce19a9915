package io.venuerisk.reference;

/** A reference-data file is missing or malformed: names the file, line and column. */
public final class DataException extends RuntimeException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
