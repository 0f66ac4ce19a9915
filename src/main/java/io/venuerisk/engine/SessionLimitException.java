package io.venuerisk.engine;

/**
 * A session fired more often than {@link SessionLimits} allow, ran past its time limit or ran out
 * of memory. The message is one line naming the rule that fired most, or the one still running.
 */
public final class SessionLimitException extends RuntimeException {
  SessionLimitException(String message) {
    super(message, null, false, false);
  }
}
