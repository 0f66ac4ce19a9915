package io.venuerisk.model;

import java.util.List;

/**
 * What a scenario file's {@code expect} object says its assessment must be: the residual tier and a
 * score range, the inherent tier and a score range, rules that must fire and rules that must not.
 * Absent parts are not checked.
 */
public record Expectation(
    Tier tier,
    Double minScore,
    Double maxScore,
    Tier inherentTier,
    Double minInherent,
    Double maxInherent,
    List<String> fires,
    List<String> doesNotFire) {
  public Expectation {
    fires = fires == null ? List.of() : List.copyOf(fires);
    doesNotFire = doesNotFire == null ? List.of() : List.copyOf(doesNotFire);
  }
}
