package io.venuerisk.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Reference fact from data/tension_periods.csv: a period of geopolitical tension the guide says IS-K
 * exploits (ISK-M3), and the communities it puts at heightened risk. An open-ended period has no end.
 */
public record TensionPeriod(
    String id, String name, LocalDate start, LocalDate end, List<Community> communities, String note) {

  public TensionPeriod {
    communities = List.copyOf(communities);
  }

  public long startDay() {
    return start.toEpochDay();
  }

  /** Last day, or {@link Long#MAX_VALUE} while the period is open. */
  public long endDay() {
    return end == null ? Long.MAX_VALUE : end.toEpochDay();
  }
}
