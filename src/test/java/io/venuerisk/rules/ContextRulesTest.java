package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.fired;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import org.junit.jupiter.api.Test;

/** rules/context.drl: the classifications every other file builds on. */
class ContextRulesTest {

  @Test
  void anOutdoorCrowdIsClassifiedAsInTheOpen() {
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(500).build()))
        .contains("CTX-OUTDOOR-CROWD");
  }

  @Test
  void anUnknownIndoorFlagCountsAsOutdoorOnlyForUsuallyOpenAirPlaces() {
    assertThat(fired(scenario().at(VenueType.MARKET).indoor(null).people(500).build()))
        .contains("CTX-OUTDOOR-CROWD");
    assertThat(fired(scenario().at(VenueType.THEATRE).event(EventType.CONCERT).indoor(null).people(500).build()))
        .doesNotContain("CTX-OUTDOOR-CROWD");
  }

  @Test
  void anIndoorVenueIsNeverAnOutdoorCrowd() {
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).indoor(true).people(5000).build()))
        .doesNotContain("CTX-OUTDOOR-CROWD");
  }

  @Test
  void crowdSizeBandsStartAtOneThousandAndTenThousand() {
    assertThat(fired(scenario().people(999).build()))
        .doesNotContain("CTX-LARGE-GATHERING", "CTX-MASS-GATHERING");
    assertThat(fired(scenario().people(1000).build()))
        .contains("CTX-LARGE-GATHERING")
        .doesNotContain("CTX-MASS-GATHERING");
    assertThat(fired(scenario().people(10000).build()))
        .contains("CTX-LARGE-GATHERING", "CTX-MASS-GATHERING");
  }

  @Test
  void venueCapacityStandsInForAnUnknownAttendance() {
    assertThat(fired(scenario().people(null).capacity(20000).build()))
        .contains("CTX-MASS-GATHERING");
  }

  @Test
  void aFullConcertHallIsACrowdedIndoorVenue() {
    assertThat(fired(scenario().at(VenueType.CONCERT_HALL).indoor(null).event(EventType.CONCERT).people(6000).build()))
        .contains("CTX-CROWDED-INDOOR");
  }

  @Test
  void religiousSettingsComeFromTheVenueOrTheEvent() {
    assertThat(fired(scenario().at(VenueType.RELIGIOUS_SITE).build())).contains("CTX-RELIGIOUS-SETTING");
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).event(EventType.RELIGIOUS_FESTIVAL).build()))
        .contains("CTX-RELIGIOUS-SETTING");
    assertThat(fired(scenario().build())).doesNotContain("CTX-RELIGIOUS-SETTING");
  }

  @Test
  void aJewishCommunityOrAnIsraeliInterestIsClassifiedTogether() {
    assertThat(fired(scenario().communities(Community.JEWISH).build())).contains("CTX-JEWISH-ISRAELI");
    assertThat(fired(scenario().israeliInterest(true).build())).contains("CTX-JEWISH-ISRAELI");
    assertThat(fired(scenario().communities(Community.CHRISTIAN).build())).doesNotContain("CTX-JEWISH-ISRAELI");
  }

  @Test
  void stateAndWesternPresenceNeedAnExplicitTrueNotAnUnknown() {
    assertThat(fired(scenario().build())).doesNotContain("CTX-STATE-PRESENCE", "CTX-WESTERN-PRESENCE");
    assertThat(fired(scenario().officials(true).build())).contains("CTX-STATE-PRESENCE");
    assertThat(fired(scenario().aidAgencies(true).build())).contains("CTX-WESTERN-PRESENCE");
  }

  @Test
  void embassiesAndAirportsAreSymbolicSites() {
    assertThat(fired(scenario().at(VenueType.EMBASSY).build())).contains("CTX-SYMBOLIC-SITE");
    assertThat(fired(scenario().at(VenueType.AIRPORT).build())).contains("CTX-SYMBOLIC-SITE");
    assertThat(fired(scenario().at(VenueType.HOTEL).build())).doesNotContain("CTX-SYMBOLIC-SITE");
  }
}
