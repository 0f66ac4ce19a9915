package io.venuerisk.model;

/** Derived fact: the scenario is exposed to one tactic, for the reason given. */
public record Exposure(Scenario scenario, ExposureKind kind, String reason) {
  public Tactic tactic() {
    return kind.tactic();
  }
}
