package io.venuerisk.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Reference fact from data/high_profile_events.csv, or from a user's context file: a major event
 * with its dates, host countries and cities, and whether the guide or later reporting names it as
 * threatened.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the host countries; empty while the host is not
 *     known (such a row matches no scenario)
 * @param cities the host cities, as far as known
 * @param provisional the dates (or the host) are not fixed yet, or were not confirmed against the
 *     organiser when the row was written
 * @param source who fixed or reported the dates
 * @param declaredIn the context file that declared the row, or null for reference data
 */
public record HighProfileEvent(
    String id,
    String name,
    LocalDate start,
    LocalDate end,
    List<String> countries,
    boolean sporting,
    boolean european,
    List<String> cites,
    String note,
    List<String> cities,
    boolean provisional,
    String source,
    String declaredIn) {

  public HighProfileEvent {
    countries = List.copyOf(countries);
    cites = List.copyOf(cites);
    cities = List.copyOf(cities);
  }

  public long startDay() {
    return start.toEpochDay();
  }

  public long endDay() {
    return end.toEpochDay();
  }

  /** True for a row a user declared with {@code --context}. */
  public boolean declared() {
    return declaredIn != null;
  }
}
