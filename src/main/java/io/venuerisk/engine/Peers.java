package io.venuerisk.engine;

import io.venuerisk.model.Peer;
import io.venuerisk.model.PeerKind;
import io.venuerisk.model.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which events of a calendar are {@link Peer}s: the one place the relation is defined, used by
 * {@link Engine#assessGroup} and by the streaming batch window alike. Two events relate only if
 * they are in the same country and city (compared without case or surrounding blanks); an event
 * without a city relates to nothing.
 */
public final class Peers {
  /** Events further apart than this many days never relate (back to back allows one free night). */
  public static final int MAX_GAP_DAYS = 1;

  private Peers() {}

  /** The key events must share to relate at all, or null when the city is unknown. */
  public static String cityKey(Scenario s) {
    String city = s.city();
    if (city == null || city.isBlank()) {
      return null;
    }
    return s.country() + "|" + city.strip().toLowerCase(Locale.ROOT);
  }

  /** The venue's registry id if it has one, else its name within the city; null when unknown. */
  public static String venueKey(Scenario s) {
    String city = cityKey(s);
    if (city == null || s.venue() == null) {
      return null;
    }
    String id = s.venue().id();
    if (id != null && !id.isBlank()) {
      return city + "|id:" + id.strip();
    }
    String name = s.venue().name();
    if (name != null && !name.isBlank()) {
      return city + "|name:" + name.strip().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** Every peer relation within a group, both directions, in group order. */
  public static List<Peer> among(List<Scenario> group) {
    List<Peer> out = new ArrayList<>();
    for (Scenario s : group) {
      for (Scenario o : group) {
        if (o != s) {
          between(s, o, out);
        }
      }
    }
    return out;
  }

  /** Adds the relations of {@code s} to {@code o} (one direction) to {@code out}. */
  public static void between(Scenario s, Scenario o, List<Peer> out) {
    String city = cityKey(s);
    if (city == null || !city.equals(cityKey(o))) {
      return;
    }
    inSameCity(
        s,
        venueKey(s),
        o,
        venueKey(o),
        (kind, day, assumed) -> out.add(new Peer(s, o, kind, s.city(), day, assumed)));
  }

  /** Receives one relation of an event to another. */
  public interface Relation {
    /**
     * @param assumed the two are at one venue on one day without the times to tell whether they
     *     overlap or follow each other, so the relation is assumed (both relations are)
     */
    void relate(PeerKind kind, LocalDate day, boolean assumed);
  }

  /** How two events at one venue that share a day stand in time. */
  public enum Timing {
    /** Their times overlap. */
    OVERLAP,
    /** One ends before (or as) the other starts. */
    APART,
    /** A time is missing, and the whole of the day it leaves could overlap. */
    UNKNOWN
  }

  /**
   * How {@code s} and {@code o} stand in time. A missing time takes the whole of its day, so two
   * events apart on those terms are apart whatever the missing time is.
   */
  public static Timing timing(Scenario s, Scenario o) {
    if (s.endMinute() <= o.startMinute() || o.endMinute() <= s.startMinute()) {
      return Timing.APART;
    }
    return s.timed() && o.timed() ? Timing.OVERLAP : Timing.UNKNOWN;
  }

  /** Whether the two events run on at least one common day. */
  public static boolean shareDay(Scenario s, Scenario o) {
    return s.startDay() <= o.endDay() && o.startDay() <= s.endDay();
  }

  /**
   * The relations of {@code s} to {@code o} (one direction), for two events already known to share
   * a city key, with their venue keys worked out once: the batch window compares each event with
   * every other running in its city. Two events with the same id are one event given twice and
   * never relate. Two events of one venue on one day whose times do not overlap follow each other:
   * back to back, not concurrent.
   */
  public static void inSameCity(
      Scenario s, String sVenue, Scenario o, String oVenue, Relation out) {
    if (s.id().equals(o.id())) {
      return;
    }
    if (shareDay(s, o)) {
      Timing t = sVenue != null && sVenue.equals(oVenue) ? timing(s, o) : null;
      if (t != Timing.APART) {
        LocalDate first = s.date().isAfter(o.date()) ? s.date() : o.date();
        out.relate(PeerKind.SAME_CITY_SAME_DAY, first, t == Timing.UNKNOWN);
      }
    }
    backToBack(s, sVenue, o, oVenue, out);
  }

  /**
   * The back-to-back relation of {@code s} to {@code o} alone (one direction), for two events of
   * one city with their venue keys: the batch window works out days in common per city and day, and
   * compares only the events of one venue pairwise. One starts on the other's last day or the day
   * after; on the same day, only if their times do not overlap (or are not given to tell).
   */
  public static void backToBack(
      Scenario s, String sVenue, Scenario o, String oVenue, Relation out) {
    if (sVenue == null || !sVenue.equals(oVenue) || s.id().equals(o.id())) {
      return;
    }
    long gapAfter = o.startDay() - s.endDay(); // o follows s
    long gapBefore = s.startDay() - o.endDay(); // s follows o
    LocalDate later;
    if (gapAfter >= 0 && gapAfter <= MAX_GAP_DAYS) {
      later = o.date();
    } else if (gapBefore >= 0 && gapBefore <= MAX_GAP_DAYS) {
      later = s.date();
    } else {
      return;
    }
    Timing t = shareDay(s, o) ? timing(s, o) : Timing.APART;
    if (t != Timing.OVERLAP) {
      out.relate(PeerKind.SAME_VENUE_BACK_TO_BACK, later, t == Timing.UNKNOWN);
    }
  }

  /** True if no event starting on or after {@code day} can relate to {@code s}. */
  public static boolean closedBy(Scenario s, long day) {
    return day > s.endDay() + MAX_GAP_DAYS;
  }
}
