package io.venuerisk.model;

import java.util.List;

/**
 * One exposure of the scenario with its points, the credit earned by measures in place and the
 * measures still missing: tactics only ever appear paired with their mitigations.
 */
public record ExposureSummary(
    ExposureKind exposure,
    Tactic tactic,
    String reason,
    int points,
    int credit,
    List<Measure> inPlace,
    List<Measure> missing) {
  public ExposureSummary {
    inPlace = List.copyOf(inPlace);
    missing = List.copyOf(missing);
  }

  public int residual() {
    return points - credit;
  }
}
