package io.venuerisk.flink;

import io.venuerisk.engine.Peers;
import io.venuerisk.model.Scenario;

/**
 * A bound calendar event: its id, the keys it can meet other events under, its days and its JSON as
 * it arrived (re-bound where it is scored, so every stage scores the very bytes batch reads). A
 * Flink POJO.
 */
public class Event {
  public String id;
  public String country;

  /** {@link Peers#cityKey}, or null when the event has no city (then it relates to nothing). */
  public String city;

  /** {@link Peers#venueKey}, or null. */
  public String venue;

  public long start;
  public long end;
  public byte[] json;

  /** {@link RawRecord#seq}: of two versions, the one with the higher seq is the later. */
  public long seq;

  public Event() {}

  static Event of(Scenario s, byte[] json, long seq) {
    Event e = new Event();
    e.id = s.id();
    e.country = s.country();
    e.city = Peers.cityKey(s);
    e.venue = Peers.venueKey(s);
    e.start = s.startDay();
    e.end = s.endDay();
    e.json = json;
    e.seq = seq;
    return e;
  }
}
