package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
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

  @Test
  void anEventAloneFiresNothing() {
    assertThat(fired(score(graduation("a")).get("a"))).isEmpty();
  }

  @Test
  void twoSessionsOfOneHallWhoseTimesOverlapAreConcurrentNotBackToBack() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("mid").times("11:30", "14:00"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-CONCURRENT-CROWDS");
    assertThat(fired(s.get("mid"))).containsExactly("CAL-CONCURRENT-CROWDS");
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS"))
        .isEqualTo(
            "1 other large gathering in Osaka on 2026-07-10 stretch the same police and security"
                + " resources: mid");
  }

  @Test
  void aMorningAndAnAfternoonGraduationInOneHallAreBackToBackNotConcurrent() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("pm").times("14:00", "17:00"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-BACK-TO-BACK");
    assertThat(fired(s.get("pm"))).containsExactly("CAL-BACK-TO-BACK");
    assertThat(rationale(s.get("pm"), "CAL-BACK-TO-BACK"))
        .isEqualTo(
            "at Great Hall with no free day before or after am: less time to search and sweep the"
                + " venue and to reset the perimeter between crowds");
  }

  @Test
  void oneSessionEndingAsTheNextStartsDoesNotOverlapIt() {
    var s =
        score(graduation("am").times("09:00", "12:00"), graduation("pm").times("12:00", "15:00"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-BACK-TO-BACK");
  }

  @Test
  void anEveningRunningPastMidnightOverlapsALateSessionAndNotAMorningOne() {
    var late =
        score(
            graduation("ball").times("20:00", "02:00"),
            graduation("disco").times("23:00", "23:30"));
    assertThat(fired(late.get("ball"))).containsExactly("CAL-CONCURRENT-CROWDS");
    var morning =
        score(graduation("ball").times("20:00", "02:00"), graduation("am").times("09:00", "12:00"));
    assertThat(fired(morning.get("ball"))).containsExactly("CAL-BACK-TO-BACK");
  }

  @Test
  void withoutTimesTheRulesCountBothAndSaySo() {
    var s = score(graduation("am"), graduation("pm"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-BACK-TO-BACK", "CAL-CONCURRENT-CROWDS");
    String assumed =
        "; no times given to tell whether it and pm at the same venue overlap or follow each other:"
            + " counted as both";
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).endsWith(": pm" + assumed);
    assertThat(rationale(s.get("am"), "CAL-BACK-TO-BACK")).endsWith("between crowds" + assumed);
  }

  @Test
  void oneEventWithTimesAndOneWithoutIsStillAnAssumption() {
    var s = score(graduation("am").times("09:00", "12:00"), graduation("gala"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-BACK-TO-BACK", "CAL-CONCURRENT-CROWDS");
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).contains("no times given");
    // a start time alone still keeps apart from a session that ended before it
    var evening =
        score(graduation("am").times("09:00", "12:00"), graduation("gala").times("19:00", null));
    assertThat(fired(evening.get("am"))).containsExactly("CAL-BACK-TO-BACK");
    assertThat(rationale(evening.get("am"), "CAL-BACK-TO-BACK")).doesNotContain("no times");
  }

  @Test
  void timesDoNotSeparateEventsAtDifferentVenuesOfACity() {
    var s =
        score(
            graduation("am").times("09:00", "12:00"),
            graduation("match").venue("Stadium").times("15:00", "17:00"));
    assertThat(fired(s.get("am"))).containsExactly("CAL-CONCURRENT-CROWDS");
    assertThat(rationale(s.get("am"), "CAL-CONCURRENT-CROWDS")).doesNotContain("no times");
  }

  @Test
  void eventsOnConsecutiveDaysAtOneVenueAreBackToBackWhateverTheirTimes() {
    var s =
        score(
            graduation("fri").times("09:00", "12:00"),
            graduation("sat").on("2026-07-11").times("09:00", "12:00"));
    assertThat(fired(s.get("fri"))).containsExactly("CAL-BACK-TO-BACK");
    assertThat(fired(s.get("sat"))).containsExactly("CAL-BACK-TO-BACK");
  }
}
