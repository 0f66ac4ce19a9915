package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.UkPremisesAct;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tier the UK Terrorism (Protection of Premises) Act 2025 gives a venue or event, at and around
 * each threshold and for each special case of its Schedules, and the duties that follow.
 */
class MartynsLawAssessorTest {
  private static final UkPremisesAct ACT = ReferenceData.bundled().ukPremisesAct();
  private static final MartynsLawAssessor ASSESSOR = new MartynsLawAssessor(ACT);
  private static final LocalDate AFTER = LocalDate.of(2027, 9, 1);

  // ------------------------------------------------------------------ premises thresholds

  @ParameterizedTest(name = "a concert hall for {0} is {1}")
  @CsvSource({"199, OUT_OF_SCOPE", "200, STANDARD", "799, STANDARD", "800, ENHANCED"})
  void theTierOfPremisesFollowsThe200And800Thresholds(int capacity, MartynsLawTier tier) {
    MartynsLaw m =
        assess(venue(VenueType.CONCERT_HALL, capacity), event(EventType.NONE, null, null));
    assertThat(m.tier()).isEqualTo(tier);
    assertThat(m.use()).isEqualTo(new MartynsLaw.Use(3, "entertainment and leisure"));
    assertThat(m.reasons())
        .anyMatch(
            r ->
                r.startsWith(
                    "Premises: "
                        + capacity
                        + " people may be present at the same time"
                        + " (venue.capacity; staff count too)"));
  }

  @Test
  void theThresholdsComeFromTheDataNotTheCode() {
    // s.32 lets regulations lower 200 to 100 and 800 to 500: a changed table changes the tier
    UkPremisesAct lowered =
        new UkPremisesAct(
            ACT.countries(),
            new UkPremisesAct.Threshold(100, "s.2(2)(c)", "test"),
            new UkPremisesAct.Threshold(500, "s.2(3)(a)", "test"),
            new UkPremisesAct.Threshold(500, "s.3(1)(d)", "test"),
            ACT.commencement(),
            ACT.uses(),
            ACT.venueTypes(),
            ACT.eventTypes(),
            ACT.duties());
    MartynsLawAssessor assessor = new MartynsLawAssessor(lowered);
    Scenario hall = scenario(venue(VenueType.CONCERT_HALL, 150), event(EventType.NONE, null, null));
    Scenario bigger =
        scenario(venue(VenueType.CONCERT_HALL, 600), event(EventType.NONE, null, null));
    assertThat(ASSESSOR.assess(hall).orElseThrow().tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(assessor.assess(hall).orElseThrow().tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(ASSESSOR.assess(bigger).orElseThrow().tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(assessor.assess(bigger).orElseThrow().tier()).isEqualTo(MartynsLawTier.ENHANCED);
  }

  @Test
  void withoutACapacityTheExpectedAttendanceStandsInAndTheReasonSaysSo() {
    MartynsLaw m = assess(venue(VenueType.THEATRE, null), event(EventType.CONCERT, 900, null));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.ENHANCED);
    assertThat(m.reasons())
        .anyMatch(
            r ->
                r.startsWith("Premises: 900 people")
                    && r.contains(
                        "(event.expectedAttendance, as no venue.capacity is given; staff count too)"));
  }

  @Test
  void theCapacityDecidesThePremisesEvenWhenFewerAreExpected() {
    // s.2(2)(c): "from time to time", so a quiet night at a 2,000-seat hall is still enhanced
    MartynsLaw m = assess(venue(VenueType.CONCERT_HALL, 2000), event(EventType.CONCERT, 300, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.ENHANCED);
  }

  @Test
  void withNoFigureAtAllTheThresholdsCannotBeTestedAndTheReasonSaysSo() {
    // the reader refuses such a scenario; a caller building one directly still gets an answer
    MartynsLaw m = assess(venue(VenueType.HOTEL, null), event(EventType.CONCERT, null, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons()).anyMatch(r -> r.contains("thresholds cannot be tested"));
    assertThat(m.reasons()).anyMatch(r -> r.contains("cannot be tested") && r.startsWith("Event"));
  }

  // ------------------------------------------------------------------ always-standard uses

  @ParameterizedTest(name = "{0} for 5000 stays standard")
  @CsvSource({"RELIGIOUS_SITE, 9, 9(2)", "SCHOOL, 14, 14(3)(b)"})
  void placesOfWorshipAndSchoolsAreStandardAtAnyCapacity(VenueType type, int paragraph, String by) {
    MartynsLaw m = assess(venue(type, 5000), event(EventType.NONE, null, null));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(m.use().paragraph()).isEqualTo(paragraph);
    assertThat(m.reasons())
        .anyMatch(
            r ->
                r.contains("standard duty premises at any capacity (Schedule 1 para " + by + ")")
                    && r.contains("so 5000 does not make them enhanced duty premises"));
  }

  @Test
  void aPlaceOfWorshipUnder200IsOutOfScope() {
    assertThat(
            assess(venue(VenueType.RELIGIOUS_SITE, 199), event(EventType.NONE, null, null)).tier())
        .isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
  }

  @Test
  void aTicketedEventAtAPlaceOfWorshipIsNotAQualifyingEvent() {
    MartynsLaw m =
        assess(venue(VenueType.RELIGIOUS_SITE, 3000), event(EventType.CONCERT, 2500, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(m.reasons()).anyMatch(r -> r.contains("Schedule 2 para 6"));
  }

  @Test
  void aUniversityHasNoCapAndCanBeEnhanced() {
    assertThat(assess(venue(VenueType.UNIVERSITY, 800), event(EventType.NONE, null, null)).tier())
        .isEqualTo(MartynsLawTier.ENHANCED);
  }

  // ------------------------------------------------------------------ Schedule 2 exclusions

  @Test
  void anAirportIsTakenAsExcludedAndSoAreItsEvents() {
    MartynsLaw m = assess(venue(VenueType.AIRPORT, 20000), event(EventType.EXHIBITION, 5000, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.duties()).isEmpty();
    assertThat(m.reasons())
        .anyMatch(r -> r.contains("Excluded premises (Schedule 2 para 4(a))"))
        .anyMatch(r -> r.contains("Schedule 2 para 5"));
  }

  @Test
  void anOpenAirMarketIsLandWhileAnIndoorMarketHallIsPremises() {
    Venue open = new Venue(null, "Square", VenueType.MARKET, false, 2000, "York", "GB");
    Venue unknown = new Venue(null, "Square", VenueType.MARKET, null, 2000, "York", "GB");
    Venue hall = new Venue(null, "Market hall", VenueType.MARKET, true, 2000, "York", "GB");
    EventInfo free = event(EventType.MARKET, 1500, false);
    assertThat(assess(open, free).tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(assess(open, free).reasons()).anyMatch(r -> r.contains("venue.indoor is false"));
    assertThat(assess(unknown, free).reasons())
        .anyMatch(r -> r.contains("venue.indoor is not given"));
    assertThat(assess(hall, free).tier()).isEqualTo(MartynsLawTier.ENHANCED);
  }

  @Test
  void anOfficeIsNoScheduleOneUseButATicketedPublicEventThereQualifies() {
    assertThat(
            assess(venue(VenueType.BUSINESS_OFFICE, 3000), event(EventType.NONE, null, null))
                .tier())
        .isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    MartynsLaw m =
        assess(venue(VenueType.BUSINESS_OFFICE, 3000), event(EventType.EXHIBITION, 1000, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.QUALIFYING_EVENT);
    assertThat(m.use()).isNull();
  }

  // ------------------------------------------------------------------ qualifying events

  @ParameterizedTest(name = "{0} expected on land with entry checks: {1}")
  @CsvSource({"799, OUT_OF_SCOPE", "800, QUALIFYING_EVENT"})
  void aTicketedPublicEventOnLandQualifiesFrom800(int expected, MartynsLawTier tier) {
    MartynsLaw m =
        assess(venue(VenueType.PUBLIC_SPACE, 10000), event(EventType.FESTIVAL, expected, true));
    assertThat(m.tier()).isEqualTo(tier);
  }

  @Test
  void aQualifyingEventAtStandardPremisesCarriesTheEnhancedDuties() {
    MartynsLaw m = assess(venue(VenueType.HOTEL, 600), event(EventType.CONCERT, 900, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.QUALIFYING_EVENT);
    assertThat(m.reasons())
        .anyMatch(r -> r.contains("standard duty premises (s.2(2)(c), s.2(3)(b))"))
        .anyMatch(r -> r.contains("the premises keep their own standard duties"));
    assertThat(sections(m)).contains("s.6(3)(a)", "s.7", "s.10");
  }

  @Test
  void anEventAtEnhancedPremisesIsCoveredByThePremises() {
    MartynsLaw m = assess(venue(VenueType.ARENA, 15000), event(EventType.CONCERT, 12000, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.ENHANCED);
    assertThat(m.reasons()).anyMatch(r -> r.contains("not a separate qualifying event"));
  }

  @Test
  void unknownEntryChecksLeaveTheEventConditional() {
    MartynsLaw m =
        assess(venue(VenueType.PUBLIC_SPACE, 10000), event(EventType.FESTIVAL, 5000, null));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons())
        .anyMatch(
            r ->
                r.equals(
                    "It would be a qualifying event, with the enhanced duties, if tickets,"
                        + " passes, payment or membership are checked at entry (s.3(1)(e))."));
  }

  @Test
  void withoutEntryChecksAnEventIsNotQualifying() {
    MartynsLaw m =
        assess(venue(VenueType.PUBLIC_SPACE, 10000), event(EventType.FESTIVAL, 5000, false));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons()).anyMatch(r -> r.contains("No entry checks"));
    assertThat(m.reasons()).noneMatch(r -> r.startsWith("It would be"));
  }

  @Test
  void aWeddingIsNotOpenToThePublicEvenWithEntryChecks() {
    MartynsLaw m =
        assess(venue(VenueType.PUBLIC_SPACE, 2000), event(EventType.WEDDING, 1000, true));
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons()).anyMatch(r -> r.startsWith("Members of the public do not have access"));
  }

  @Test
  void anEventOfTypeOtherWouldQualifyIfPublicAndChecked() {
    MartynsLaw m = assess(venue(VenueType.PUBLIC_SPACE, 2000), event(EventType.OTHER, 1000, null));
    assertThat(m.reasons())
        .last()
        .asString()
        .contains("members of the public have access (s.3(1)(c))")
        .contains("checked at entry (s.3(1)(e))");
  }

  // ------------------------------------------------------------------ duties

  @Test
  void standardPremisesCarryTheProceduresAndNotificationButNoMeasures() {
    MartynsLaw m = assess(venue(VenueType.RESTAURANT_BAR, 300), event(EventType.NONE, null, null));
    assertThat(sections(m))
        .containsExactly("s.5(3)(a)", "s.5(3)(b)", "s.5(3)(c)", "s.5(3)(d)", "s.8", "s.9");
  }

  @Test
  void enhancedPremisesCarryEveryDutyOfTheAct() {
    MartynsLaw m = assess(venue(VenueType.STADIUM, 40000), event(EventType.NONE, null, null));
    assertThat(sections(m))
        .containsExactly(
            "s.5(3)(a)",
            "s.5(3)(b)",
            "s.5(3)(c)",
            "s.5(3)(d)",
            "s.6(1)(a)",
            "s.6(3)(a)",
            "s.6(3)(b)",
            "s.6(3)(c)",
            "s.6(3)(d)",
            "s.7",
            "s.8",
            "s.9",
            "s.10");
  }

  @Test
  void aDutyIsCoveredByAnyMeasureThatShowsItAndOtherwiseListsTheMissingOnes() {
    Scenario s =
        scenario(venue(VenueType.STADIUM, 40000), event(EventType.NONE, null, null))
            .withMeasures(List.of(Measure.CCTV, Measure.EVACUATION_PLAN));
    Map<String, MartynsLawDuty> duties = byId(ASSESSOR.assess(s).orElseThrow());
    assertThat(duties.get("monitoring").covered()).isTrue();
    assertThat(duties.get("monitoring").inPlace()).containsExactly(Measure.CCTV);
    assertThat(duties.get("monitoring").missing()).isEmpty();
    assertThat(duties.get("lockdown").covered()).isFalse();
    assertThat(duties.get("lockdown").missing()).containsExactly(Measure.LOCKDOWN_PLAN);
    assertThat(duties.get("movement").missing())
        .containsExactly(
            Measure.ACCESS_CONTROL,
            Measure.BAG_SEARCH,
            Measure.EXPLOSIVE_DETECTION,
            Measure.METAL_DETECTORS);
  }

  @Test
  void dutiesNoMeasureCanShowAreUnknownNotPretendedMet() {
    Scenario s =
        scenario(venue(VenueType.STADIUM, 40000), event(EventType.NONE, null, null))
            .withMeasures(List.of(Measure.values()));
    Map<String, MartynsLawDuty> duties = byId(ASSESSOR.assess(s).orElseThrow());
    for (String id :
        List.of(
            "review",
            "information",
            "document",
            "coordination",
            "notification",
            "senior_individual")) {
      assertThat(duties.get(id).covered()).as(id).isNull();
      assertThat(duties.get(id).note())
          .as(id)
          .isEqualTo("not shown by the scenario: confirm separately");
    }
    assertThat(duties.get("senior_individual").condition())
        .startsWith("where the person responsible is not an individual");
    assertThat(duties.get("evacuation").condition()).isNull();
    assertThat(duties.get("evacuation").note()).isNull();
  }

  @Test
  void measuresGiveTheSameDutiesInAnyOrder() {
    List<Measure> all = new ArrayList<>(List.of(Measure.values()));
    Scenario s = scenario(venue(VenueType.STADIUM, 40000), event(EventType.NONE, null, null));
    MartynsLaw forward = ASSESSOR.assess(s.withMeasures(all)).orElseThrow();
    Collections.reverse(all);
    assertThat(ASSESSOR.assess(s.withMeasures(all)).orElseThrow()).isEqualTo(forward);
    for (MartynsLawDuty d : forward.duties()) {
      assertThat(d.inPlace()).isSortedAccordingTo((a, b) -> a.code().compareTo(b.code()));
    }
  }

  // ------------------------------------------------------------------ scope and note

  @ParameterizedTest
  @CsvSource({"FR", "IE", "US", "GG"})
  void outsideTheUnitedKingdomThereIsNoResult(String country) {
    Venue v = new Venue(null, "Hall", VenueType.CONCERT_HALL, true, 2000, "City", country);
    assertThat(ASSESSOR.assess(scenario(v, event(EventType.CONCERT, 1800, true)))).isEmpty();
  }

  @Test
  void theNoteSaysWhenTheDutiesApplyAndThatItIsNotLegalAdvice() {
    MartynsLaw after =
        assess(venue(VenueType.CONCERT_HALL, 2000), event(EventType.NONE, null, null));
    assertThat(after.note())
        .contains("not before April 2027")
        .contains("not legal advice")
        .doesNotContain("before then");
    Scenario early =
        new Scenario(
            "x",
            "x",
            LocalDate.of(2026, 12, 20),
            null,
            venue(VenueType.CONCERT_HALL, 2000),
            event(EventType.NONE, null, null),
            null,
            null);
    assertThat(ASSESSOR.assess(early).orElseThrow().note())
        .contains("This event (2026-12-20) is before then");
  }

  @ParameterizedTest
  @EnumSource(VenueType.class)
  void everyVenueTypeGetsAResultWithAReasonNamingIt(VenueType type) {
    Optional<MartynsLaw> m =
        ASSESSOR.assess(scenario(venue(type, 1000), event(EventType.CONCERT, 900, true)));
    assertThat(m).isPresent();
    assertThat(m.get().reasons().get(0)).startsWith("Venue type " + type.code() + ":");
  }

  // ------------------------------------------------------------------ helpers

  private static MartynsLaw assess(Venue v, EventInfo e) {
    return ASSESSOR.assess(scenario(v, e)).orElseThrow();
  }

  static Scenario scenario(Venue v, EventInfo e) {
    return new Scenario("t", "test", AFTER, null, v, e, null, new Security(null));
  }

  static Venue venue(VenueType type, Integer capacity) {
    return new Venue(null, "Venue", type, true, capacity, "London", "GB");
  }

  static EventInfo event(EventType type, Integer expected, Boolean entryChecks) {
    return new EventInfo(type, expected, false, entryChecks);
  }

  private static List<String> sections(MartynsLaw m) {
    return m.duties().stream().map(MartynsLawDuty::section).toList();
  }

  private static Map<String, MartynsLawDuty> byId(MartynsLaw m) {
    return m.duties().stream().collect(Collectors.toMap(MartynsLawDuty::id, d -> d));
  }
}
