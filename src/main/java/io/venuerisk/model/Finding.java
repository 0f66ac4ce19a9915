package io.venuerisk.model;

import java.util.List;

/**
 * Derived fact: one fired scoring rule's contribution to a scenario's score. Points are negative for
 * mitigation credit. {@code measures} are the measures the rule calls for (or credits);
 * {@code exposure} is set on exposure and mitigation findings, null on others.
 */
public record Finding(
    Scenario scenario,
    String rule,
    Category category,
    int points,
    String rationale,
    List<String> cites,
    List<Measure> measures,
    ExposureKind exposure) {

  public Finding {
    cites = List.copyOf(cites);
    measures = List.copyOf(measures);
  }

  public String scenarioId() {
    return scenario.id();
  }
}
