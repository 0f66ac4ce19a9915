package io.venuerisk.reference;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.CoverageEntry;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.Observance;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/coverage.csv says truly where each table ends: every row lies inside its table's period, the
 * period is not wider than the rows, and an event outside it gets a note that names the table and
 * the date.
 */
class DataCoverageTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final DataCoverage COVERAGE = DATA.coverage();
  private static final Set<String> DATED =
      Set.of(
          ReferenceData.OBSERVANCES,
          ReferenceData.HIGH_PROFILE_EVENTS,
          ReferenceData.TENSION_PERIODS,
          ReferenceData.THREAT_LEVELS);

  private static CoverageEntry only(String table) {
    List<CoverageEntry> e = COVERAGE.entries(table);
    assertThat(e).as(table).hasSize(1);
    return e.get(0);
  }

  // ------------------------------------------------------------------ the periods are true

  @Test
  void everyTableStatesItsCoverageAndOnlyTheDatedTablesHavePeriods() {
    for (String table : ReferenceSnapshot.FILES) {
      List<CoverageEntry> entries = COVERAGE.entries(table);
      assertThat(entries).as("coverage of %s", table).isNotEmpty();
      for (CoverageEntry e : entries) {
        assertThat(e.dated()).as("%s dated", table).isEqualTo(DATED.contains(table));
        assertThat(e.source()).as("%s source", table).isNotBlank();
        if (e.dated()) {
          assertThat(e.outside()).as("%s outside", table).isNotBlank();
        }
      }
      if (!table.equals(ReferenceData.THREAT_LEVELS)) {
        assertThat(entries).as(table).singleElement().extracting(CoverageEntry::country).isNull();
      }
    }
    assertThat(DATA.rowCounts().keySet()).containsExactlyElementsOf(ReferenceSnapshot.FILES);
  }

  @Test
  void observancesStartInsideTheirPeriodAndEveryYearOfItHasThem() {
    CoverageEntry c = only(ReferenceData.OBSERVANCES);
    assertThat(DATA.observances())
        .allSatisfy(o -> assertThat(o.start()).as(o.name()).isBetween(c.from(), c.to()));
    assertEveryYearHasARowStarting(c, DATA.observances().stream().map(Observance::start).toList());
    assertThat(c.from()).isEqualTo("2005-01-01");
    assertThat(c.to()).isEqualTo("2035-12-31");
  }

  @Test
  void highProfileEventsStartInsideTheirPeriodAndEveryYearOfItHasThem() {
    CoverageEntry c = only(ReferenceData.HIGH_PROFILE_EVENTS);
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      assertThat(e.start()).as(e.id()).isBetween(c.from(), c.to());
    }
    assertEveryYearHasARowStarting(
        c, DATA.highProfileEvents().stream().map(HighProfileEvent::start).toList());
    assertThat(c.from()).isEqualTo("2005-01-01");
    assertThat(c.to()).isEqualTo("2030-12-31");
  }

  @Test
  void tensionPeriodsAllReachIntoTheReviewedPeriodAndNoneStartsAfterIt() {
    CoverageEntry c = only(ReferenceData.TENSION_PERIODS);
    for (TensionPeriod t : DATA.tensionPeriods()) {
      assertThat(t.start()).as(t.id()).isBeforeOrEqualTo(c.to());
      assertThat(t.end() == null || !t.end().isBefore(c.from())).as(t.id()).isTrue();
    }
  }

  @Test
  void eachCountrysThreatLevelsCoverEveryDayOfItsPeriodOnceFromItsFirstRow() {
    Set<String> withRows =
        DATA.threatLevels().periods().stream()
            .map(ThreatLevelPeriod::country)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> withCoverage =
        COVERAGE.entries(ReferenceData.THREAT_LEVELS).stream()
            .map(CoverageEntry::country)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(withCoverage).isEqualTo(withRows);
    for (CoverageEntry c : COVERAGE.entries(ReferenceData.THREAT_LEVELS)) {
      List<ThreatLevelPeriod> rows = DATA.threatLevels().referencePeriods(c.country());
      assertThat(rows.stream().map(ThreatLevelPeriod::from).min(LocalDate::compareTo))
          .as("%s starts with its first row", c.country())
          .contains(c.from());
      for (ThreatLevelPeriod p : rows) {
        assertThat(p.from()).as("%s", p).isBeforeOrEqualTo(c.to());
      }
      for (LocalDate d = c.from(); !d.isAfter(c.to()); d = d.plusDays(1)) {
        long day = d.toEpochDay();
        long inForce = rows.stream().filter(p -> p.startDay() <= day && p.endDay() >= day).count();
        assertThat(inForce).as("%s rows in force on %s", c.country(), d).isEqualTo(1);
      }
    }
  }

  @Test
  void theThreatLevelsOfGbFrNlBeAuAndUsAreKnownFrom2024ToTheReview() {
    for (String cc : List.of("GB", "FR", "NL", "BE", "AU", "US")) {
      CoverageEntry c =
          COVERAGE.entries(ReferenceData.THREAT_LEVELS).stream()
              .filter(e -> e.country().equals(cc))
              .findFirst()
              .orElseThrow();
      assertThat(c.from()).as(cc).isBeforeOrEqualTo(LocalDate.parse("2024-01-01"));
      assertThat(c.to()).as(cc).isEqualTo(only(ReferenceData.TENSION_PERIODS).to());
    }
  }

  private static void assertEveryYearHasARowStarting(CoverageEntry c, List<LocalDate> starts) {
    assertThat(c.from().getDayOfYear()).as("%s starts on 1 January", c.table()).isEqualTo(1);
    assertThat(c.to())
        .as("%s ends on 31 December", c.table())
        .isEqualTo(LocalDate.of(c.to().getYear(), 12, 31));
    for (int y = c.from().getYear(); y <= c.to().getYear(); y++) {
      int year = y;
      assertThat(starts)
          .as("%s rows starting in %d", c.table(), y)
          .anyMatch(d -> d.getYear() == year);
    }
  }

  // ------------------------------------------------------------------ the notes

  @Test
  void anEventPastTheHighProfileTableGetsANoteNamingItAndItsEnd() {
    List<String> notes = COVERAGE.notes(scenario().in("ES").on("2031-06-05").build());
    assertThat(notes)
        .contains(
            "data/high_profile_events.csv covers 2005-01-01 to 2030-12-31; this event is after its end:"
                + " high-profile events were not checked");
    assertThat(notes).noneMatch(n -> n.startsWith("data/observances.csv"));
  }

  @Test
  void anEventPastEveryTableGetsANoteForEach() {
    List<String> notes = COVERAGE.notes(scenario().in("JP").on("2036-03-01").build());
    assertThat(notes)
        .containsExactly(
            "data/observances.csv covers 2005-01-01 to 2035-12-31; this event is after its end:"
                + " religious and cultural dates were not checked",
            "data/high_profile_events.csv covers 2005-01-01 to 2030-12-31; this event is after its end:"
                + " high-profile events were not checked",
            "data/tension_periods.csv covers 2014-01-01 to 2026-12-01; this event is after its end:"
                + " tension periods that began outside this period are not known",
            "data/threat_levels.csv records no national threat-level system for JP: no national threat"
                + " level was used");
  }

  @Test
  void anEventAfterTheReviewIsScoredAgainstTheLevelStillInForceAndSaysSo() {
    List<String> notes = COVERAGE.notes(scenario().in("GB").on("2027-06-05").build());
    assertThat(notes)
        .containsExactly(
            "data/tension_periods.csv covers 2014-01-01 to 2026-12-01; this event is after its end:"
                + " tension periods that began outside this period are not known",
            "data/threat_levels.csv covers GB from 2006-08-01 to 2026-12-01; this event is after its end:"
                + " the national threat level is not known outside this period; the level in force on"
                + " 2026-12-01 (SEVERE, since 2026-04-30) is assumed to continue");
  }

  @Test
  void anEventAcrossAnEndOrAStartSaysHowItFallsOutside() {
    assertThat(COVERAGE.notes(scenario().in("GB").on("2026-11-30").until("2026-12-02").build()))
        .anyMatch(
            n ->
                n.startsWith(
                    "data/tension_periods.csv covers 2014-01-01 to 2026-12-01; this event runs past its end"));
    assertThat(COVERAGE.notes(scenario().in("JP").on("2004-12-30").until("2005-01-02").build()))
        .contains(
            "data/observances.csv covers 2005-01-01 to 2035-12-31; this event begins before its start:"
                + " religious and cultural dates were not checked");
    List<String> before = COVERAGE.notes(scenario().in("FR").on("2005-06-01").build());
    assertThat(before)
        .contains(
            "data/threat_levels.csv covers FR from 2005-07-07 to 2026-12-01; this event is before its start:"
                + " the national threat level is not known outside this period");
  }

  @Test
  void anEventInsideEveryPeriodGetsNoNote() {
    assertThat(COVERAGE.notes(scenario().in("GB").on("2026-06-20").build())).isEmpty();
    assertThat(COVERAGE.notes(scenario().in("FR").on("2024-07-26").until("2024-08-11").build()))
        .isEmpty();
  }

  @Test
  void aLevelTheUserGaveNeedsNoThreatLevelNote() {
    ReferenceData option =
        DATA.withThreatOverrides(
            List.of(DATA.threatLevels().definition("GB", "SEVERE").orElseThrow()));
    List<String> notes = option.coverage().notes(scenario().in("GB").on("2027-06-05").build());
    assertThat(notes).hasSize(1).allMatch(n -> n.startsWith("data/tension_periods.csv"));
  }

  @Test
  void aCountryWithASystemButNoRowsIsToldHowToGiveItsLevel(@TempDir Path dir) throws IOException {
    for (String f : ReferenceSnapshot.FILES) {
      List<String> lines = Files.readAllLines(Path.of("data", f));
      if (f.equals(ReferenceData.THREAT_LEVELS) || f.equals(ReferenceData.COVERAGE)) {
        lines =
            lines.stream()
                .filter(l -> !l.startsWith("ES,") && !l.startsWith("threat_levels.csv,ES,"))
                .toList();
      }
      Files.write(dir.resolve(f), lines);
    }
    ReferenceData data = ReferenceData.load(dir);
    assertThat(data.coverage().notes(scenario().in("ES").on("2026-06-05").build()))
        .containsExactly(
            dir.resolve("threat_levels.csv")
                + " has no dated level for ES: no national"
                + " threat level was used; give one with --threat-level ES=LEVEL");
  }
}
