package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.model.Community;
import io.venuerisk.model.During;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/timing.drl: religious and cultural dates from data/observances.csv, high-profile events
 * from data/high_profile_events.csv and tension periods from data/tension_periods.csv, put in
 * periods by data/periods.csv. Each case asserts every rule of the file that fires, the period
 * classifications included, and the periods they derive.
 */
class TimingRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("timing.drl", s.build());
  }

  /** The periods derived for the scenario (During facts), by code, sorted. */
  private static Set<String> periods(TestScenarios s) {
    FiringLog log = new FiringLog();
    RuleHarness.engine().assessGroup(List.of(s.build()), log);
    Set<String> out = new TreeSet<>();
    for (FiringLog.Firing f : log.firings()) {
      for (Object o : f.inserted()) {
        if (o instanceof During d) {
          out.add(d.period().code());
        }
      }
    }
    return out;
  }

  private static TestScenarios churchService() {
    return scenario()
        .at(VenueType.RELIGIOUS_SITE)
        .event(EventType.RELIGIOUS_SERVICE)
        .communities(Community.CHRISTIAN)
        .people(400)
        .in("AT");
  }

  @Test
  void anOrdinaryDayFiresNothing() {
    assertThat(fired(churchService().on("2026-09-20"))).isEmpty();
    assertThat(periods(churchService().on("2026-09-20"))).isEmpty();
  }

  @Test
  void christianWorshipOnChristmasDay() {
    assertThat(fired(churchService().on("2026-12-25")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-CHRISTMAS-WORSHIP");
    // Christmas is in the market season too (data/periods.csv); only markets are scored on it
    assertThat(periods(churchService().on("2026-12-25")))
        .containsExactly("christmas", "christmas_market_season");
  }

  @Test
  void theSeasonsOfMarketsAndTheFestivalsOfCommunitiesScoreOnlyTheEventsTheyBearOn() {
    // the periods are derived for every event on those days; the scoring rules pick the events
    var concert = scenario().event(EventType.CONCERT).in("DE").people(5000).on("2026-12-05");
    assertThat(periods(concert)).containsExactly("christmas_market_season");
    assertThat(fired(concert)).containsExactly("CTX-DURING-OBSERVANCE");
    var sunniOnAshura = scenario().communities(Community.SUNNI).in("PK").on("2026-06-25");
    assertThat(periods(sunniOnAshura)).containsExactly("shia_commemoration");
    assertThat(fired(sunniOnAshura)).containsExactly("CTX-DURING-OBSERVANCE");
    // Vaisakhi 2026 is 14 April: a Sikh gathering in Kabul, not a Christian one, nor one in London
    assertThat(fired(scenario().communities(Community.SIKH).in("AF").on("2026-04-14")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-MINORITY-FESTIVAL");
    assertThat(fired(scenario().communities(Community.HINDU).in("AF").on("2026-11-08")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-MINORITY-FESTIVAL");
    assertThat(fired(scenario().communities(Community.CHRISTIAN).in("AF").on("2026-04-14")))
        .containsExactly("CTX-DURING-OBSERVANCE");
    assertThat(fired(scenario().communities(Community.SIKH).in("GB").on("2026-04-14")))
        .containsExactly("CTX-DURING-OBSERVANCE");
    assertThat(periods(scenario().communities(Community.SIKH).in("GB").on("2026-04-14")))
        .containsExactly("minority_festival");
  }

  @Test
  void theJewishPeriodsAreDerivedOnlyForAJewishOrIsraeliPresence() {
    // data/periods.csv asks for the trait: the open-ended Israel-Gaza war would otherwise put
    // every event since 7 October 2023 in a period
    var other = scenario().communities(Community.CHRISTIAN).in("GB");
    assertThat(periods(other.on("2026-10-07"))).isEmpty();
    assertThat(fired(other.on("2026-10-07"))).isEmpty();
    assertThat(periods(other.on("2026-12-07"))).containsExactly("christmas_market_season");
    var jewish = scenario().communities(Community.JEWISH).in("GB");
    assertThat(periods(jewish.on("2026-10-07")))
        .containsExactly("jewish_tension", "october_7_anniversary");
    assertThat(fired(jewish.on("2026-10-07")))
        .containsExactly(
            "CTX-DURING-OBSERVANCE", "CTX-DURING-TENSION", "TEN-ISRAEL-GAZA", "TEN-OCTOBER-7");
    // an Israeli interest is a presence too
    assertThat(periods(other.israeliInterest(true).on("2026-10-07")))
        .containsExactly("jewish_tension", "october_7_anniversary");
  }

  @Test
  void aMarketInTheChristmasSeasonAndOnChristmasEveEarnsTheFindingOnce() {
    var market =
        scenario().at(VenueType.PUBLIC_SPACE).event(EventType.MARKET).in("DE").people(5000);
    assertThat(fired(market.on("2026-12-05")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-CHRISTMAS-MARKET");
    assertThat(periods(market.on("2026-12-05"))).containsExactly("christmas_market_season");
    assertThat(periods(market.on("2026-12-24")))
        .containsExactly("christmas", "christmas_market_season");
    // 24 December is both in the market season and in Christmas: one finding, naming both rows
    var eve = market.on("2026-12-24").build();
    assertThat(
            RuleHarness.assess(eve).findings().stream()
                .filter(f -> f.rule().equals("TIM-CHRISTMAS-MARKET")))
        .hasSize(1);
    assertThat(finding(eve, "TIM-CHRISTMAS-MARKET").rationale())
        .contains("Christmas market season 2026");
    assertThat(fired(market.on("2026-06-05"))).isEmpty();
  }

  @Test
  void whichRowsMakeAPeriodIsReadFromTheData(@TempDir Path dir) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("data"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    // an analyst's copy in which the New Year's Eve period is made of the Christmas rows
    Path periods = dir.resolve("periods.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(periods));
    lines.replaceAll(
        l ->
            l.startsWith("new_years_eve,") ? "new_years_eve,observances.csv,christmas,0,,test" : l);
    Files.write(periods, lines);
    Engine engine = new Engine(RuleBase.shipped(), ReferenceData.load(dir));
    var christmas = scenario().people(20000).on("2026-12-25").build();
    assertThat(engine.assess(christmas).findings())
        .filteredOn(f -> f.rule().equals("TIM-NEW-YEARS-EVE"))
        .singleElement()
        .satisfies(f -> assertThat(f.rationale()).startsWith("a large crowd on Christmas 2026"));
    assertThat(engine.assess(scenario().people(20000).on("2026-12-31").build()).findings())
        .noneMatch(f -> f.rule().equals("TIM-NEW-YEARS-EVE"));
  }

  @Test
  void aLargeCrowdOnNewYearsEveButNotASmallOne() {
    assertThat(fired(scenario().people(20000).on("2026-12-31")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-NEW-YEARS-EVE");
    assertThat(fired(scenario().people(300).on("2026-12-31")))
        .containsExactly("CTX-DURING-OBSERVANCE");
    assertThat(periods(scenario().people(300).on("2026-12-31"))).containsExactly("new_years_eve");
  }

  @Test
  void orthodoxChristmasAndEasterUseTheirOwnComputedDates() {
    assertThat(fired(churchService().on("2027-01-07")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-ORTHODOX-CHRISTMAS");
    // Western Easter Sunday 2026 is 5 April, Orthodox Easter 12 April
    assertThat(fired(churchService().on("2026-04-05")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-EASTER");
    assertThat(finding(churchService().on("2026-04-12").build(), "TIM-EASTER").rationale())
        .containsIgnoringCase("orthodox");
    assertThat(fired(churchService().on("2026-04-20"))).isEmpty();
  }

  @Test
  void westernAndOrthodoxEasterOnOneDayAreOnePeriodAndOneFinding() {
    // 20 April 2025 was Easter Sunday in both calendars
    var easter = churchService().on("2025-04-20").build();
    assertThat(
            RuleHarness.assess(easter).findings().stream()
                .filter(f -> f.rule().equals("TIM-EASTER")))
        .hasSize(1);
    assertThat(finding(easter, "TIM-EASTER").rationale())
        .contains("Easter 2025")
        .contains("Orthodox Easter 2025");
  }

  @Test
  void aJewishEventOnTheEveOfHanukkahCountsBecauseTheHolidayStartsAtSundown() {
    // Hanukkah 2026: first candle the evening of 4 December, first full day 5 December
    var jewish = scenario().communities(Community.JEWISH).in("AU");
    Set<String> holiday =
        Set.of(
            "CTX-DURING-OBSERVANCE", "CTX-DURING-TENSION", "TIM-JEWISH-HOLIDAY", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2026-12-04"))).containsExactlyInAnyOrderElementsOf(holiday);
    assertThat(fired(jewish.on("2026-12-12"))).containsExactlyInAnyOrderElementsOf(holiday);
    assertThat(fired(jewish.on("2026-11-20")))
        .containsExactly("CTX-DURING-TENSION", "TEN-ISRAEL-GAZA");
    // the eve counts (eve_days 1 in data/periods.csv), the day before it does not
    assertThat(periods(jewish.on("2026-12-04")))
        .containsExactly("christmas_market_season", "jewish_holiday", "jewish_tension");
    assertThat(periods(jewish.on("2026-12-03")))
        .containsExactly("christmas_market_season", "jewish_tension");
  }

  @Test
  void shiaGatheringsOnAshuraAndCommemorationsOnTheThirdOfJanuaryInIran() {
    // Ashura 1448 AH falls on 25 June 2026 (Umm al-Qura)
    assertThat(fired(scenario().communities(Community.SHIA).in("PK").on("2026-06-25")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-ASHURA");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IR").on("2027-01-03")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-SOLEIMANI-ANNIVERSARY");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IQ").on("2027-01-03")))
        .containsExactly("CTX-DURING-OBSERVANCE");
  }

  @Test
  void ramadanAndEidCountOnlyWhereTheGuideSeesActivity() {
    // Ramadan 2026 runs from 18 February
    assertThat(fired(scenario().people(5000).in("RU").on("2026-03-01")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-RAMADAN");
    assertThat(fired(scenario().people(5000).in("JP").on("2026-03-01")))
        .containsExactly("CTX-DURING-OBSERVANCE");
    // Eid al-Fitr 2026 begins 20 March
    assertThat(fired(scenario().people(5000).in("AF").on("2026-03-20")))
        .containsExactly("CTX-DURING-OBSERVANCE", "TIM-EID");
    assertThat(fired(scenario().people(5000).in("DE").on("2026-03-20")))
        .containsExactly("CTX-DURING-OBSERVANCE");
  }

  @Test
  void anEventInAHostCountryDuringAHighProfileEventIsFlaggedWithItsTrueDates() {
    var f = finding(scenario().in("US").on("2026-06-20").build(), "TIM-HIGH-PROFILE-EVENT");
    assertThat(f.rationale()).contains("FIFA World Cup 2026");
    // 20 June 2026 is also in the first ten days of Muharram: a period for every event, scored
    // for Shia gatherings only
    assertThat(fired(scenario().in("US").on("2026-06-20")))
        .containsExactly(
            "CTX-DURING-HIGH-PROFILE-EVENT", "CTX-DURING-OBSERVANCE", "TIM-HIGH-PROFILE-EVENT");
    assertThat(periods(scenario().in("US").on("2026-06-20")))
        .containsExactly("high_profile_event", "shia_commemoration");
    assertThat(fired(scenario().in("JP").on("2026-06-20")))
        .containsExactly("CTX-DURING-OBSERVANCE");
    assertThat(fired(scenario().in("JP").on("2026-07-20"))).isEmpty();
    // Eurovision is European but not sporting: a high-profile event, not a European sporting one
    assertThat(periods(scenario().in("AT").on("2026-05-16"))).containsExactly("high_profile_event");
  }

  @Test
  void parisOlympicsUseTheTrueClosingDateNotTheGuides28August() {
    // the guide's window runs to 28 August; the Olympics closed on 11 August and the
    // Paralympics opened on 28 August
    var fanZone = scenario().event(EventType.FESTIVAL).in("FR").people(3000);
    assertThat(fired(fanZone.on("2024-08-05")))
        .containsExactly(
            "CTX-DURING-HIGH-PROFILE-EVENT",
            "CTX-DURING-TENSION",
            "TEN-RAISED-THREAT",
            "TIM-EUROPEAN-SPORT",
            "TIM-HIGH-PROFILE-EVENT");
    assertThat(periods(fanZone.on("2024-08-05")))
        .containsExactly("european_sporting_event", "high_profile_event", "raised_threat");
    assertThat(fired(fanZone.on("2024-08-20")))
        .containsExactly("CTX-DURING-TENSION", "TEN-RAISED-THREAT");
    assertThat(periods(fanZone.on("2024-08-20"))).containsExactly("raised_threat");
    assertThat(finding(fanZone.on("2024-08-30").build(), "TIM-HIGH-PROFILE-EVENT").rationale())
        .contains("Paralympic");
  }

  @Test
  void jewishPresenceDuringTheIsraelGazaWarTensionButNotBeforeOctober2023() {
    var jewish = scenario().communities(Community.JEWISH).in("GB");
    assertThat(fired(jewish.on("2026-09-15")))
        .containsExactly("CTX-DURING-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2023-08-15"))).isEmpty();
    // and during the earlier Israel-Gaza wars, from their first day to their ceasefire
    assertThat(fired(jewish.on("2021-05-20")))
        .containsExactly("CTX-DURING-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2014-08-20")))
        .containsExactly("CTX-DURING-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2014-08-27"))).isEmpty();
  }
}
