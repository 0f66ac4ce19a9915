package io.venuerisk.model;

/**
 * The category a rule belongs to (its {@code @category} metadata), and the factor its points count
 * towards. Classification rules derive facts and carry no points.
 */
public enum Category implements Vocabulary {
  TARGET(Factor.LIKELIHOOD),
  PRECEDENT(Factor.LIKELIHOOD),
  GEOGRAPHY(Factor.LIKELIHOOD),
  TIMING(Factor.LIKELIHOOD),
  TENSION(Factor.LIKELIHOOD),
  THREAT_LEVEL(Factor.LIKELIHOOD),
  IMPACT(Factor.CONSEQUENCE),
  EXPOSURE(Factor.EXPOSURE),
  BASELINE(Factor.LIKELIHOOD),
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
