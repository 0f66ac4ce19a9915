package io.venuerisk.model;

/**
 * What a finding's points count towards in the risk model (docs/scoring.md): the likelihood that
 * the event is attacked, the consequence of an attack, or an exposure to a tactic (whose weight
 * comes from data/tactic_weights.csv).
 */
public enum Factor implements Vocabulary {
  LIKELIHOOD,
  CONSEQUENCE,
  EXPOSURE,
  NONE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
