package io.venuerisk.model;

/** A measure in place and what it does against one exposure (a row of data/mitigations.csv). */
public record MeasureEffect(
    Measure measure, MitigationRole role, double effectiveness, String guidance) {
  public static MeasureEffect of(MitigationOption m) {
    return new MeasureEffect(m.measure(), m.role(), m.effectiveness(), m.guidance());
  }
}
