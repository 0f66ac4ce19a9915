package io.venuerisk.reference;

import io.venuerisk.model.CoverageEntry;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ThreatLevelInForce;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the reference data ends (data/coverage.csv), and the note an event gets for each table
 * whose period does not include its dates, so that no result hides a gap: "data/high_profile_
 * events.csv covers 2024-01-01 to 2030-12-31; this event is after its end: high-profile events were
 * not checked".
 *
 * <p>Threat levels are covered per country. An event in a country whose level the user gave
 * (scenario, option or context file) gets no threat-level note; one in a country without a recorded
 * level gets a note saying so; one after the end of its country's period is scored against the
 * level still in force on that day, and the note says which.
 */
public final class DataCoverage {
  private final List<CoverageEntry> entries;
  private final String prefix;
  private final ThreatLevels threatLevels;

  DataCoverage(List<CoverageEntry> entries, String prefix, ThreatLevels threatLevels) {
    this.entries = List.copyOf(entries);
    this.prefix = prefix;
    this.threatLevels = threatLevels;
  }

  /** Every entry, in file order. */
  public List<CoverageEntry> entries() {
    return entries;
  }

  /** The entries of one table (several for threat levels: one per country). */
  public List<CoverageEntry> entries(String table) {
    List<CoverageEntry> out = new ArrayList<>();
    for (CoverageEntry e : entries) {
      if (e.table().equals(table)) {
        out.add(e);
      }
    }
    return out;
  }

  /** How a table is named in notes: {@code data/observances.csv}, or under a --data folder. */
  public String path(String table) {
    return prefix + table;
  }

  /** One note for each table whose coverage leaves out some of the event's days, in file order. */
  public List<String> notes(Scenario s) {
    return notes(s, threatLevels.inForce(s).orElse(null));
  }

  /**
   * The same, for a scenario whose threat level in force is already known ({@code used}, null for
   * none): the engine works it out once per event, for the rules.
   */
  public List<String> notes(Scenario s, ThreatLevelInForce used) {
    List<String> notes = new ArrayList<>();
    for (CoverageEntry e : entries) {
      if (e.dated() && e.country() == null && !e.table().equals(ReferenceData.THREAT_LEVELS)) {
        relation(e, s.date(), s.endDate())
            .ifPresent(r -> notes.add(covers(e) + "; this event " + r + ": " + e.outside()));
      }
    }
    threatLevelNote(s, Optional.ofNullable(used)).ifPresent(notes::add);
    return notes;
  }

  private Optional<String> threatLevelNote(Scenario s, Optional<ThreatLevelInForce> used) {
    String cc = s.country();
    if (cc == null) {
      return Optional.empty();
    }
    if (used.isPresent() && used.get().declared()) {
      return Optional.empty(); // the user said which level holds
    }
    String table = path(ReferenceData.THREAT_LEVELS);
    CoverageEntry entry = null;
    for (CoverageEntry e : entries) {
      if (e.table().equals(ReferenceData.THREAT_LEVELS) && cc.equals(e.country())) {
        entry = e;
      }
    }
    if (entry == null) {
      if (threatLevels.system(cc).isEmpty()) {
        return Optional.of(
            table
                + " records no national threat-level system for "
                + cc
                + ": no national threat level was used");
      }
      return Optional.of(
          table
              + " has no dated level for "
              + cc
              + ": no national threat level was used; give one with --threat-level "
              + cc
              + "=LEVEL");
    }
    CoverageEntry e = entry;
    return relation(e, s.date(), s.endDate())
        .map(
            r -> {
              String note = covers(e) + "; this event " + r + ": " + e.outside();
              if (used.isPresent() && s.endDate().isAfter(e.to())) {
                ThreatLevelInForce t = used.get();
                note +=
                    "; the level in force on "
                        + e.to()
                        + " ("
                        + t.level()
                        + ", since "
                        + t.asOf()
                        + ") is assumed to continue";
              }
              return note;
            });
  }

  private String covers(CoverageEntry e) {
    return path(e.table())
        + " covers "
        + (e.country() == null ? "" : e.country() + " from ")
        + e.from()
        + " to "
        + e.to();
  }

  /** How the event's days fall outside the entry's period, or empty when they are inside. */
  static Optional<String> relation(CoverageEntry e, LocalDate start, LocalDate end) {
    if (start.isAfter(e.to())) {
      return Optional.of("is after its end");
    }
    if (end.isBefore(e.from())) {
      return Optional.of("is before its start");
    }
    if (end.isAfter(e.to())) {
      return Optional.of("runs past its end");
    }
    if (start.isBefore(e.from())) {
      return Optional.of("begins before its start");
    }
    return Optional.empty();
  }
}
