package io.venuerisk.flink;

/**
 * One record of an input as read, before it is bound: where it comes from (file or Kafka partition,
 * record number, line) and its bytes, or the message that rejects it unread. A Flink POJO (public
 * fields, no-argument constructor), so it travels without Kryo.
 */
public class RawRecord {
  /** The file as named on the command line, or {@code kafka:TOPIC-PARTITION@OFFSET}. */
  public String file;

  /** 1-based number of the record in its file; 0 when the source does not number records. */
  public long record;

  /** The line it is on; 0 when the source has no lines. */
  public long line;

  /** The record's bytes; null when {@link #error} is set. */
  public byte[] bytes;

  /**
   * The record's place in the input, for telling which of two versions of an event came later: for
   * files, the file's place on the command line and the record number; for Kafka, the offset (an
   * event's versions must then share a partition, as Kafka keys keep them).
   */
  public long seq;

  /** Why the record is rejected without binding, as batch says it; null for a record to bind. */
  public String error;

  /**
   * A warning about the file, as batch prints it (a recurring event cut at the expansion window);
   * such a record carries nothing else.
   */
  public String warning;

  /**
   * Whether {@link #bytes} is a scenario a calendar reader has already bound, written as JSON Lines
   * (a record of a CSV, JSON array or iCalendar file, its venue complete): it binds as it is, with
   * no venue registry.
   */
  public boolean bound;

  public RawRecord() {}

  static RawRecord of(String file, long record, long line, byte[] bytes) {
    RawRecord r = new RawRecord();
    r.file = file;
    r.record = record;
    r.line = line;
    r.bytes = bytes;
    return r;
  }

  static RawRecord rejected(String file, long record, long line, String error) {
    RawRecord r = of(file, record, line, null);
    r.error = error;
    return r;
  }
}
