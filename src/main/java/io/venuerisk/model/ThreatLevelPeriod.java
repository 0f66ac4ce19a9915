package io.venuerisk.model;

import java.time.LocalDate;

/**
 * A dated national threat level, from data/threat_levels.csv or a user's context file: the level a
 * country's system stood at from one day to another.
 *
 * @param level the system's own name for the level, spelt as in data/threat_level_scales.csv
 * @param rank the level's place on the shared scale, 1 (low) to 5 (critical)
 * @param to last day in force, or null while it is still in force
 * @param source where the row comes from; a row the project could not fully confirm starts with
 *     {@code uncertain}
 * @param declaredIn the context file that declared the row, or null for reference data
 */
public record ThreatLevelPeriod(
    String country,
    String system,
    String level,
    int rank,
    LocalDate from,
    LocalDate to,
    String source,
    String declaredIn) {

  public long startDay() {
    return from.toEpochDay();
  }

  /** Last day, or {@link Long#MAX_VALUE} while the level is still in force. */
  public long endDay() {
    return to == null ? Long.MAX_VALUE : to.toEpochDay();
  }

  /** True for a row a user declared with {@code --context}. */
  public boolean declared() {
    return declaredIn != null;
  }

  /** True when the source says some part of the row (a date, the level) is not confirmed. */
  public boolean uncertain() {
    return source.startsWith("uncertain");
  }

  public ThreatRank rankName() {
    return ThreatRank.of(rank);
  }
}
