package io.venuerisk.model;

/**
 * Reference row of data/mitigations.csv: public protective-security guidance ties a measure to an
 * exposure. {@code effectiveness} is the share of the remaining vulnerability to that exposure the
 * measure removes when it is in place (0 to 1, exclusive): the project's own weight
 * (docs/scoring.md), since guidance gives no numbers. {@code placement} is null on the row for the
 * measure as usually deployed, and set on a row for the measure deployed at one place.
 */
public record MitigationOption(
    ExposureKind exposure,
    Measure measure,
    MitigationRole role,
    double effectiveness,
    String guidance,
    Placement placement) {

  /** A row for the measure as usually deployed. */
  public MitigationOption(
      ExposureKind exposure,
      Measure measure,
      MitigationRole role,
      double effectiveness,
      String guidance) {
    this(exposure, measure, role, effectiveness, guidance, null);
  }
}
