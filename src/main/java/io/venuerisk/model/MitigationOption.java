package io.venuerisk.model;

/**
 * Reference row of data/mitigations.csv: public protective-security guidance ties a measure to an
 * exposure. {@code effectiveness} is the share of the remaining vulnerability to that exposure the
 * measure removes when it is in place (0 to 1, exclusive): the project's own weight
 * (docs/scoring.md), since guidance gives no numbers.
 */
public record MitigationOption(
    ExposureKind exposure,
    Measure measure,
    MitigationRole role,
    double effectiveness,
    String guidance) {}
