package io.venuerisk.model;

/**
 * A risk as a planner rates it (docs/scoring.md): a likelihood and a consequence, each with its
 * points and its level 1 to 5; the tier their levels give in the matrix (data/risk_matrix.csv); and
 * a score from 0 to 100 with one decimal that rises with both, so that events in one cell still
 * rank.
 */
public record Risk(double score, Tier tier, Rating likelihood, Rating consequence) {
  public Risk {
    // the logistic curve never reaches 0; one decimal would show the faintest risk as 0.0
    score = Math.max(0.1, Math.round(score * 10) / 10.0);
  }
}
