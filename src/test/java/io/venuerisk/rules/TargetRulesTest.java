package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.fired;
import static io.venuerisk.rules.RuleHarness.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Category;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import org.junit.jupiter.api.Test;

/** rules/targets.drl: the target lists of ISK-T1, ISK-T2 and ISK-R3. */
class TargetRulesTest {

  @Test
  void aBlandSmallEventIsNoTarget() {
    assertThat(fired(scenario().build())).noneMatch(id -> id.startsWith("TGT-"));
  }

  @Test
  void largeAndMassGatheringsScoreCumulatively() {
    assertThat(fired(scenario().people(60000).build()))
        .contains("TGT-LARGE-GATHERING", "TGT-MASS-CASUALTY", "TGT-VERY-LARGE-CROWD");
    assertThat(fired(scenario().people(2000).build()))
        .contains("TGT-LARGE-GATHERING")
        .doesNotContain("TGT-MASS-CASUALTY", "TGT-VERY-LARGE-CROWD");
  }

  @Test
  void aTargetFindingCarriesItsPointsCitesAndRationaleFromTheRule() {
    var f = finding(scenario().communities(Community.JEWISH).build(), "TGT-JEWISH-COMMUNITY");
    assertThat(f.category()).isEqualTo(Category.TARGET);
    assertThat(f.points()).isEqualTo(10);
    assertThat(f.cites()).containsExactly("ISK-T2", "ISK-M2");
    assertThat(f.rationale()).contains("Jewish community");
  }

  @Test
  void religiousMinoritiesOfIskT1AreTargets() {
    assertThat(fired(scenario().communities(Community.SHIA).build())).contains("TGT-RELIGIOUS-MINORITY");
    assertThat(fired(scenario().communities(Community.SIKH).build())).contains("TGT-RELIGIOUS-MINORITY");
    assertThat(fired(scenario().communities(Community.SUNNI).build())).doesNotContain("TGT-RELIGIOUS-MINORITY");
  }

  @Test
  void christiansAreAMinorityTargetOnlyInTheGuidesRegion() {
    assertThat(fired(scenario().communities(Community.CHRISTIAN).in("TR").build()))
        .contains("TGT-CHRISTIAN-MINORITY");
    assertThat(fired(scenario().communities(Community.CHRISTIAN).in("DE").build()))
        .doesNotContain("TGT-CHRISTIAN-MINORITY");
  }

  @Test
  void namedPlaceTypesOfIskT2AndIskR3AreTargets() {
    assertThat(fired(scenario().at(VenueType.UNIVERSITY).build())).contains("TGT-UNIVERSITY");
    assertThat(fired(scenario().at(VenueType.TOURIST_SITE).build())).contains("TGT-TOURIST-SITE");
    assertThat(fired(scenario().at(VenueType.EMBASSY).build())).contains("TGT-EMBASSY");
    assertThat(fired(scenario().at(VenueType.BUSINESS_OFFICE).build())).contains("TGT-BUSINESS-CENTRE");
    assertThat(fired(scenario().at(VenueType.AIRPORT).build())).contains("TGT-TRANSPORT-HUB");
    assertThat(fired(scenario().at(VenueType.GOVERNMENT_BUILDING).build())).contains("TGT-OFFICIALS");
    assertThat(fired(scenario().at(VenueType.MILITARY_SITE).build())).contains("TGT-SECURITY-FORCES");
  }

  @Test
  void peopleOfIskT1AreTargets() {
    assertThat(fired(scenario().officials(true).build())).contains("TGT-OFFICIALS");
    assertThat(fired(scenario().securityForces(true).build())).contains("TGT-SECURITY-FORCES");
    assertThat(fired(scenario().aidAgencies(true).build())).contains("TGT-AID-AGENCIES");
    assertThat(fired(scenario().westernInterest(true).build())).contains("TGT-WESTERN-BUSINESS");
  }

  @Test
  void westernersAreAnAddedTargetAbroadButNotAtHome() {
    assertThat(fired(scenario().westerners(true).in("AF").build())).contains("TGT-WESTERNERS-ABROAD");
    assertThat(fired(scenario().westerners(true).in("FR").build())).doesNotContain("TGT-WESTERNERS-ABROAD");
  }

  @Test
  void internationalSportAndConcertsAreTheGuidesEventClasses() {
    assertThat(fired(scenario().event(EventType.SPORTING_EVENT).international(true).build()))
        .contains("TGT-INTERNATIONAL-SPORT");
    assertThat(fired(scenario().event(EventType.SPORTING_EVENT).international(false).build()))
        .doesNotContain("TGT-INTERNATIONAL-SPORT");
    assertThat(fired(scenario().event(EventType.CONCERT).build())).contains("TGT-ENTERTAINMENT");
  }
}
