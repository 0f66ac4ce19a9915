package io.venuerisk.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Reference fact from data/tension_periods.csv, or from a user's context file: a period of
 * geopolitical tension the guide says IS-K exploits (ISK-M3), and the communities it puts at
 * heightened risk. An open-ended period has no end.
 *
 * @param declaredIn the context file that declared the row, or null for reference data
 */
public record TensionPeriod(
    String id,
    String name,
    LocalDate start,
    LocalDate end,
    List<Community> communities,
    String note,
    String declaredIn) {

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

  /** True for a row a user declared with {@code --context}. */
  public boolean declared() {
    return declaredIn != null;
  }
}
