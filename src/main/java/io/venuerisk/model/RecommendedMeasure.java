package io.venuerisk.model;

import java.util.List;

/**
 * A measure not in place, the exposures it would reduce, how many points of residual risk it would
 * take off if it were added on its own, and how many risk points it takes off each tactic ({@code
 * byTactic}, largest first).
 */
public record RecommendedMeasure(
    Measure measure, double reduction, List<ExposureKind> reduces, List<TacticReduction> byTactic) {
  public RecommendedMeasure {
    reduces = List.copyOf(reduces);
    byTactic = List.copyOf(byTactic);
  }
}
