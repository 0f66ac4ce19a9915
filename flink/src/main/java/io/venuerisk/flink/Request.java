package io.venuerisk.flink;

/**
 * One event to score: its latest version, every event it may relate to (one entry per other event,
 * its latest version) and the threat-level changes in force. A Flink POJO.
 */
public class Request {
  public String id;
  public long version;
  public byte[] json;
  public Other[] others;
  public ThreatRow[] threatLevels;

  public Request() {}

  /** Another event that shares a meeting key with this one. */
  public static class Other {
    public String id;
    public long version;
    public byte[] json;

    public Other() {}
  }
}
