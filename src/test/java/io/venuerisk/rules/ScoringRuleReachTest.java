package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Category;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.VenueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scoring rule of the shipped rules (every category but classification) is seen both firing
 * and not firing: it fires for at least one event of the corpus and is absent from at least one. A
 * rule no event fires is untested weight; a rule every event fires says nothing about the event and
 * moves every score alike, which no per-event golden would notice. The corpus is every golden
 * scenario plus the built events below, the calendars among them scored as {@code batch} scores a
 * calendar, since the rules of calendar.drl need other events to fire.
 */
class ScoringRuleReachTest {
  private static final List<Path> GOLDEN_FOLDERS =
      List.of(
          Path.of("scenarios"),
          Path.of("scenarios/martyns-law"),
          Path.of("scenarios/threat-context"));

  /**
   * The scoring rules that fire for every event by design, each with the reason. Any other rule
   * firing for every event of the corpus fails the suite, and so does an entry here that no longer
   * fires everywhere: the list says what is true of the rules, not what once was.
   */
  private static final Map<String, String> FIRES_FOR_EVERY_EVENT = new LinkedHashMap<>();

  static {
    FIRES_FOR_EVERY_EVENT.put(
        "BAS-COUNTRY",
        "the national baseline: every event is in a country, and the readers refuse a country"
            + " data/countries.csv does not know");
    FIRES_FOR_EVERY_EVENT.put(
        "EXP-PERSON-BORNE-IED",
        "every gathering has an entrance where people wait (ISK-E7): the exposure is always"
            + " listed so its measures are always offered");
    FIRES_FOR_EVERY_EVENT.put(
        "EXP-EDGED-WEAPON",
        "a knife needs no more than people within reach: the exposure is always listed so its"
            + " measures are always offered");
  }

  /** Per scoring rule, the events of the corpus it fired for. */
  private static final Map<String, Set<String>> FIRED_FOR = new TreeMap<>();

  private static final List<String> EVENTS = new ArrayList<>();
  private static List<RuleInfo> scoringRules;

  @BeforeAll
  static void scoreTheCorpus() {
    scoringRules =
        RuleHarness.engine().rules().rules().stream()
            .filter(r -> r.meta().category() != Category.CLASSIFICATION)
            .toList();
    ScenarioJson json = new ScenarioJson(RuleHarness.engine().data());
    for (Path folder : GOLDEN_FOLDERS) {
      for (Path f : ScenarioSuite.files(folder)) {
        score(f.toString(), List.of(ScenarioFiles.read(json, f)));
      }
    }
    // one ordinary event, the builder's bland default: a 100-person conference in Japan
    score("built: a small conference", List.of(scenario().id("conference").build()));
    // a booked venue nobody is expected at (event.expectedAttendance 0 is valid input)
    score("built: nobody expected", List.of(scenario().id("empty").people(0).build()));
    // cases of the per-file rule tests for the rules no golden scenario fires
    score(
        "built: a meeting at a ministry (TargetRulesTest)",
        List.of(scenario().id("ministry").at(VenueType.GOVERNMENT_BUILDING).build()));
    score(
        "built: a Sikh gathering in Kabul on Vaisakhi (TimingRulesTest)",
        List.of(
            scenario()
                .id("vaisakhi")
                .communities(Community.SIKH)
                .in("AF")
                .on("2026-04-14")
                .build()));
    score(
        "built: a Jewish community event in London on 7 October (TimingRulesTest)",
        List.of(
            scenario()
                .id("october-7")
                .communities(Community.JEWISH)
                .in("GB")
                .city("London")
                .on("2026-10-07")
                .build()));
    // the cases of CalendarRulesTest that fire each rule of calendar.drl
    score(
        "built calendar: a final and its fan zone",
        List.of(
            scenario()
                .id("final")
                .venue("Stadium")
                .at(VenueType.STADIUM)
                .event(EventType.SPORTING_EVENT)
                .people(60000)
                .international(true)
                .build(),
            scenario()
                .id("fans")
                .venue("Town Square")
                .at(VenueType.PUBLIC_SPACE)
                .event(EventType.FESTIVAL)
                .people(5000)
                .indoor(false)
                .build()));
    score(
        "built calendar: two mass gatherings",
        List.of(
            scenario().id("rally").venue("Park").people(12000).build(),
            scenario().id("concert").venue("Arena").people(15000).build()));
    score(
        "built calendar: two graduations back to back",
        List.of(
            graduation("am").times("09:00", "12:00").build(),
            graduation("pm").times("14:00", "17:00").build()));
  }

  private static TestScenarios graduation(String id) {
    return scenario().id(id).venue("Great Hall").people(2500);
  }

  /** Scores the events as one calendar and records, per event, the scoring rules that fired. */
  private static void score(String source, List<Scenario> calendar) {
    FiringLog log = new FiringLog();
    RuleHarness.engine().assessGroup(calendar, log);
    Map<Scenario, String> names = new IdentityHashMap<>();
    for (Scenario s : calendar) {
      String name = calendar.size() == 1 ? source : source + " / " + s.id();
      names.put(s, name);
      EVENTS.add(name);
    }
    for (FiringLog.Firing f : log.firings()) {
      if (f.rule().category() == Category.CLASSIFICATION) {
        continue;
      }
      for (Object o : f.inserted()) {
        if (o instanceof Finding finding && names.containsKey(finding.scenario())) {
          FIRED_FOR
              .computeIfAbsent(f.rule().id(), k -> new TreeSet<>())
              .add(names.get(finding.scenario()));
        }
      }
    }
  }

  private static String located(RuleInfo r) {
    return r.meta().id() + " (" + r.file() + ":" + r.line() + ")";
  }

  @Test
  void everyScoringRuleFiresForSomeEventOfTheCorpus() {
    List<String> never =
        scoringRules.stream()
            .filter(r -> !FIRED_FOR.containsKey(r.meta().id()))
            .map(ScoringRuleReachTest::located)
            .toList();
    assertThat(never)
        .as(
            "scoring rules no golden scenario or built event fires: add a golden scenario or a"
                + " built event that fires each")
        .isEmpty();
  }

  @Test
  void noScoringRuleFiresForEveryEventUnlessItIsListedWithItsReason() {
    List<String> everywhere =
        scoringRules.stream()
            .filter(r -> FIRED_FOR.getOrDefault(r.meta().id(), Set.of()).size() == EVENTS.size())
            .filter(r -> !FIRES_FOR_EVERY_EVENT.containsKey(r.meta().id()))
            .map(ScoringRuleReachTest::located)
            .toList();
    assertThat(everywhere)
        .as(
            "scoring rules that fire for every one of %d events: add an event they are absent"
                + " from, or list them in FIRES_FOR_EVERY_EVENT with the reason",
            EVENTS.size())
        .isEmpty();
  }

  @Test
  void eachRuleListedAsFiringForEveryEventIsAScoringRuleThatDoes() {
    Set<String> ids = new TreeSet<>();
    scoringRules.forEach(r -> ids.add(r.meta().id()));
    for (String id : FIRES_FOR_EVERY_EVENT.keySet()) {
      assertThat(ids).as("%s is a scoring rule of the shipped rules", id).contains(id);
      assertThat(FIRED_FOR.getOrDefault(id, Set.of()))
          .as("%s is listed as firing for every event; it fired for", id)
          .hasSize(EVENTS.size());
    }
  }

  @Test
  void theCorpusHoldsTheGoldenScenariosAndTheBuiltEvents() {
    // a folder read as empty would make every rule look absent somewhere and prove nothing
    assertThat(EVENTS.stream().filter(e -> e.startsWith("scenarios/martyns-law/")).count())
        .isPositive();
    assertThat(EVENTS.stream().filter(e -> e.startsWith("scenarios/threat-context/")).count())
        .isPositive();
    assertThat(EVENTS.size()).isGreaterThan(40);
  }
}
