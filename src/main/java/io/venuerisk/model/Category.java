package io.venuerisk.model;

/**
 * The category a rule belongs to (its {@code @category} metadata), and the score dimension its points
 * count towards. Classification rules derive facts and carry no points.
 */
public enum Category implements Vocabulary {
  TARGET(Dimension.TARGET),
  PRECEDENT(Dimension.TARGET),
  GEOGRAPHY(Dimension.CONTEXT),
  TIMING(Dimension.CONTEXT),
  TENSION(Dimension.CONTEXT),
  EXPOSURE(Dimension.EXPOSURE),
  MITIGATION(Dimension.MITIGATION),
  RECOMMENDATION(Dimension.NONE),
  CLASSIFICATION(Dimension.NONE);

  private final Dimension dimension;

  Category(Dimension dimension) {
    this.dimension = dimension;
  }

  public Dimension dimension() {
    return dimension;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
