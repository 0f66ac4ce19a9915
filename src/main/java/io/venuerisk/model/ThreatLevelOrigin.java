package io.venuerisk.model;

/** Where the threat level used for an event came from, strongest first. */
public enum ThreatLevelOrigin implements Vocabulary {
  /** The scenario's own {@code context.threatLevel}. */
  SCENARIO,
  /** A {@code --threat-level CC=LEVEL} option of the run. */
  COMMAND_LINE,
  /** A threat-level row of a {@code --context} file. */
  CONTEXT_FILE,
  /** The dated rows of data/threat_levels.csv. */
  REFERENCE_DATA;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
