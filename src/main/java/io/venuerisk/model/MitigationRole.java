package io.venuerisk.model;

/**
 * How public guidance ties a measure to an exposure (data/mitigations.csv): a primary measure is
 * what the guidance names first for the tactic; a supporting measure helps but is not the answer.
 */
public enum MitigationRole implements Vocabulary {
  PRIMARY,
  SUPPORTING;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
