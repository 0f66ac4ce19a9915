package io.venuerisk.model;

import java.util.List;

/**
 * The result for one scenario: the residual risk (with the measures in place; {@link #score} and
 * {@link #tier}), the inherent risk (the same event with no measures), each as a likelihood and a
 * consequence, how the model formed them, how far the residual could move were the unknown facts
 * known, the findings (one per fired scoring rule), each exposure with its measures, the measures
 * in place that answer no exposure, and the measures to add; the national threat level it was
 * scored against and, for a venue in Great Britain, its tier under the Terrorism (Protection of
 * Premises) Act 2025, each null when none applies; and the measures' names (data/measures.csv),
 * which every output gives as the venue's country understands them. Lists are in a fixed order so
 * equal inputs give byte-identical output.
 */
public record Assessment(
    Scenario scenario,
    Risk residual,
    Risk inherent,
    RiskTrace trace,
    Band band,
    List<Finding> findings,
    List<ExposureSummary> exposures,
    List<MeasureWithoutEffect> measuresWithoutEffect,
    List<RecommendedMeasure> recommendedMeasures,
    ThreatLevelInForce threatLevel,
    MartynsLaw martynsLaw,
    List<String> notes,
    MeasureNames measureNames) {

  public Assessment {
    findings = List.copyOf(findings);
    exposures = List.copyOf(exposures);
    measuresWithoutEffect = List.copyOf(measuresWithoutEffect);
    recommendedMeasures = List.copyOf(recommendedMeasures);
    notes = List.copyOf(notes);
  }

  public String id() {
    return scenario.id();
  }

  /** The residual risk score, 0 to 100 with one decimal. */
  public double score() {
    return residual.score();
  }

  /** A measure in plain words, as the venue's country understands it. */
  public MeasureName name(Measure measure) {
    return measureNames.of(measure, scenario.country());
  }

  /** The residual risk tier. */
  public Tier tier() {
    return residual.tier();
  }

  /** The same result with its uncertainty band. */
  public Assessment withBand(Band band) {
    return new Assessment(
        scenario,
        residual,
        inherent,
        trace,
        band,
        findings,
        exposures,
        measuresWithoutEffect,
        recommendedMeasures,
        threatLevel,
        martynsLaw,
        notes,
        measureNames);
  }
}
