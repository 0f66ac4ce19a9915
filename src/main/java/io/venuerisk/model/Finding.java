package io.venuerisk.model;

import java.util.List;

/**
 * Derived fact: one fired scoring rule's contribution to a scenario's risk. {@code points} count
 * towards the factor of the rule's category: evidence of attractiveness, threat or impact, or, for
 * an exposure, its weight in the vulnerability. {@code measures} are the measures the rule calls
 * for; {@code exposure} is set on exposure findings only.
 */
public record Finding(
    Scenario scenario,
    String rule,
    Category category,
    double points,
    String rationale,
    List<String> cites,
    List<Measure> measures,
    ExposureKind exposure) {

  public Finding {
    cites = List.copyOf(cites);
    measures = List.copyOf(measures);
  }

  /** The same finding calling for these measures. */
  public Finding withMeasures(List<Measure> measures) {
    return new Finding(scenario, rule, category, points, rationale, cites, measures, exposure);
  }

  public Factor factor() {
    return category.factor();
  }

  public String scenarioId() {
    return scenario.id();
  }
}
