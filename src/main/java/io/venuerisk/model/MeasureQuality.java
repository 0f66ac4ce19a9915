package io.venuerisk.model;

/**
 * How a measure in place is deployed: where it applies and whether it was exercised (tested,
 * rehearsed or drilled) in the last 12 months. Either may be unknown (null), which counts as "as
 * usually deployed" (the measure's plain row in data/mitigations.csv).
 */
public record MeasureQuality(Measure measure, Placement placement, Boolean exercised) {
  /** A measure whose deployment is not stated. */
  public static MeasureQuality usual(Measure measure) {
    return new MeasureQuality(measure, null, null);
  }

  public boolean stated() {
    return placement != null || exercised != null;
  }
}
