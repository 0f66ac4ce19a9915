package io.venuerisk.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Reference fact from data/high_profile_events.csv: a major event with its true dates and host
 * countries, and whether the guide or later reporting names it as threatened.
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
    String note) {

  public HighProfileEvent {
    countries = List.copyOf(countries);
    cites = List.copyOf(cites);
  }

  public long startDay() {
    return start.toEpochDay();
  }

  public long endDay() {
    return end.toEpochDay();
  }
}
