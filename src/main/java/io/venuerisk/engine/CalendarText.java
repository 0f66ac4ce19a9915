package io.venuerisk.engine;

import io.venuerisk.model.Peer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Words for cross-event findings (rules/calendar.drl): the other events by id, sorted so a finding
 * reads the same whatever order Drools collected them in, and at most {@link #MAX_NAMED} of them.
 */
public final class CalendarText {
  /** Ids named in one finding; the rest are counted ("and 12 more"). */
  public static final int MAX_NAMED = 8;

  private CalendarText() {}

  /** "a, b and c" or "a, b, ... and 12 more", by id. */
  public static String peerIds(Collection<?> peers) {
    TreeSet<String> ids = new TreeSet<>();
    for (Object o : peers) {
      ids.add(((Peer) o).otherId());
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String id : ids) {
      if (i == MAX_NAMED) {
        sb.append(" and ").append(ids.size() - MAX_NAMED).append(" more");
        return sb.toString();
      }
      if (i > 0) {
        sb.append(i == ids.size() - 1 ? " and " : ", ");
      }
      sb.append(id);
      i++;
    }
    return sb.toString();
  }

  /** "1 other large gathering" or "3 other large gatherings". */
  public static String others(Collection<?> peers, String noun) {
    int n = peerCount(peers);
    return n + " other " + noun + (n == 1 ? "" : "s");
  }

  /** Number of distinct other events. */
  public static int peerCount(Collection<?> peers) {
    TreeSet<String> ids = new TreeSet<>();
    for (Object o : peers) {
      ids.add(((Peer) o).otherId());
    }
    return ids.size();
  }

  /** "on 2024-06-14" when every peer shares the same first day, else "on days it runs". */
  public static String peerDays(Collection<?> peers) {
    LocalDate day = null;
    for (Object o : peers) {
      LocalDate d = ((Peer) o).day();
      if (day != null && !day.equals(d)) {
        return "on days it runs";
      }
      day = d;
    }
    return day == null ? "" : "on " + day;
  }
}
