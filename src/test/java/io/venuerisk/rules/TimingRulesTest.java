package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * rules/timing.drl: religious and cultural dates from data/observances.csv, high-profile events
 * from data/high_profile_events.csv and tension periods from data/tension_periods.csv. Each case
 * asserts every rule of the file that fires, the period classifications included.
 */
class TimingRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("timing.drl", s.build());
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
  }

  @Test
  void christianWorshipOnChristmasDay() {
    assertThat(fired(churchService().on("2026-12-25")))
        .containsExactly("CTX-DURING-CHRISTMAS", "TIM-CHRISTMAS-WORSHIP");
  }

  @Test
  void aMarketInTheChristmasSeasonAndOnChristmasEveEarnsTheFindingOnce() {
    var market =
        scenario().at(VenueType.PUBLIC_SPACE).event(EventType.MARKET).in("DE").people(5000);
    assertThat(fired(market.on("2026-12-05")))
        .containsExactly("CTX-DURING-MARKET-SEASON", "TIM-CHRISTMAS-MARKET");
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
  void aLargeCrowdOnNewYearsEveButNotASmallOne() {
    assertThat(fired(scenario().people(20000).on("2026-12-31")))
        .containsExactly("CTX-DURING-NEW-YEARS-EVE", "TIM-NEW-YEARS-EVE");
    assertThat(fired(scenario().people(300).on("2026-12-31")))
        .containsExactly("CTX-DURING-NEW-YEARS-EVE");
  }

  @Test
  void orthodoxChristmasAndEasterUseTheirOwnComputedDates() {
    assertThat(fired(churchService().on("2027-01-07")))
        .containsExactly("CTX-DURING-ORTHODOX-CHRISTMAS", "TIM-ORTHODOX-CHRISTMAS");
    // Western Easter Sunday 2026 is 5 April, Orthodox Easter 12 April
    assertThat(fired(churchService().on("2026-04-05")))
        .containsExactly("CTX-DURING-EASTER", "TIM-EASTER");
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
            "CTX-DURING-JEWISH-HOLIDAY",
            "CTX-DURING-JEWISH-TENSION",
            "TIM-JEWISH-HOLIDAY",
            "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2026-12-04"))).containsExactlyInAnyOrderElementsOf(holiday);
    assertThat(fired(jewish.on("2026-12-12"))).containsExactlyInAnyOrderElementsOf(holiday);
    assertThat(fired(jewish.on("2026-11-20")))
        .containsExactly("CTX-DURING-JEWISH-TENSION", "TEN-ISRAEL-GAZA");
  }

  @Test
  void shiaGatheringsOnAshuraAndCommemorationsOnTheThirdOfJanuaryInIran() {
    // Ashura 1448 AH falls on 25 June 2026 (Umm al-Qura)
    assertThat(fired(scenario().communities(Community.SHIA).in("PK").on("2026-06-25")))
        .containsExactly("CTX-DURING-SHIA-COMMEMORATION", "TIM-ASHURA");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IR").on("2027-01-03")))
        .containsExactly("CTX-DURING-SOLEIMANI-ANNIVERSARY", "TIM-SOLEIMANI-ANNIVERSARY");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IQ").on("2027-01-03")))
        .containsExactly("CTX-DURING-SOLEIMANI-ANNIVERSARY");
  }

  @Test
  void ramadanAndEidCountOnlyWhereTheGuideSeesActivity() {
    // Ramadan 2026 runs from 18 February
    assertThat(fired(scenario().people(5000).in("RU").on("2026-03-01")))
        .containsExactly("CTX-DURING-RAMADAN", "TIM-RAMADAN");
    assertThat(fired(scenario().people(5000).in("JP").on("2026-03-01")))
        .containsExactly("CTX-DURING-RAMADAN");
    // Eid al-Fitr 2026 begins 20 March
    assertThat(fired(scenario().people(5000).in("AF").on("2026-03-20")))
        .containsExactly("CTX-DURING-EID", "TIM-EID");
    assertThat(fired(scenario().people(5000).in("DE").on("2026-03-20")))
        .containsExactly("CTX-DURING-EID");
  }

  @Test
  void anEventInAHostCountryDuringAHighProfileEventIsFlaggedWithItsTrueDates() {
    var f = finding(scenario().in("US").on("2026-06-20").build(), "TIM-HIGH-PROFILE-EVENT");
    assertThat(f.rationale()).contains("FIFA World Cup 2026");
    assertThat(fired(scenario().in("US").on("2026-06-20")))
        .containsExactly("CTX-DURING-HIGH-PROFILE-EVENT", "TIM-HIGH-PROFILE-EVENT");
    assertThat(fired(scenario().in("JP").on("2026-06-20"))).isEmpty();
  }

  @Test
  void parisOlympicsUseTheTrueClosingDateNotTheGuides28August() {
    // the guide's window runs to 28 August; the Olympics closed on 11 August and the
    // Paralympics opened on 28 August
    var fanZone = scenario().event(EventType.FESTIVAL).in("FR").people(3000);
    assertThat(fired(fanZone.on("2024-08-05")))
        .containsExactly(
            "CTX-DURING-EUROPEAN-SPORT",
            "CTX-DURING-HIGH-PROFILE-EVENT",
            "CTX-DURING-RAISED-THREAT",
            "TEN-RAISED-THREAT",
            "TIM-EUROPEAN-SPORT",
            "TIM-HIGH-PROFILE-EVENT");
    assertThat(fired(fanZone.on("2024-08-20")))
        .containsExactly("CTX-DURING-RAISED-THREAT", "TEN-RAISED-THREAT");
    assertThat(finding(fanZone.on("2024-08-30").build(), "TIM-HIGH-PROFILE-EVENT").rationale())
        .contains("Paralympic");
  }

  @Test
  void jewishPresenceDuringTheIsraelGazaWarTensionButNotBeforeOctober2023() {
    var jewish = scenario().communities(Community.JEWISH).in("GB");
    assertThat(fired(jewish.on("2026-09-15")))
        .containsExactly("CTX-DURING-JEWISH-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2023-08-15"))).isEmpty();
    // and during the earlier Israel-Gaza wars, from their first day to their ceasefire
    assertThat(fired(jewish.on("2021-05-20")))
        .containsExactly("CTX-DURING-JEWISH-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2014-08-20")))
        .containsExactly("CTX-DURING-JEWISH-TENSION", "TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2014-08-27"))).isEmpty();
  }
}
