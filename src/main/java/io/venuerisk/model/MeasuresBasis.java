package io.venuerisk.model;

/**
 * How a validation case's measures were found (the case protocol of scenarios/validation/): every
 * listed measure from a source, at least one from a standing-practice rule, or none found at all.
 */
public enum MeasuresBasis implements Vocabulary {
  /** A source describes the security of this event, and every listed measure comes from one. */
  REPORTED,
  /** At least one listed measure comes from a standing-practice rule. */
  INFERRED,
  /** No source describes the security and no rule applies: the list is empty. */
  NOT_REPORTED;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
