package io.venuerisk.model;

import java.util.List;

/**
 * Reference fact from data/periods.csv: which reference rows put an event in a {@link Period}. The
 * timing rules derive one {@link During} per scenario and period from these, one rule for each
 * table (rules/timing.drl), so a new kind of observance or a period's days change in the data, not
 * in a rule.
 *
 * @param table the table whose overlapping rows count: {@code observances.csv}, {@code
 *     high_profile_events.csv} or {@code tension_periods.csv}
 * @param kinds for observances, the kinds that count, any of them
 * @param sporting for high-profile events, only the sporting ones count
 * @param european for high-profile events, only the European ones count
 * @param communities for tension periods, the communities a row must name, all of them; empty: only
 *     the rows that name none, which concern every community
 * @param eveDays days before a row's first day that count as well: 1 for a holiday that begins at
 *     sundown on its eve
 * @param traits the traits an event must have for the period to be derived for it (at most one of
 *     each kind is derived per scenario); empty for every event
 */
public record PeriodDefinition(
    Period period,
    String table,
    List<ObservanceKind> kinds,
    boolean sporting,
    boolean european,
    List<Community> communities,
    long eveDays,
    List<TraitKind> traits) {

  public PeriodDefinition {
    kinds = List.copyOf(kinds);
    communities = List.copyOf(communities);
    traits = List.copyOf(traits);
  }
}
