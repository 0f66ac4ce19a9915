package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.fired;
import static io.venuerisk.rules.RuleHarness.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import org.junit.jupiter.api.Test;

/**
 * rules/timing.drl: religious and cultural dates from data/observances.csv, high-profile events
 * from data/high_profile_events.csv and tension periods from data/tension_periods.csv.
 */
class TimingRulesTest {

  private static TestScenarios churchService() {
    return scenario().at(VenueType.RELIGIOUS_SITE).event(EventType.RELIGIOUS_SERVICE)
        .communities(Community.CHRISTIAN).people(400).in("AT");
  }

  @Test
  void christianWorshipOnChristmasDayIsFlaggedButNotInSeptember() {
    assertThat(fired(churchService().on("2026-12-25").build())).contains("TIM-CHRISTMAS-WORSHIP");
    assertThat(fired(churchService().on("2026-09-20").build())).doesNotContain("TIM-CHRISTMAS-WORSHIP");
  }

  @Test
  void aMarketInDecemberBeforeChristmasIsInTheChristmasMarketSeason() {
    var market = scenario().at(VenueType.PUBLIC_SPACE).event(EventType.MARKET).in("DE").people(5000);
    assertThat(fired(market.on("2026-12-05").build())).contains("TIM-CHRISTMAS-MARKET");
    assertThat(finding(market.on("2026-12-05").build(), "TIM-CHRISTMAS-MARKET").rationale())
        .contains("Christmas market season 2026");
    assertThat(fired(market.on("2026-06-05").build())).doesNotContain("TIM-CHRISTMAS-MARKET");
  }

  @Test
  void aLargeCrowdOnNewYearsEveIsFlaggedButASmallOneIsNot() {
    assertThat(fired(scenario().people(20000).on("2026-12-31").build())).contains("TIM-NEW-YEARS-EVE");
    assertThat(fired(scenario().people(300).on("2026-12-31").build())).doesNotContain("TIM-NEW-YEARS-EVE");
  }

  @Test
  void orthodoxChristmasAndEasterUseTheirOwnComputedDates() {
    assertThat(fired(churchService().on("2027-01-07").build())).contains("TIM-ORTHODOX-CHRISTMAS");
    // Western Easter Sunday 2026 is 5 April, Orthodox Easter 12 April
    assertThat(fired(churchService().on("2026-04-05").build())).contains("TIM-EASTER");
    assertThat(finding(churchService().on("2026-04-12").build(), "TIM-EASTER").rationale())
        .containsIgnoringCase("orthodox");
    assertThat(fired(churchService().on("2026-04-20").build())).doesNotContain("TIM-EASTER");
  }

  @Test
  void aJewishEventOnTheEveOfHanukkahCountsBecauseTheHolidayStartsAtSundown() {
    // Hanukkah 2026: first candle the evening of 4 December, first full day 5 December
    var jewish = scenario().communities(Community.JEWISH).in("AU");
    assertThat(fired(jewish.on("2026-12-04").build())).contains("TIM-JEWISH-HOLIDAY");
    assertThat(fired(jewish.on("2026-12-12").build())).contains("TIM-JEWISH-HOLIDAY");
    assertThat(fired(jewish.on("2026-11-20").build())).doesNotContain("TIM-JEWISH-HOLIDAY");
  }

  @Test
  void shiaGatheringsOnAshuraAndCommemorationsOnTheThirdOfJanuaryInIranAreFlagged() {
    // Ashura 1448 AH falls on 25 June 2026 (Umm al-Qura)
    assertThat(fired(scenario().communities(Community.SHIA).in("PK").on("2026-06-25").build()))
        .contains("TIM-ASHURA");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IR").on("2027-01-03").build()))
        .contains("TIM-SOLEIMANI-ANNIVERSARY");
    assertThat(fired(scenario().event(EventType.COMMEMORATION).in("IQ").on("2027-01-03").build()))
        .doesNotContain("TIM-SOLEIMANI-ANNIVERSARY");
  }

  @Test
  void ramadanAndEidCountOnlyWhereTheGuideSeesActivity() {
    // Ramadan 2026 runs from 18 February
    assertThat(fired(scenario().people(5000).in("RU").on("2026-03-01").build())).contains("TIM-RAMADAN");
    assertThat(fired(scenario().people(5000).in("JP").on("2026-03-01").build())).doesNotContain("TIM-RAMADAN");
    // Eid al-Fitr 2026 begins 20 March
    assertThat(fired(scenario().people(5000).in("AF").on("2026-03-20").build())).contains("TIM-EID");
    assertThat(fired(scenario().people(5000).in("DE").on("2026-03-20").build())).doesNotContain("TIM-EID");
  }

  @Test
  void anEventInAHostCountryDuringAHighProfileEventIsFlaggedWithItsTrueDates() {
    var f = finding(scenario().in("US").on("2026-06-20").build(), "TIM-HIGH-PROFILE-EVENT");
    assertThat(f.rationale()).contains("FIFA World Cup 2026");
    assertThat(fired(scenario().in("JP").on("2026-06-20").build())).doesNotContain("TIM-HIGH-PROFILE-EVENT");
  }

  @Test
  void parisOlympicsUseTheTrueClosingDateNotTheGuides28August() {
    // the guide's window runs to 28 August; the Olympics closed on 11 August and the
    // Paralympics opened on 28 August
    var fanZone = scenario().event(EventType.FESTIVAL).in("FR").people(3000);
    assertThat(fired(fanZone.on("2024-08-05").build())).contains("TIM-HIGH-PROFILE-EVENT", "TIM-EUROPEAN-SPORT");
    assertThat(fired(fanZone.on("2024-08-20").build())).doesNotContain("TIM-HIGH-PROFILE-EVENT");
    assertThat(finding(fanZone.on("2024-08-30").build(), "TIM-HIGH-PROFILE-EVENT").rationale())
        .contains("Paralympic");
  }

  @Test
  void jewishPresenceDuringTheIsraelGazaWarTensionIsFlaggedButNotBeforeOctober2023() {
    var jewish = scenario().communities(Community.JEWISH).in("GB");
    assertThat(fired(jewish.on("2026-09-15").build())).contains("TEN-ISRAEL-GAZA");
    assertThat(fired(jewish.on("2023-09-15").build())).doesNotContain("TEN-ISRAEL-GAZA");
  }
}
