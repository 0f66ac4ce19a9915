package io.venuerisk.model;

/** A measure in place that answers none of the event's exposures, and why. */
public record MeasureWithoutEffect(Measure measure, String reason) {}
