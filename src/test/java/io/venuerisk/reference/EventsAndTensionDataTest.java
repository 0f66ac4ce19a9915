package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.TensionPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** data/high_profile_events.csv and data/tension_periods.csv keep the guide's true dates. */
class EventsAndTensionDataTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Map<String, HighProfileEvent> EVENTS =
      DATA.highProfileEvents().stream()
          .collect(Collectors.toMap(HighProfileEvent::id, Function.identity()));

  @Test
  void everyEventNamesRealCountriesAndRealGuideStatements() {
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      assertThat(e.countries())
          .as(e.id())
          .allSatisfy(c -> assertThat(DATA.country(c)).as("%s in %s", c, e.id()).isPresent());
      assertThat(DATA.statements().keySet()).as(e.id()).containsAll(e.cites());
      assertThat(e.cites()).as(e.id()).isNotEmpty();
      assertThat(e.end()).as(e.id()).isAfterOrEqualTo(e.start());
      assertThat(e.source()).as(e.id()).isNotBlank();
      assertThat(e.declared()).as(e.id()).isFalse();
    }
  }

  @Test
  void anEventWithoutAKnownHostIsProvisionalAndSaysHowToDeclareIt() {
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      if (e.countries().isEmpty()) {
        assertThat(e.provisional()).as(e.id()).isTrue();
        assertThat(e.cities()).as(e.id()).isEmpty();
        assertThat(e.note()).as(e.id()).contains("--context");
      } else {
        assertThat(e.cities()).as("host cities of %s", e.id()).isNotEmpty();
      }
    }
  }

  @Test
  void theProvisionalMarkerAndTheNoteAgree() {
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      assertThat(e.note().toLowerCase(java.util.Locale.ROOT).contains("provisional"))
          .as("%s: provisional=%s but the note says %s", e.id(), e.provisional(), e.note())
          .isEqualTo(e.provisional());
    }
  }

  @Test
  void rowsAreSortedByStartThenEndThenIdWithUniqueIds() {
    java.util.List<HighProfileEvent> rows = DATA.highProfileEvents();
    for (int i = 1; i < rows.size(); i++) {
      HighProfileEvent a = rows.get(i - 1);
      HighProfileEvent b = rows.get(i);
      int c = a.start().compareTo(b.start());
      c = c != 0 ? c : a.end().compareTo(b.end());
      c = c != 0 ? c : a.id().compareTo(b.id());
      assertThat(c).as("%s before %s", a.id(), b.id()).isNegative();
    }
  }

  @Test
  void everyYearOfTheTableHasAnOktoberfestOnTheFestivalsRuleAndAEurovision() {
    for (int y = 2005; y <= 2030; y++) {
      HighProfileEvent o = EVENTS.get("oktoberfest-" + y);
      if (y == 2020 || y == 2021) {
        assertThat(o).as("Oktoberfest %d was cancelled (COVID-19)", y).isNull();
      } else {
        assertThat(o).as("oktoberfest-%d", y).isNotNull();
        // the Saturday fifteen days before the first Sunday of October, to that Sunday or to
        // German Unity Day (3 October) if that is later; in 2010, the 200th anniversary, the
        // city added the Monday
        LocalDate firstSunday =
            LocalDate.of(y, 10, 1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
        assertThat(o.start()).as(o.id()).isEqualTo(firstSunday.minusDays(15));
        assertThat(o.start().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        LocalDate unity = LocalDate.of(y, 10, 3);
        LocalDate end = firstSunday.isAfter(unity) ? firstSunday : unity;
        assertThat(o.end()).as(o.id()).isEqualTo(y == 2010 ? end.plusDays(1) : end);
        assertThat(o.countries()).containsExactly("DE");
        assertThat(o.cities()).containsExactly("Munich");
      }
      if (y == 2020) {
        assertThat(EVENTS).as("Eurovision 2020 was cancelled").doesNotContainKey("eurovision-2020");
      } else {
        assertThat(EVENTS).as("Eurovision %d", y).containsKey("eurovision-" + y);
      }
    }
    // the rule gives the dates the festival was held on
    assertThat(dates("oktoberfest-2024"))
        .containsExactly(LocalDate.parse("2024-09-21"), LocalDate.parse("2024-10-06"));
    assertThat(dates("oktoberfest-2028"))
        .containsExactly(LocalDate.parse("2028-09-16"), LocalDate.parse("2028-10-03"));
    assertThat(dates("oktoberfest-2010"))
        .containsExactly(LocalDate.parse("2010-09-18"), LocalDate.parse("2010-10-04"));
  }

  @Test
  void everyEventBefore2024IsAsHeldAndNotProvisional() {
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      if (e.end().isBefore(LocalDate.parse("2024-01-01"))) {
        assertThat(e.provisional()).as(e.id()).isFalse();
        assertThat(e.note()).as(e.id()).contains("as held");
      }
    }
  }

  @Test
  void theClassesOfThePastYearsAreComplete() {
    // every edition from 2005 of the tournaments the table holds (Euro 2020 and the Tokyo Games
    // were held in 2021)
    for (int y : new int[] {2006, 2010, 2014, 2018, 2022}) {
      assertThat(EVENTS).containsKey("fifa-world-cup-" + y);
    }
    for (int y : new int[] {2007, 2011, 2015, 2019, 2023}) {
      assertThat(EVENTS).containsKey("womens-world-cup-" + y);
      assertThat(EVENTS).containsKey("rugby-world-cup-" + y);
    }
    for (int y : new int[] {2008, 2012, 2016, 2020}) {
      assertThat(EVENTS).containsKey("euro-" + y);
    }
    for (int y : new int[] {2005, 2009, 2013, 2017, 2022}) {
      assertThat(EVENTS).containsKey("womens-euro-" + y);
    }
    for (int y = 2005; y <= 2023; y++) {
      assertThat(EVENTS).containsKey("ucl-final-" + y);
      // the UEFA Cup became the Europa League in 2009/10
      assertThat(EVENTS).containsKey((y < 2010 ? "uefa-cup-final-" : "uel-final-") + y);
    }
    for (String games :
        new String[] {
          "turin-2006",
          "beijing-2008",
          "vancouver-2010",
          "london-2012",
          "sochi-2014",
          "rio-2016",
          "pyeongchang-2018",
          "tokyo-2020",
          "beijing-2022"
        }) {
      assertThat(EVENTS).containsKeys(games + "-olympics", games + "-paralympics");
    }
    assertThat(dates("euro-2020"))
        .containsExactly(LocalDate.parse("2021-06-11"), LocalDate.parse("2021-07-11"));
    assertThat(dates("tokyo-2020-olympics"))
        .containsExactly(LocalDate.parse("2021-07-23"), LocalDate.parse("2021-08-08"));
  }

  @Test
  void the2027ChampionsLeagueFinalInMadridIsListedAsProvisional() {
    HighProfileEvent f = EVENTS.get("ucl-final-2027");
    assertThat(f.countries()).containsExactly("ES");
    assertThat(f.cities()).containsExactly("Madrid");
    assertThat(f.start()).isEqualTo("2027-06-05");
    assertThat(f.sporting() && f.european() && f.provisional()).isTrue();
  }

  @Test
  void theIsraelGazaTensionStartsOnSevenOctober2023AndStaysOpenUntilReviewed() {
    TensionPeriod war =
        DATA.tensionPeriods().stream()
            .filter(t -> t.id().equals("israel-gaza-war"))
            .findFirst()
            .orElseThrow();
    assertThat(war.start()).isEqualTo(LocalDate.parse("2023-10-07"));
    assertThat(war.end()).isNull();
    assertThat(war.communities()).containsExactly(Community.JEWISH);
  }

  @Test
  void theEarlierIsraelGazaWarsRunFromTheirFirstDayToTheirCeasefireForJewishCommunities() {
    Map<String, TensionPeriod> periods =
        DATA.tensionPeriods().stream()
            .collect(Collectors.toMap(TensionPeriod::id, Function.identity()));
    TensionPeriod war2014 = periods.get("israel-gaza-war-2014");
    assertThat(war2014.start()).isEqualTo("2014-07-08");
    assertThat(war2014.end()).isEqualTo("2014-08-26");
    TensionPeriod war2021 = periods.get("israel-gaza-war-2021");
    assertThat(war2021.start()).isEqualTo("2021-05-10");
    assertThat(war2021.end()).isEqualTo("2021-05-21");
    for (TensionPeriod t : List.of(war2014, war2021)) {
      assertThat(t.communities()).as(t.id()).containsExactly(Community.JEWISH);
      assertThat(t.note()).as(t.id()).contains("ISK-M3", "ceasefire");
    }
    // every period names its sources in its note, and none starts on or before an earlier one
    List<TensionPeriod> all = DATA.tensionPeriods();
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).note()).as(all.get(i).id()).isNotBlank();
      if (i > 0) {
        assertThat(all.get(i).start()).isAfter(all.get(i - 1).start());
      }
    }
  }

  private static java.util.List<LocalDate> dates(String id) {
    HighProfileEvent e = EVENTS.get(id);
    return java.util.List.of(e.start(), e.end());
  }
}
