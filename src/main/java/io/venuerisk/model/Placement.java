package io.venuerisk.model;

/** Where a validation case's measure sat, when a source says (the case field {@code placement}). */
public enum Placement implements Vocabulary {
  /** At the edge of the zone, before the crowd gathers: road closures, barriers, outer checks. */
  OUTER_PERIMETER,
  /** At the doors, turnstiles or gates, where people queue. */
  ENTRY,
  /** Within the screened area. */
  INSIDE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
