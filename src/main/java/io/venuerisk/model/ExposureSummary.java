package io.venuerisk.model;

import java.util.List;

/**
 * One exposure of the scenario: the rule that found it, its weight in the vulnerability, the
 * vulnerability to it that the measures in place leave (1 with none), those measures and what each
 * does, and the measures guidance ties to it that are missing: tactics only ever appear paired with
 * their mitigations.
 */
public record ExposureSummary(
    ExposureKind exposure,
    Tactic tactic,
    String rule,
    String reason,
    double weight,
    double vulnerability,
    List<MeasureEffect> inPlace,
    List<Measure> missing) {
  public ExposureSummary {
    inPlace = List.copyOf(inPlace);
    missing = List.copyOf(missing);
  }
}
