package io.venuerisk.engine;

import java.time.Duration;

/**
 * The bounds every session runs under. A rule that re-fires on its own output never stops by
 * itself, and each firing may insert a fact, so the firings bound both the time and the memory a
 * session can take; the time limit catches rules that fire few times but slowly.
 *
 * @param maxFiringsPerEvent firings allowed per event scored in the session (a batch session
 *     holding 32 events may fire 32 times as often)
 * @param timeout wall time allowed for one session's firing
 */
public record SessionLimits(int maxFiringsPerEvent, Duration timeout) {
  /**
   * Per event. The shipped rules fire about 20 times for a typical event and at most about 60 on
   * the golden scenarios; a looping rule reaches the limit in well under a second, and a batch
   * session of 32 events then holds about 64,000 facts, a few tens of megabytes.
   */
  public static final int DEFAULT_MAX_FIRINGS = 2_000;

  /** Per session; a session of the shipped rules takes milliseconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public static final SessionLimits DEFAULT =
      new SessionLimits(DEFAULT_MAX_FIRINGS, DEFAULT_TIMEOUT);

  public SessionLimits {
    if (maxFiringsPerEvent < 1) {
      throw new IllegalArgumentException("the firings per event must be 1 or more");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the rule timeout must be more than 0 seconds");
    }
  }
}
