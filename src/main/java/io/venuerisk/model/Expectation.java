package io.venuerisk.model;

import java.util.List;

/**
 * What a scenario file's {@code expect} object says its assessment must be: a tier, a score range,
 * rules that must fire and rules that must not. Absent parts are not checked.
 */
public record Expectation(
    Tier tier, Integer minScore, Integer maxScore, List<String> fires, List<String> doesNotFire) {
  public Expectation {
    fires = fires == null ? List.of() : List.copyOf(fires);
    doesNotFire = doesNotFire == null ? List.of() : List.copyOf(doesNotFire);
  }
}
