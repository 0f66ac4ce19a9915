package io.venuerisk.model;

/**
 * Reference fact from data/mitigations.csv: public protective-security guidance ties a measure to an
 * exposure; {@code credit} is the project's own weight (docs/scoring.md), not the guidance's.
 */
public record MitigationOption(ExposureKind exposure, Measure measure, int credit, String guidance) {}
