package io.venuerisk.model;

/** One validation case: the scenario, what happened, and where the facts come from. */
public record LabelledCase(Scenario scenario, CaseLabel label, String source) {}
