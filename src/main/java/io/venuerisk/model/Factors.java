package io.venuerisk.model;

/**
 * How the risk was formed: the three factors of the inherent risk and the vulnerability left by the
 * measures in place (1 with none, never 0: docs/scoring.md).
 */
public record Factors(
    FactorScore attractiveness, FactorScore threat, FactorScore impact, double vulnerability) {}
