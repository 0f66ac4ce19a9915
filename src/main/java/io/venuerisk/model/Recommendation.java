package io.venuerisk.model;

/**
 * Derived fact: a measure not in place that guidance ties to one of the scenario's exposures, and the
 * credit it would earn against that exposure.
 */
public record Recommendation(
    Scenario scenario, Measure measure, ExposureKind exposure, int credit, String rule) {}
