package io.venuerisk.model;

/** Derived fact: a classification of the scenario, with the facts that earned it. */
public record Trait(Scenario scenario, TraitKind kind, String reason) {}
