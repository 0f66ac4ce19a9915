package io.venuerisk.model;

import java.util.List;

/**
 * A measure not in place, the exposures it would reduce and how many points of residual risk it
 * would take off if it were added on its own.
 */
public record RecommendedMeasure(Measure measure, double reduction, List<ExposureKind> reduces) {
  public RecommendedMeasure {
    reduces = List.copyOf(reduces);
  }
}
