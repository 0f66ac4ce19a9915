package io.venuerisk.model;

/**
 * The factors of the risk model (docs/scoring.md). Inherent risk combines attractiveness, threat
 * and impact; residual risk scales it by the vulnerability the measures in place leave.
 */
public enum Factor implements Vocabulary {
  /** How attractive the event is to IS-K: the guide's targets, who is present, its precedents. */
  ATTRACTIVENESS,
  /** Where and when: the guide's regions, dates, tension periods, the national threat level. */
  THREAT,
  /** What an attack would cost: people present, mass-casualty potential, symbolic value. */
  IMPACT,
  /** Which tactic families the event is exposed to, and how much each weighs. */
  VULNERABILITY,
  /** Classification rules: they derive facts and count towards no factor. */
  NONE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
