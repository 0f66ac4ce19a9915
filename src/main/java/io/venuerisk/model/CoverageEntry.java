package io.venuerisk.model;

import java.time.LocalDate;

/**
 * Reference fact from data/coverage.csv: the period a reference table is complete for (for one
 * country, or for all), so that a result can say when an event falls outside it.
 *
 * @param table the file name in data/, such as {@code high_profile_events.csv}
 * @param country an ISO 3166-1 alpha-2 code, or null when the entry holds for every country
 * @param from first day covered, or null for a table that is not dated (countries, mitigations)
 * @param to last day covered, or null for a table that is not dated
 * @param source a summary of where the table's facts come from
 * @param outside what goes unchecked for dates outside the period ("high-profile events were not
 *     checked"); empty for a table that is not dated
 */
public record CoverageEntry(
    String table, String country, LocalDate from, LocalDate to, String source, String outside) {

  public boolean dated() {
    return from != null;
  }
}
