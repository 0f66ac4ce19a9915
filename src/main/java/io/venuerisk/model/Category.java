package io.venuerisk.model;

/**
 * The category a rule belongs to (its {@code @category} metadata), and the factor its points count
 * towards. Classification rules derive facts and carry no points.
 */
public enum Category implements Vocabulary {
  TARGET(Factor.ATTRACTIVENESS),
  PRECEDENT(Factor.ATTRACTIVENESS),
  GEOGRAPHY(Factor.THREAT),
  TIMING(Factor.THREAT),
  TENSION(Factor.THREAT),
  THREAT_LEVEL(Factor.THREAT),
  IMPACT(Factor.IMPACT),
  EXPOSURE(Factor.VULNERABILITY),
  CLASSIFICATION(Factor.NONE);

  private final Factor factor;

  Category(Factor factor) {
    this.factor = factor;
  }

  public Factor factor() {
    return factor;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
