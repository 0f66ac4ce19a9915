package io.venuerisk.engine;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reference rows with their first and last epoch day worked out once. Batch asks for the rows near
 * every event; converting each row's dates on every question was a visible share of scoring.
 */
final class DayIndex<T> {
  private final List<T> rows;
  private final long[] first;
  private final long[] last;

  DayIndex(List<T> rows, ToLongFunction<T> firstDay, ToLongFunction<T> lastDay) {
    this.rows = List.copyOf(rows);
    this.first = new long[rows.size()];
    this.last = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      first[i] = firstDay.applyAsLong(rows.get(i));
      last[i] = lastDay.applyAsLong(rows.get(i));
    }
  }

  /** Rows whose days overlap [fromDay, toDay], in data order. */
  void addOverlapping(long fromDay, long toDay, List<Object> out) {
    for (int i = 0; i < first.length; i++) {
      if (first[i] <= toDay && last[i] >= fromDay) {
        out.add(rows.get(i));
      }
    }
  }
}
