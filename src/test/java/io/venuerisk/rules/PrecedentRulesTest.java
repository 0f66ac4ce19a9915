package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.fired;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import org.junit.jupiter.api.Test;

/** rules/precedents.drl: resemblance to the attacks of the guide's timeline. */
class PrecedentRulesTest {

  @Test
  void aPackedConcertHallInRussiaResemblesCrocusCityHall() {
    assertThat(fired(scenario().at(VenueType.CONCERT_HALL).event(EventType.CONCERT).indoor(true)
            .people(6000).in("RU").on("2024-03-22").build()))
        .contains("PRE-CROCUS");
  }

  @Test
  void aPrecedentNeedsTheGuidesGeographySoATokyoConcertIsNoCrocus() {
    assertThat(fired(scenario().at(VenueType.CONCERT_HALL).event(EventType.CONCERT).indoor(true)
            .people(6000).in("JP").build()))
        .doesNotContain("PRE-CROCUS");
  }

  @Test
  void anAirportGateWithTroopsInAfghanistanResemblesKabul() {
    assertThat(fired(scenario().at(VenueType.AIRPORT).event(EventType.TRAVEL).securityForces(true)
            .people(5000).in("AF").build()))
        .contains("PRE-KABUL-AIRPORT");
    assertThat(fired(scenario().at(VenueType.AIRPORT).event(EventType.TRAVEL).people(5000).in("AF").build()))
        .doesNotContain("PRE-KABUL-AIRPORT");
  }

  @Test
  void aChurchServiceInTurkiyeResemblesTheIstanbulAttack() {
    assertThat(fired(scenario().at(VenueType.RELIGIOUS_SITE).event(EventType.RELIGIOUS_SERVICE)
            .communities(Community.CHRISTIAN).people(100).in("TR").build()))
        .contains("PRE-ISTANBUL-CHURCH");
  }

  @Test
  void aShiaCommemorationInIranResemblesKerman() {
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).event(EventType.COMMEMORATION)
            .communities(Community.SHIA).people(50000).in("IR").build()))
        .contains("PRE-KERMAN");
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).event(EventType.COMMEMORATION)
            .communities(Community.SUNNI).people(50000).in("IR").build()))
        .doesNotContain("PRE-KERMAN");
  }
}
