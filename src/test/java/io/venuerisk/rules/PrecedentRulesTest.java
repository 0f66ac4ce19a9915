package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rules/precedents.drl: resemblance to the guide's attacks, only where the guide sees IS-K. */
class PrecedentRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("precedents.drl", s.build());
  }

  @Test
  void aCrowdedConcertHallResemblesCrocusInTheGuidesRegionsOnly() {
    var concert =
        scenario().at(VenueType.CONCERT_HALL).event(EventType.CONCERT).indoor(true).people(6000);
    assertThat(fired(concert.in("RU"))).containsExactly("PRE-CROCUS");
    assertThat(fired(concert.in("DE"))).containsExactly("PRE-CROCUS");
    assertThat(fired(concert.in("JP"))).isEmpty();
    assertThat(fired(concert.people(500).in("RU"))).isEmpty();
  }

  @Test
  void anAirportGateWithTroopsOrWesternersResemblesKabul() {
    var gate = scenario().at(VenueType.AIRPORT).indoor(false).people(5000).in("AF");
    assertThat(fired(gate.securityForces(true))).containsExactly("PRE-KABUL-AIRPORT");
    assertThat(fired(scenario().at(VenueType.AIRPORT).in("AF"))).isEmpty();
  }

  @Test
  void aChurchServiceResemblesIstanbulWhereChristiansAreAMinority() {
    var mass =
        scenario()
            .at(VenueType.RELIGIOUS_SITE)
            .event(EventType.RELIGIOUS_SERVICE)
            .communities(Community.CHRISTIAN)
            .people(40);
    assertThat(fired(mass.in("TR"))).containsExactly("PRE-ISTANBUL-CHURCH");
    assertThat(fired(mass.in("RU"))).isEmpty();
    assertThat(fired(mass.in("FR"))).isEmpty();
  }

  @Test
  void aShiaCommemorationResemblesKerman() {
    var procession =
        scenario()
            .at(VenueType.PUBLIC_SPACE)
            .indoor(false)
            .event(EventType.COMMEMORATION)
            .communities(Community.SHIA)
            .people(20000);
    assertThat(fired(procession.in("IR"))).containsExactly("PRE-KERMAN");
    assertThat(fired(procession.in("JP"))).isEmpty();
  }
}
