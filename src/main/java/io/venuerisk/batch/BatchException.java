package io.venuerisk.batch;

/**
 * A batch that stopped for a reason that is neither a bad record nor an unwritable report (those
 * are InputException and OutputException): an interruption, or a failure of a scoring thread.
 */
public final class BatchException extends RuntimeException {
  BatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
