package io.venuerisk.model;

import java.util.List;

/**
 * Derived fact: one fired scoring rule's contribution to a scenario's risk. {@code points} count
 * towards the factor of the rule's category: the likelihood or the consequence, or, for an
 * exposure, the tactic's weight in the region. Inside a session {@code points} are the rule's units
 * (1, or tenfolds or steps); the engine turns them into points from data/points.csv, and a finding
 * in a {@code group} of findings resting on one fact counts at {@code share} of them. {@code
 * measures} are the measures the rule calls for; {@code exposure} is set on exposure findings only.
 */
public record Finding(
    Scenario scenario,
    String rule,
    Category category,
    double points,
    String rationale,
    List<String> cites,
    List<Measure> measures,
    ExposureKind exposure,
    String group,
    double share) {

  public Finding {
    cites = List.copyOf(cites);
    measures = List.copyOf(measures);
  }

  /** The same finding calling for these measures. */
  public Finding withMeasures(List<Measure> measures) {
    return new Finding(
        scenario, rule, category, points, rationale, cites, measures, exposure, group, share);
  }

  /**
   * The same finding worth these points, in this group of findings resting on one fact (null for
   * none), counted at this share of its full points (1 for the group's strongest).
   */
  public Finding counted(double points, String group, double share) {
    return new Finding(
        scenario, rule, category, points, rationale, cites, measures, exposure, group, share);
  }

  public Factor factor() {
    return category.factor();
  }

  public String scenarioId() {
    return scenario.id();
  }
}
