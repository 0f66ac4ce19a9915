package io.venuerisk.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Derived fact: a scenario falls in a dated {@link Period}, one fact per scenario and period
 * however many reference rows overlap. {@code names} lists the rows, sorted, so the fact is the
 * same whatever order the rows were inserted in.
 */
public record During(Scenario scenario, Period period, List<String> names) {
  public During {
    names = List.copyOf(names);
  }

  /**
   * The fact for the reference rows that overlap the scenario (observances, high-profile events,
   * tension periods), named, de-duplicated and sorted.
   */
  public static During of(Scenario scenario, Period period, Collection<?> rows) {
    TreeSet<String> sorted = new TreeSet<>();
    for (Object row : rows) {
      sorted.add(name(row));
    }
    return new During(scenario, period, new ArrayList<>(sorted));
  }

  private static String name(Object row) {
    if (row instanceof Observance o) {
      return o.start().equals(o.end())
          ? o.name()
          : o.name() + " (" + o.start() + " to " + o.end() + ")";
    }
    if (row instanceof HighProfileEvent h) {
      return h.name() + " (" + h.start() + " to " + h.end() + ")";
    }
    if (row instanceof TensionPeriod t) {
      return t.name();
    }
    return String.valueOf(row);
  }

  /** "Easter 2028 and Orthodox Easter 2028". */
  public String label() {
    if (names.size() <= 1) {
      return names.isEmpty() ? period.code() : names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
