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

/** rules/targets.drl: the guide's targets (ISK-T1, ISK-T2, ISK-R3), exactly which fire. */
class TargetRulesTest {
  /**
   * The target rules that fired besides the crowd's size, which counts for every gathering of two
   * or more people and has its own test.
   */
  private static Set<String> fired(TestScenarios s) {
    Set<String> out = new java.util.TreeSet<>(RuleHarness.firedIn("targets.drl", s.build()));
    out.remove("TGT-CROWD-SIZE");
    return out;
  }

  @Test
  void aSmallOrdinaryMeetingIsNoTarget() {
    assertThat(fired(scenario())).isEmpty();
  }

  @Test
  void aCrowdCountsByItsSizeOnALogScaleWithNoStepAtOneThousand() {
    assertThat(RuleHarness.firedIn("targets.drl", scenario().people(999).build()))
        .containsExactly("TGT-CROWD-SIZE");
    double below = finding(scenario().people(999).build(), "TGT-CROWD-SIZE").points();
    double at = finding(scenario().people(1000).build(), "TGT-CROWD-SIZE").points();
    double tenfold = finding(scenario().people(10000).build(), "TGT-CROWD-SIZE").points();
    assertThat(at - below).isLessThan(0.1);
    assertThat(tenfold - at).isEqualTo(5.0); // data/points.csv: 5 per tenfold
  }

  @Test
  void aJewishCommunityIsTheMostPointedTarget() {
    assertThat(fired(scenario().communities(Community.JEWISH)))
        .containsExactly("TGT-JEWISH-COMMUNITY");
    assertThat(
            finding(scenario().communities(Community.JEWISH).build(), "TGT-JEWISH-COMMUNITY")
                .points())
        .isEqualTo(10);
  }

  @Test
  void religiousMinoritiesCountWhereIsKAttacksThemAsMinorities() {
    assertThat(fired(scenario().communities(Community.SIKH).in("AF")))
        .containsExactly("TGT-RELIGIOUS-MINORITY");
    assertThat(fired(scenario().communities(Community.SHIA).in("PK")))
        .containsExactly("TGT-RELIGIOUS-MINORITY");
    assertThat(fired(scenario().communities(Community.HINDU).in("GB"))).isEmpty();
  }

  @Test
  void aChurchServiceIsAReligiousTargetAndAMinorityOneInTheGuidesRegion() {
    var church =
        scenario()
            .at(VenueType.RELIGIOUS_SITE)
            .event(EventType.RELIGIOUS_SERVICE)
            .communities(Community.CHRISTIAN);
    assertThat(fired(church.in("AT"))).containsExactly("TGT-RELIGIOUS-SITE");
    assertThat(fired(church.in("TR")))
        .containsExactly("TGT-CHRISTIAN-MINORITY", "TGT-RELIGIOUS-SITE");
  }

  @Test
  void westernersAreTargetsInTheGuidesRegionsAndWesternBusinessEverywhere() {
    assertThat(fired(scenario().westerners(true).in("UZ")))
        .containsExactly("TGT-WESTERNERS-ABROAD");
    assertThat(fired(scenario().westerners(true).in("DE"))).isEmpty();
    assertThat(fired(scenario().westernInterest(true).in("DE")))
        .containsExactly("TGT-WESTERN-BUSINESS");
  }

  @Test
  void stateTargetsAndAidAgencies() {
    assertThat(fired(scenario().at(VenueType.EMBASSY))).containsExactly("TGT-EMBASSY");
    assertThat(fired(scenario().at(VenueType.GOVERNMENT_BUILDING)))
        .containsExactly("TGT-GOVERNMENT-BUILDING");
    assertThat(fired(scenario().officials(true))).containsExactly("TGT-OFFICIALS");
    // graded by rank: unstated counts as local, one step of data/points.csv
    assertThat(finding(scenario().officials(true).build(), "TGT-OFFICIALS").points())
        .isEqualTo(3.0);
    assertThat(fired(scenario().securityForces(true))).containsExactly("TGT-SECURITY-FORCES");
    assertThat(fired(scenario().at(VenueType.MILITARY_SITE)))
        .containsExactly("TGT-SECURITY-FORCES");
    assertThat(fired(scenario().aidAgencies(true))).containsExactly("TGT-AID-AGENCIES");
  }

  @Test
  void namedPlacesAndEventTypes() {
    assertThat(fired(scenario().at(VenueType.UNIVERSITY))).containsExactly("TGT-UNIVERSITY");
    assertThat(fired(scenario().at(VenueType.TOURIST_SITE))).containsExactly("TGT-TOURIST-SITE");
    assertThat(fired(scenario().at(VenueType.BUSINESS_OFFICE)))
        .containsExactly("TGT-BUSINESS-CENTRE");
    assertThat(fired(scenario().at(VenueType.TRANSIT_STATION)))
        .containsExactly("TGT-TRANSPORT-HUB");
    assertThat(fired(scenario().event(EventType.NIGHTLIFE))).containsExactly("TGT-ENTERTAINMENT");
    assertThat(fired(scenario().event(EventType.SPORTING_EVENT).international(true).people(10000)))
        .containsExactly("TGT-INTERNATIONAL-SPORT");
    // a league match with foreign players or broadcast abroad is not a tournament
    assertThat(fired(scenario().event(EventType.SPORTING_EVENT).international(true).people(9999)))
        .isEmpty();
    assertThat(fired(scenario().at(VenueType.CONFERENCE_CENTRE))).isEmpty();
    assertThat(fired(scenario().event(EventType.SPORTING_EVENT))).isEmpty();
  }
}
