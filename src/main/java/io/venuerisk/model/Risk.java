package io.venuerisk.model;

/** A risk score, 0 to 100 with one decimal, and its tier. */
public record Risk(double score, Tier tier) {
  /** The score rounded to one decimal, and the tier of the rounded score. */
  public static Risk of(double score) {
    double rounded = Math.round(score * 10) / 10.0;
    return new Risk(rounded, Tier.of(rounded));
  }
}
