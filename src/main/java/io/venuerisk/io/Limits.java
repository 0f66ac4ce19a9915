package io.venuerisk.io;

/**
 * Input limits, documented in docs/input-limits.md. Values past them are errors, not truncation: a
 * scenario that breaks one is almost always a broken export, and scoring it would mislead.
 */
public final class Limits {
  private Limits() {}

  /** Largest scenario file {@code assess} reads. */
  public static final long MAX_SCENARIO_FILE_BYTES = 1L << 20;

  /** Longest JSON string value (names, ids). */
  public static final int MAX_STRING_LENGTH = 1_000;

  /** Longest string the parsers hold at all, even in an ignored field or CSV column. */
  public static final int MAX_JSON_STRING_LENGTH = MAX_STRING_LENGTH * 100;

  /** Largest iCalendar file: ical4j holds the whole calendar in memory. */
  public static final long MAX_ICALENDAR_BYTES = 64L << 20;

  /** Deepest JSON nesting; a scenario needs 3. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Most people a single event can plausibly draw (the largest religious gatherings). */
  public static final int MAX_ATTENDANCE = 30_000_000;

  /** Most entries in security.measures or profile.communities. */
  public static final int MAX_LIST_ENTRIES = 64;

  /** Earliest and latest year a scenario may be dated. */
  public static final int MIN_YEAR = 2000;

  public static final int MAX_YEAR = 2100;

  /** Longest event a scenario may describe, in days. */
  public static final int MAX_EVENT_DAYS = 366;
}
