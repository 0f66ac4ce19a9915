package io.venuerisk.model;

import java.util.List;

/**
 * Derived fact: the measures not in place that guidance ties to one of the scenario's exposures,
 * each with the credit it would earn against that exposure. One fact per exposure rather than one
 * per measure: recommendations were over half of all derived facts, and each costs the engine an
 * insert and truth maintenance.
 *
 * @param missing never empty, in data/mitigations.csv order
 */
public record Recommendation(
    Scenario scenario, ExposureKind exposure, List<MitigationOption> missing, String rule) {

  public Recommendation {
    missing = List.copyOf(missing);
  }
}
