package io.venuerisk.model;

/**
 * What really happened at a labelled validation case (scenarios/validation/): an attack, a foiled
 * plot, a heavily secured event that went off without incident, or an ordinary event.
 */
public enum CaseLabel implements Vocabulary {
  ATTACK,
  PLOT,
  SECURED_NO_INCIDENT,
  ORDINARY;

  /** Attacks and plots: events IS-K or IS sympathisers chose as targets. */
  public boolean targeted() {
    return this == ATTACK || this == PLOT;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
