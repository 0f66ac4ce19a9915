package io.venuerisk.model;

import java.util.List;

/**
 * A measure not in place, the exposures it would reduce and by how many points in total: the
 * credit the same rules would give it if it were added (each exposure's credit is its own).
 */
public record RecommendedMeasure(Measure measure, int reduction, List<ExposureKind> reduces) {
  public RecommendedMeasure {
    reduces = List.copyOf(reduces);
  }
}
