package io.venuerisk.model;

import java.time.LocalDate;

/**
 * Engine-inserted fact for cross-event rules: another event of the same calendar that shares a city
 * and a day with {@code scenario}, or follows it at the same venue with no free day between them.
 * The engine only states the relation; rules decide whether it matters (rules/calendar.drl).
 *
 * @param day the first day the two events share, or for {@link PeerKind#SAME_VENUE_BACK_TO_BACK}
 *     the day the later of the two starts
 * @param city the shared city as the scenario spells it
 * @param assumed the two are at one venue on one day without the start and end times to tell
 *     whether they overlap or follow each other: the relation is assumed, not known
 */
public record Peer(
    Scenario scenario, Scenario other, PeerKind kind, String city, LocalDate day, boolean assumed) {

  /** A relation known from the days alone. */
  public Peer(Scenario scenario, Scenario other, PeerKind kind, String city, LocalDate day) {
    this(scenario, other, kind, city, day, false);
  }

  public String otherId() {
    return other.id();
  }
}
