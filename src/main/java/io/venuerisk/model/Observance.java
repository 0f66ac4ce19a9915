package io.venuerisk.model;

import java.time.LocalDate;

/**
 * Reference fact: one occurrence of a religious or cultural date, first to last day inclusive.
 *
 * @param source how the date was obtained (algorithm, library or published table)
 */
public record Observance(
    ObservanceKind kind, String name, LocalDate start, LocalDate end, String source) {

  public long startDay() {
    return start.toEpochDay();
  }

  public long endDay() {
    return end.toEpochDay();
  }
}
