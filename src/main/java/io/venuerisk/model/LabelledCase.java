package io.venuerisk.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One validation case: the scenario, what happened, where the facts come from, and the case fields
 * of the coding protocol (scenarios/validation/README.md).
 *
 * @param measuresBasis how the measures were found; null when the case file does not say
 * @param placement where a listed measure sat, when a source says; kept, not scored
 * @param matchedTo the attacks and plots an ordinary case is a matched control for; empty otherwise
 * @param crossoverOf the attack or plot whose venue an ordinary case is, on another date; or null
 */
public record LabelledCase(
    Scenario scenario,
    CaseLabel label,
    String source,
    MeasuresBasis measuresBasis,
    Map<Measure, Placement> placement,
    List<String> matchedTo,
    String crossoverOf) {

  public LabelledCase {
    placement =
        placement == null || placement.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(placement));
    matchedTo = matchedTo == null ? List.of() : List.copyOf(matchedTo);
  }

  /** A case with a label and a source only, as a user's own case file may give it. */
  public LabelledCase(Scenario scenario, CaseLabel label, String source) {
    this(scenario, label, source, null, Map.of(), List.of(), null);
  }

  public String id() {
    return scenario.id();
  }
}
