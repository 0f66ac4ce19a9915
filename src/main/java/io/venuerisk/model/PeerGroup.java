package io.venuerisk.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine-inserted fact for cross-event rules: the other events of a calendar that relate to {@code
 * scenario} one way ({@link PeerKind}) and belong to one {@link PeerClass}, summarised: how many
 * there are, the first of their ids in id order, and the day they share with it if they all share
 * the same one. One fact per scenario, kind and class, however many events a city holds on a day,
 * so a rule's cost does not grow with the calendar's density.
 *
 * @param count distinct other events (an event with the scenario's own id is the same event given
 *     twice, never a peer)
 * @param named the first {@link #MAX_NAMED} of their ids, sorted
 * @param commonDay the first day every one of them shares with the scenario, or null when the days
 *     differ
 * @param assumed the ids, sorted, of those at the scenario's venue on its day without the start and
 *     end times to tell whether they overlap it or follow it: their relation is assumed (the rules
 *     say so)
 */
public record PeerGroup(
    Scenario scenario,
    PeerKind kind,
    PeerClass peerClass,
    int count,
    List<String> named,
    LocalDate commonDay,
    List<String> assumed) {

  /** Ids named in one finding; the rest are counted ("and 12 more"). */
  public static final int MAX_NAMED = 8;

  public PeerGroup {
    named = List.copyOf(named);
    assumed = List.copyOf(assumed);
  }

  /**
   * The group of {@code count} others whose ids, in id order, are {@code ids} without {@code own}
   * (the scenario's id, null when {@code ids} cannot hold it): the first {@link #MAX_NAMED} are
   * named.
   */
  public static PeerGroup of(
      Scenario scenario,
      PeerKind kind,
      PeerClass peerClass,
      int count,
      Iterable<String> ids,
      String own,
      LocalDate commonDay,
      List<String> assumed) {
    List<String> named = new ArrayList<>(Math.min(count, MAX_NAMED));
    for (String id : ids) {
      if (named.size() == MAX_NAMED) {
        break;
      }
      if (!id.equals(own)) {
        named.add(id);
      }
    }
    return new PeerGroup(scenario, kind, peerClass, count, named, commonDay, assumed);
  }

  /** "a, b and c" or "a, b, ... and 12 more", by id. */
  public String ids() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < named.size(); i++) {
      if (i > 0) {
        sb.append(i == count - 1 ? " and " : ", ");
      }
      sb.append(named.get(i));
    }
    if (count > named.size()) {
      sb.append(" and ").append(count - named.size()).append(" more");
    }
    return sb.toString();
  }

  /**
   * What the rule assumed for lack of times, as the end of its rationale: empty when nothing was
   * assumed, else "; no times given to tell whether it and b at the same venue overlap or follow
   * each other: counted as both" (as concurrent and as back to back).
   */
  public String timesAssumed() {
    if (assumed.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(assumed.size(), MAX_NAMED);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(i == assumed.size() - 1 ? " and " : ", ");
      }
      sb.append(assumed.get(i));
    }
    if (assumed.size() > shown) {
      sb.append(" and ").append(assumed.size() - shown).append(" more");
    }
    return "; no times given to tell whether it and "
        + sb
        + " at the same venue overlap or follow each other: counted as both";
  }

  /** "1 other large gathering" or "3 other large gatherings". */
  public String others(String noun) {
    return count + " other " + noun + (count == 1 ? "" : "s");
  }

  /** "on 2024-06-14" when every one shares the same first day, else "on days it runs". */
  public String days() {
    return commonDay == null ? "on days it runs" : "on " + commonDay;
  }

  /**
   * The same relations, seen from another scenario (a variant of this one with a fact filled in).
   */
  public PeerGroup of(Scenario other) {
    return new PeerGroup(other, kind, peerClass, count, named, commonDay, assumed);
  }
}
