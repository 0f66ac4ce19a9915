package io.venuerisk.model;

import java.util.List;

/** Protective measures in place. Absent means unknown, which earns no credit. */
public record Security(List<Measure> measures) {
  public Security {
    measures = measures == null ? List.of() : List.copyOf(measures);
  }
}
