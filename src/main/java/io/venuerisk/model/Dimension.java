package io.venuerisk.model;

/** The four score dimensions of {@code docs/scoring.md}. */
public enum Dimension implements Vocabulary {
  TARGET,
  CONTEXT,
  EXPOSURE,
  MITIGATION,
  NONE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
