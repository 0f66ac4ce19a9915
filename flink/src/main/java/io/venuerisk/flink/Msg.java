package io.venuerisk.flink;

/**
 * What the keyed stages tell each other (see {@link Pipeline}): an event joining or leaving a
 * meeting key, an event's own latest version, and the relations a meeting key found. A Flink POJO;
 * the fields a kind does not use stay null or 0.
 */
public class Msg {
  /**
   * Event {@link #id} (version {@link #version}, {@link #json}) joins meeting key {@link #target}.
   */
  public static final int JOIN = 1;

  /** Event {@link #id} leaves meeting key {@link #target}. */
  public static final int LEAVE = 2;

  /** The latest version of event {@link #target}: {@link #json}, its country and days. */
  public static final int OWN = 3;

  /**
   * Event {@link #id} (version, json) shares meeting key {@link #key} with event {@link #target}.
   */
  public static final int MET = 4;

  /** Event {@link #id} no longer shares meeting key {@link #key} with event {@link #target}. */
  public static final int LEFT = 5;

  /** Event {@link #target} left meeting key {@link #key}: forget whom it met there. */
  public static final int CLEAR = 6;

  public int kind;

  /** The key the message is sent to: a meeting key for JOIN and LEAVE, else an event id. */
  public String target;

  public String id;
  public String key;
  public long version;
  public byte[] json;
  public String country;
  public long start;
  public long end;

  public Msg() {}

  static Msg of(int kind, String target, String id, String key, long version, byte[] json) {
    Msg m = new Msg();
    m.kind = kind;
    m.target = target;
    m.id = id;
    m.key = key;
    m.version = version;
    m.json = json;
    return m;
  }
}
