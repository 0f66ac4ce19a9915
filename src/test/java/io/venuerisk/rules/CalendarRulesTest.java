package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.VenueType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * rules/calendar.drl: what an event risks because of the other events of its calendar. Each case
 * scores a small calendar and asserts, per event, every rule of the file that fires; the cases of
 * one venue on one day are told apart by their start and end times.
 */
class CalendarRulesTest {
  private static final Set<String> CALENDAR_RULES = calendarRules();

  private static Set<String> calendarRules() {
    Set<String> ids = new TreeSet<>();
    for (var r : RuleHarness.engine().rules().rules()) {
      if (r.file().equals("calendar.drl")) {
        ids.add(r.meta().id());
      }
    }
    return ids;
  }

  /** The calendar scored as `batch` scores it: each event with its findings. */
  private static Map<String, Assessment> score(TestScenarios... events) {
    List<Scenario> calendar = java.util.Arrays.stream(events).map(TestScenarios::build).toList();
    Map<String, Assessment> out = new TreeMap<>();
    for (Assessment a : RuleHarness.engine().assessGroup(calendar, null)) {
      out.put(a.id(), a);
    }
    return out;
  }

  /** The rules of calendar.drl that fired for the event, in id order. */
  private static Set<String> fired(Assessment a) {
    Set<String> out = new TreeSet<>();
    for (Finding f : a.findings()) {
      if (CALENDAR_RULES.contains(f.rule())) {
        out.add(f.rule());
      }
    }
    return out;
  }

  /**
   * Every event of the calendar with the rules of calendar.drl that fired for it: what a case
   * asserts as a whole, so that a rule firing for an event the case does not name is caught too.
   */
  private static Map<String, Set<String>> firedByEvent(Map<String, Assessment> calendar) {
    Map<String, Set<String>> out = new TreeMap<>();
    calendar.forEach((id, a) -> out.put(id, fired(a)));
    return out;
  }

  private static String rationale(Assessment a, String rule) {
    return a.findings().stream()
        .filter(f -> f.rule().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " produced no finding"))
        .rationale();
  }

  /** A graduation of 2,500 in the university's great hall: a large gathering. */
  private static TestScenarios graduation(String id) {
    return scenario().id(id).venue("Great Hall").people(2500).on("2026-07-10");
  }

  /** A match with an international draw in the city's stadium: a high-profile mass gathering. */
  private static TestScenarios finalMatch(String id) {
    return scenario()
        .id(id)
        .venue("Stadium")
        .at(VenueType.STADIUM)
        .event(EventType.SPORTING_EVENT)
        .people(60000)
        .international(true)
        .on("2026-07-10");
  }

  /** A public viewing of the match in a square: open to all, with no profile of its own. */
  private static TestScenarios fanZone(String id) {
    return scenario()
        .id(id)
        .venue("Town Square")
        .at(VenueType.PUBLIC_SPACE)
        .event(EventType.FESTIVAL)
        .people(5000)
        .indoor(false)
        .on("2026-07-10");
  }

  private static final Set<String> NONE = Set.of();

  @Test
  void anEventAloneFiresNothing() {
    assertThat(firedByEvent(score(graduation("a")))).isEqualTo(Map.of("a", NONE));
    assertThat(firedByEvent(score(finalMatch("final")))).isEqualTo(Map.of("final", NONE));
    assertThat(firedByEvent(score(fanZone("fans")))).isEqualTo(Map.of("fans", NONE));
  }

  @Test
  void twoSessionsOfOneHallWhoseTimesOverlapAreConcurrentNotBackToBack() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("mid").times("11:30", "14:00"));
    assertThat(firedByEvent(s))
        .isEqualTo(
            Map.of("am", Set.of("CAL-CONCURRENT-CROWDS"), "mid", Set.of("CAL-CONCURRENT-CROWDS")));
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS"))
        .isEqualTo(
            "1 other large gathering in Osaka on 2026-07-10 stretch the same police and security"
                + " resources: mid");
  }

  @Test
  void aMorningAndAnAfternoonGraduationInOneHallAreBackToBackNotConcurrent() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("pm").times("14:00", "17:00"));
    assertThat(firedByEvent(s))
        .isEqualTo(Map.of("am", Set.of("CAL-BACK-TO-BACK"), "pm", Set.of("CAL-BACK-TO-BACK")));
    assertThat(rationale(s.get("pm"), "CAL-BACK-TO-BACK"))
        .isEqualTo(
            "at Great Hall with no free day before or after am: less time to search and sweep the"
                + " venue and to reset the perimeter between crowds");
  }

  @Test
  void oneSessionEndingAsTheNextStartsDoesNotOverlapIt() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("pm").times("12:00", "15:00"));
    assertThat(firedByEvent(s))
        .isEqualTo(Map.of("am", Set.of("CAL-BACK-TO-BACK"), "pm", Set.of("CAL-BACK-TO-BACK")));
  }

  @Test
  void anEveningRunningPastMidnightOverlapsALateSessionAndNotAMorningOne() {
    var late =
        score(
            graduation("ball").times("20:00", "02:00"),
            graduation("disco").times("23:00", "23:30"));
    assertThat(firedByEvent(late))
        .isEqualTo(
            Map.of(
                "ball", Set.of("CAL-CONCURRENT-CROWDS"), "disco", Set.of("CAL-CONCURRENT-CROWDS")));
    var morning =
        score(graduation("ball").times("20:00", "02:00"), graduation("am").times("09:00", "12:00"));
    assertThat(firedByEvent(morning))
        .isEqualTo(Map.of("ball", Set.of("CAL-BACK-TO-BACK"), "am", Set.of("CAL-BACK-TO-BACK")));
  }

  @Test
  void withoutTimesTheRulesCountBothAndSaySo() {
    var s = score(graduation("am"), graduation("pm"));
    Set<String> both = Set.of("CAL-BACK-TO-BACK", "CAL-CONCURRENT-CROWDS");
    assertThat(firedByEvent(s)).isEqualTo(Map.of("am", both, "pm", both));
    String assumed =
        "; no times given to tell whether it and pm at the same venue overlap or follow each other:"
            + " counted as both";
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).endsWith(": pm" + assumed);
    assertThat(rationale(s.get("am"), "CAL-BACK-TO-BACK")).endsWith("between crowds" + assumed);
  }

  @Test
  void oneEventWithTimesAndOneWithoutIsStillAnAssumption() {
    var s = score(graduation("am").times("09:00", "12:00"), graduation("gala"));
    Set<String> both = Set.of("CAL-BACK-TO-BACK", "CAL-CONCURRENT-CROWDS");
    assertThat(firedByEvent(s)).isEqualTo(Map.of("am", both, "gala", both));
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).contains("no times given");
    // a start time alone still keeps apart from a session that ended before it
    var evening =
        score(graduation("am").times("09:00", "12:00"), graduation("gala").times("19:00", null));
    assertThat(firedByEvent(evening))
        .isEqualTo(Map.of("am", Set.of("CAL-BACK-TO-BACK"), "gala", Set.of("CAL-BACK-TO-BACK")));
    assertThat(rationale(evening.get("am"), "CAL-BACK-TO-BACK")).doesNotContain("no times");
  }

  @Test
  void timesDoNotSeparateEventsAtDifferentVenuesOfACity() {
    var s =
        score(
            graduation("am").times("09:00", "12:00"),
            graduation("match").venue("Stadium").times("15:00", "17:00"));
    assertThat(firedByEvent(s))
        .isEqualTo(
            Map.of(
                "am", Set.of("CAL-CONCURRENT-CROWDS"), "match", Set.of("CAL-CONCURRENT-CROWDS")));
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).doesNotContain("no times");
  }

  @Test
  void eventsOnConsecutiveDaysAtOneVenueAreBackToBackWhateverTheirTimes() {
    var s =
        score(
            graduation("fri").times("09:00", "12:00"),
            graduation("sat").on("2026-07-11").times("09:00", "12:00"));
    assertThat(firedByEvent(s))
        .isEqualTo(Map.of("fri", Set.of("CAL-BACK-TO-BACK"), "sat", Set.of("CAL-BACK-TO-BACK")));
  }

  @Test
  void aFreeDayBetweenTwoEventsOfOneVenueOrAnotherCityKeepsThemApart() {
    var gap = score(graduation("fri"), graduation("sun").on("2026-07-12"));
    assertThat(firedByEvent(gap)).isEqualTo(Map.of("fri", NONE, "sun", NONE));
    var elsewhere = score(graduation("osaka"), graduation("kyoto").city("Kyoto"));
    assertThat(firedByEvent(elsewhere)).isEqualTo(Map.of("osaka", NONE, "kyoto", NONE));
  }

  @Test
  void gatheringsBelowALargeCrowdDrawNoCalendarRuleHoweverCloseTheyAre() {
    // 999 people each, one hall, one day, no times: nothing of calendar.drl counts them
    var s = score(graduation("am").people(999), graduation("pm").people(999));
    assertThat(firedByEvent(s)).isEqualTo(Map.of("am", NONE, "pm", NONE));
    // and a small event does not count as the large one's peer
    var mixed = score(graduation("big"), graduation("small").venue("Seminar Room").people(999));
    assertThat(firedByEvent(mixed)).isEqualTo(Map.of("big", NONE, "small", NONE));
  }

  @Test
  void twoMassGatheringsInOneCitySplitArmedResponseAndMedicalCapacity() {
    var s =
        score(
            graduation("rally").venue("Park").people(12000),
            graduation("concert").venue("Arena").people(15000));
    Set<String> mass = Set.of("CAL-CONCURRENT-CROWDS", "CAL-CONCURRENT-MASS");
    assertThat(firedByEvent(s)).isEqualTo(Map.of("rally", mass, "concert", mass));
    assertThat(rationale(s.get("rally"), "CAL-CONCURRENT-MASS"))
        .isEqualTo(
            "another mass gathering in Osaka on 2026-07-10 splits armed response and medical"
                + " capacity between mass-casualty targets: concert");
  }

  @Test
  void aMassGatheringBesideALargeOneIsConcurrentButNotAMassPair() {
    var s =
        score(
            graduation("rally").venue("Park").people(12000),
            graduation("fair").venue("Fairground").people(2000));
    assertThat(firedByEvent(s))
        .isEqualTo(
            Map.of(
                "rally", Set.of("CAL-CONCURRENT-CROWDS"), "fair", Set.of("CAL-CONCURRENT-CROWDS")));
  }

  @Test
  void aFanZoneWhileAHighProfileMatchIsInTheCityIsASofterTargetDrawingTheSameCrowd() {
    var s = score(finalMatch("final"), fanZone("fans"));
    assertThat(firedByEvent(s))
        .isEqualTo(
            Map.of(
                "final",
                Set.of("CAL-CONCURRENT-CROWDS"),
                "fans",
                Set.of("CAL-CONCURRENT-CROWDS", "CAL-SIDE-EVENT")));
    assertThat(rationale(s.get("fans"), "CAL-SIDE-EVENT"))
        .isEqualTo(
            "a festival at a public space in Osaka on 2026-07-10 while the calendar holds a"
                + " high-profile event there (final): a softer target drawing the same crowd");
  }

  @Test
  void noSideEventWithoutAHighProfilePeerOrForAnEventWithAProfileOfItsOwn() {
    // the same match without an international draw is a mass gathering, not a high-profile one
    var domestic = score(finalMatch("final").international(false), fanZone("fans"));
    assertThat(firedByEvent(domestic))
        .isEqualTo(
            Map.of(
                "final", Set.of("CAL-CONCURRENT-CROWDS"), "fans", Set.of("CAL-CONCURRENT-CROWDS")));
    // a fan zone with its own international profile is a target in its own right
    var international = score(finalMatch("final"), fanZone("fans").international(true));
    assertThat(firedByEvent(international))
        .isEqualTo(
            Map.of(
                "final", Set.of("CAL-CONCURRENT-CROWDS"), "fans", Set.of("CAL-CONCURRENT-CROWDS")));
  }

  @Test
  void aSmallPublicViewingIsStillASideEventButNotALargeGathering() {
    // 300 people: a public crowd (Crowd.PUBLIC) but not a large gathering, so only the side event
    var s = score(finalMatch("final"), fanZone("bar").at(VenueType.RESTAURANT_BAR).people(300));
    assertThat(firedByEvent(s)).isEqualTo(Map.of("final", NONE, "bar", Set.of("CAL-SIDE-EVENT")));
    // below a public crowd it is none of the calendar's concern
    var tiny = score(finalMatch("final"), fanZone("bar").at(VenueType.RESTAURANT_BAR).people(150));
    assertThat(firedByEvent(tiny)).isEqualTo(Map.of("final", NONE, "bar", NONE));
  }

  @Test
  void everyRuleOfTheFileFiresInSomeCaseAbove() {
    // the cases above between them fire each rule of calendar.drl: a new rule needs its own case
    assertThat(CALENDAR_RULES)
        .containsExactlyInAnyOrder(
            "CAL-CONCURRENT-CROWDS", "CAL-CONCURRENT-MASS", "CAL-SIDE-EVENT", "CAL-BACK-TO-BACK");
  }
}
