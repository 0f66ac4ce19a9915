package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rules/context.drl: the classifications every other file builds on, exactly which fire. */
class ContextRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("context.drl", s.build());
  }

  @Test
  void theDefaultSmallIndoorMeetingIsPlacedAndIndoorAndNothingElse() {
    assertThat(fired(scenario())).containsExactly("CTX-INDOOR", "CTX-PLACE");
  }

  @Test
  void anOutdoorCrowdIsInTheOpenWhateverItsSize() {
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(50)))
        .containsExactly("CTX-OUTDOOR-CROWD", "CTX-PLACE");
  }

  @Test
  void anUnknownIndoorFlagFollowsWhatThePlaceUsuallyIs() {
    assertThat(fired(scenario().at(VenueType.MARKET).indoor(null).people(500)))
        .containsExactly("CTX-OUTDOOR-CROWD", "CTX-PLACE");
    assertThat(
            fired(
                scenario().at(VenueType.THEATRE).event(EventType.CONCERT).indoor(null).people(500)))
        .containsExactly("CTX-INDOOR", "CTX-PLACE");
    assertThat(fired(scenario().at(VenueType.HOTEL).indoor(null).people(500)))
        .containsExactly("CTX-PLACE");
  }

  @Test
  void crowdSizeBandsStartAtOneThousandAndTenThousandAndCapacityStandsInForAttendance() {
    assertThat(fired(scenario().people(999))).containsExactly("CTX-INDOOR", "CTX-PLACE");
    assertThat(fired(scenario().people(1000)))
        .containsExactly("CTX-CROWDED-INDOOR", "CTX-INDOOR", "CTX-LARGE-GATHERING", "CTX-PLACE");
    assertThat(fired(scenario().indoor(false).people(10000)))
        .containsExactly(
            "CTX-LARGE-GATHERING", "CTX-MASS-GATHERING", "CTX-OUTDOOR-CROWD", "CTX-PLACE");
    assertThat(fired(scenario().indoor(false).people(null).capacity(20000)))
        .containsExactly(
            "CTX-LARGE-GATHERING", "CTX-MASS-GATHERING", "CTX-OUTDOOR-CROWD", "CTX-PLACE");
  }

  @Test
  void religiousSettingsComeFromTheVenueOrTheEvent() {
    assertThat(fired(scenario().at(VenueType.RELIGIOUS_SITE).event(EventType.OTHER)))
        .containsExactly("CTX-INDOOR", "CTX-PLACE", "CTX-RELIGIOUS-SETTING");
    assertThat(
            fired(
                scenario()
                    .at(VenueType.PUBLIC_SPACE)
                    .indoor(false)
                    .event(EventType.RELIGIOUS_FESTIVAL)))
        .containsExactly("CTX-OUTDOOR-CROWD", "CTX-PLACE", "CTX-RELIGIOUS-SETTING");
  }

  @Test
  void aJewishCommunityOrAnIsraeliInterestIsClassifiedTogether() {
    assertThat(fired(scenario().communities(Community.JEWISH)))
        .containsExactly("CTX-INDOOR", "CTX-JEWISH-ISRAELI", "CTX-PLACE");
    assertThat(fired(scenario().israeliInterest(true)))
        .containsExactly("CTX-INDOOR", "CTX-JEWISH-ISRAELI", "CTX-PLACE");
    assertThat(fired(scenario().communities(Community.CHRISTIAN)))
        .containsExactly("CTX-INDOOR", "CTX-PLACE");
  }

  @Test
  void westernPresenceNeedsAnExplicitTrueNotAnUnknown() {
    assertThat(fired(scenario().westerners(false))).containsExactly("CTX-INDOOR", "CTX-PLACE");
    assertThat(fired(scenario().aidAgencies(true)))
        .containsExactly("CTX-INDOOR", "CTX-PLACE", "CTX-WESTERN-PRESENCE");
  }

  @Test
  void embassiesAndAirportsAreSymbolicSitesAndStadiumsAndInternationalEventsDrawMassEvents() {
    assertThat(fired(scenario().at(VenueType.EMBASSY)))
        .containsExactly("CTX-INDOOR", "CTX-PLACE", "CTX-SYMBOLIC-SITE");
    assertThat(fired(scenario().at(VenueType.AIRPORT).indoor(false)))
        .containsExactly("CTX-OUTDOOR-CROWD", "CTX-PLACE", "CTX-SYMBOLIC-SITE");
    assertThat(fired(scenario().at(VenueType.STADIUM).indoor(false)))
        .containsExactly("CTX-MASS-EVENT-VENUE", "CTX-OUTDOOR-CROWD", "CTX-PLACE");
    assertThat(fired(scenario().international(true)))
        .containsExactly("CTX-INDOOR", "CTX-MASS-EVENT-VENUE", "CTX-PLACE");
  }
}
