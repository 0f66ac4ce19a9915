package io.venuerisk.model;

/**
 * A measure in place and what it does against one exposure (a row of data/mitigations.csv), with
 * the effectiveness as deployed: its placement's row and whether it was exercised.
 */
public record MeasureEffect(
    Measure measure, MitigationRole role, double effectiveness, String guidance) {
  public static MeasureEffect of(MitigationOption m) {
    return new MeasureEffect(m.measure(), m.role(), m.effectiveness(), m.guidance());
  }

  /** The row with the effectiveness the measure has as deployed. */
  public static MeasureEffect of(MitigationOption m, double effectiveness) {
    return new MeasureEffect(m.measure(), m.role(), effectiveness, m.guidance());
  }
}
