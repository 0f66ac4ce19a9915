package io.venuerisk.model;

/**
 * One factor of the inherent risk: the points of the findings that count towards it and the value
 * they give, from 0 to 1 (docs/scoring.md: {@code 1 - exp(-points / scale)}).
 */
public record FactorScore(Factor factor, double points, double value) {}
