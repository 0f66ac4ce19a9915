package io.venuerisk.model;

import java.util.List;

/**
 * One exposure of the scenario: the rule that found it, its weight in the vulnerability, the
 * vulnerability to it that the measures in place leave (1 with none), those measures and what each
 * does, and the measures guidance ties to it that are missing: tactics only ever appear paired with
 * their mitigations. Per tactic, as in a threat-vulnerability matrix: {@code weight} is how much
 * the region's attackers use it (data/tactic_weights.csv) and {@code relativeWeight} that weight
 * over the region's most used tactic's; {@code peopleReached} how many of the people present it can
 * reach (data/tactics.csv); {@code consequence} the harm of an attack by it here, with its level;
 * {@code inherentPoints} its risk points (likelihood + 10 x log2 relative weight + consequence) and
 * {@code residualPoints} the same plus 10 x log2 of the vulnerability left.
 */
public record ExposureSummary(
    ExposureKind exposure,
    Tactic tactic,
    String rule,
    String reason,
    double weight,
    double vulnerability,
    List<MeasureEffect> inPlace,
    List<Measure> missing,
    double relativeWeight,
    long peopleReached,
    Rating consequence,
    double inherentPoints,
    double residualPoints) {
  public ExposureSummary {
    inPlace = List.copyOf(inPlace);
    missing = List.copyOf(missing);
  }
}
