package io.venuerisk.model;

import java.time.LocalDate;

/**
 * Derived fact: the national threat level an event is scored against, the highest in force in its
 * country on any of its days.
 *
 * @param level the system's own name for the level ({@code SEVERE}, {@code urgence_attentat})
 * @param rank 1 (low) to 5 (critical) on the shared {@link ThreatRank} scale
 * @param meaning the system's definition of the level
 * @param source where the level comes from: a data row's source, the option or the scenario field
 * @param asOf the first day the level is known to be in force: a row's {@code from}; for a level
 *     the user gave for the event itself, the event's first day
 * @param until the row's last day, or null while it is in force or when the user gave the level
 * @param uncertain the row's source says a date or the level is not confirmed
 */
public record ThreatLevelInForce(
    Scenario scenario,
    String country,
    String system,
    String level,
    int rank,
    String meaning,
    String source,
    LocalDate asOf,
    LocalDate until,
    ThreatLevelOrigin origin,
    boolean uncertain) {

  public ThreatRank rankName() {
    return ThreatRank.of(rank);
  }

  /** True unless the level comes from data/threat_levels.csv. */
  public boolean declared() {
    return origin != ThreatLevelOrigin.REFERENCE_DATA;
  }
}
