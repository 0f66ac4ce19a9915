package io.venuerisk.model;

import java.util.List;
import java.util.Map;

/**
 * The result for one scenario: score 0..100 (the clamped sum of its findings' points), the tier,
 * the per-dimension subtotals, the findings (one per fired scoring rule match) and the measures to
 * add. Lists are in a fixed order so equal inputs give byte-identical output.
 */
public record Assessment(
    Scenario scenario,
    int score,
    Tier tier,
    int rawPoints,
    Map<Dimension, Integer> dimensions,
    List<Finding> findings,
    List<ExposureSummary> exposures,
    List<RecommendedMeasure> recommendedMeasures,
    List<String> notes) {

  public Assessment {
    dimensions = Map.copyOf(dimensions);
    findings = List.copyOf(findings);
    exposures = List.copyOf(exposures);
    recommendedMeasures = List.copyOf(recommendedMeasures);
    notes = List.copyOf(notes);
  }

  public String id() {
    return scenario.id();
  }
}
