package io.venuerisk.model;

/**
 * One scale of a risk: its points (likelihood: 10 points double the odds; consequence: 10 points
 * double the harm), the level 1 to 5 they fall in and what that level means (data/risk_levels.csv).
 */
public record Rating(double points, int level, String meaning) {
  public Rating {
    points = Math.round(points * 10) / 10.0;
    points = points == 0 ? 0 : points; // never -0.0
  }
}
