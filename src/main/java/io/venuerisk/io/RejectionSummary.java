package io.venuerisk.io;

import io.venuerisk.model.InputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rejections of a run, grouped by field and reason (the quoted values and numbers aside), for
 * one line after the per-record lines when most records fail the same way: "31 of 31 records: date:
 * '31/12/2027' is not a date in month/day/year order (--date-order mdy); it looks like
 * day/month/year: give --date-order dmy". The first record's message carries the fix.
 */
public final class RejectionSummary {
  private final Map<String, Group> groups = new LinkedHashMap<>();

  private static final class Group {
    final InputException first;
    long n;

    Group(InputException first) {
      this.first = first;
    }
  }

  public synchronized void add(InputException e) {
    String key =
        e.field()
            + "\u0000"
            + String.valueOf(e.problem()).replaceAll("'[^']*'", "''").replaceAll("[0-9]+", "#");
    groups.computeIfAbsent(key, k -> new Group(e)).n++;
  }

  /**
   * The line for the reason most records failed for, when more than half of {@code records} (and at
   * least two) failed for it.
   */
  public synchronized Optional<String> summary(long records) {
    Group most = null;
    for (Group g : groups.values()) {
      if (most == null || g.n > most.n) {
        most = g;
      }
    }
    if (most == null || most.n < 2 || most.n * 2 <= records) {
      return Optional.empty();
    }
    InputException e = most.first;
    return Optional.of(
        most.n
            + " of "
            + records
            + " records: "
            + (e.field() == null ? "" : e.field() + ": ")
            + e.problem());
  }
}
