package io.venuerisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.MartynsLawAssessor;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden scenarios of {@code scenarios/martyns-law/}, read as a user's files are: each gives
 * the UK Terrorism (Protection of Premises) Act 2025 tier, reasons and duties its {@code $comment}
 * describes, and together they cover every tier.
 */
class MartynsLawScenariosTest {
  private static final Path FOLDER = Path.of("scenarios", "martyns-law");

  private static Map<String, MartynsLaw> results;
  private static Map<String, Scenario> scenarios;

  @BeforeAll
  static void assessEveryFile() {
    ReferenceData data = ReferenceData.bundled();
    ScenarioJson json = new ScenarioJson(data);
    MartynsLawAssessor assessor = MartynsLawAssessor.of(data);
    results = new TreeMap<>();
    scenarios = new TreeMap<>();
    for (Path f : ScenarioSuite.files(FOLDER)) {
      Scenario s = ScenarioFiles.read(json, f);
      String name = f.getFileName().toString();
      scenarios.put(name, s);
      results.put(
          name, assessor.assess(s).orElseThrow(() -> new AssertionError(name + ": no result")));
    }
  }

  @Test
  void theFilesCoverEveryTier() {
    Set<MartynsLawTier> tiers = EnumSet.noneOf(MartynsLawTier.class);
    results.values().forEach(m -> tiers.add(m.tier()));
    assertThat(tiers).containsExactlyInAnyOrder(MartynsLawTier.values());
  }

  @Test
  void everyFileIsAUkScenarioAndItsNameSaysItsTier() {
    for (Map.Entry<String, MartynsLaw> e : results.entrySet()) {
      assertThat(scenarios.get(e.getKey()).country()).isEqualTo("GB");
      assertThat(e.getKey())
          .as("file name")
          .startsWith(e.getValue().tier().code().replace('_', '-') + "-");
    }
  }

  @Test
  void anOfficeIsOutOfScopeWithoutDuties() {
    MartynsLaw m = result("out-of-scope-office-london-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.use()).isNull();
    assertThat(m.reasons().get(0)).startsWith("Venue type business_office: no Schedule 1 use.");
    assertThat(m.duties()).isEmpty();
  }

  @Test
  void aPubUnder200IsOutOfScope() {
    MartynsLaw m = result("out-of-scope-village-pub-quiz-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.use().paragraph()).isEqualTo(2);
    assertThat(m.reasons())
        .anyMatch(r -> r.startsWith("Premises: 150 people") && r.contains("under 200"));
  }

  @Test
  void anAirportIsExcludedBySchedule2() {
    MartynsLaw m = result("out-of-scope-airport-manchester-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons()).anyMatch(r -> r.contains("Schedule 2 para 4(a)"));
  }

  @Test
  void aPlaceOfWorshipAbove800IsStandardAndItsProceduresAreShown() {
    MartynsLaw m = result("standard-gurdwara-vaisakhi-leicester-2028.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(m.use().paragraph()).isEqualTo(9);
    assertThat(m.reasons())
        .anyMatch(r -> r.contains("(Schedule 1 para 9(2)), so 1500 does not make them enhanced"))
        .anyMatch(r -> r.contains("not qualifying events (Schedule 2 para 6)"));
    Map<String, MartynsLawDuty> d = byId(m);
    assertThat(d.keySet())
        .containsExactlyInAnyOrder(
            "evacuation",
            "invacuation",
            "lockdown",
            "communication",
            "coordination",
            "notification");
    assertThat(d.get("evacuation").covered()).isTrue();
    assertThat(d.get("lockdown").inPlace()).containsExactly(Measure.LOCKDOWN_PLAN);
    assertThat(d.get("notification").covered()).isNull();
  }

  @Test
  void aSchoolIsStandardAndTheMissingLockdownPlanIsNamed() {
    MartynsLaw m = result("standard-secondary-school-bristol-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(m.use().paragraph()).isEqualTo(14);
    MartynsLawDuty lockdown = byId(m).get("lockdown");
    assertThat(lockdown.covered()).isFalse();
    assertThat(lockdown.missing()).containsExactly(Measure.LOCKDOWN_PLAN);
  }

  @Test
  void aHotelOf450IsStandardByNumbers() {
    MartynsLaw m = result("standard-hotel-ballroom-york-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.STANDARD);
    assertThat(m.reasons()).anyMatch(r -> r.contains("200 or more and under 800"));
  }

  @Test
  void aConcertHallFor2000IsEnhancedAndLacksAPhysicalMeasure() {
    MartynsLaw m = result("enhanced-concert-hall-glasgow-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.ENHANCED);
    assertThat(m.reasons()).anyMatch(r -> r.contains("not a separate qualifying event"));
    Map<String, MartynsLawDuty> d = byId(m);
    assertThat(d.get("monitoring").inPlace()).containsExactly(Measure.CCTV);
    assertThat(d.get("movement").inPlace()).containsExactly(Measure.BAG_SEARCH);
    assertThat(d.get("physical").covered()).isFalse();
    assertThat(d.get("physical").missing()).contains(Measure.HOSTILE_VEHICLE_MITIGATION);
    assertThat(d.get("document").covered()).isNull();
    assertThat(d.get("senior_individual").section()).isEqualTo("s.10");
  }

  @Test
  void aStadiumIsEnhancedWithEveryShowableMeasureAreaCovered() {
    MartynsLaw m = result("enhanced-stadium-cardiff-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.ENHANCED);
    assertThat(m.use().paragraph()).isEqualTo(4);
    List<String> notCovered =
        m.duties().stream()
            .filter(d -> Boolean.FALSE.equals(d.covered()))
            .map(MartynsLawDuty::id)
            .toList();
    assertThat(notCovered).isEmpty();
  }

  @Test
  void aUniversityIsEnhanced() {
    assertThat(result("enhanced-university-manchester-2027.json").tier())
        .isEqualTo(MartynsLawTier.ENHANCED);
  }

  @Test
  void aTicketedFestivalOnLandIsAQualifyingEvent() {
    MartynsLaw m = result("qualifying-event-music-festival-somerset-2027.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.QUALIFYING_EVENT);
    assertThat(m.reasons())
        .anyMatch(r -> r.contains("not premises under s.2(2)(a)"))
        .anyMatch(r -> r.startsWith("Event: 5000 people expected") && r.contains("800 or more"))
        .anyMatch(r -> r.startsWith("Members of the public have access (s.3(1)(c))"))
        .anyMatch(r -> r.startsWith("Entry is checked (event.entryChecks)"));
    assertThat(byId(m).keySet()).contains("monitoring", "document", "senior_individual");
    assertThat(m.note()).doesNotContain("before then");
  }

  @Test
  void theSameFestivalWithUnknownEntryChecksWouldQualifyButIsNotSaidTo() {
    Scenario s = scenarios.get("qualifying-event-music-festival-somerset-2027.json");
    Scenario unknown =
        s.withEvent(
            new io.venuerisk.model.EventInfo(
                s.eventType(),
                s.event().expectedAttendance(),
                s.event().internationalProfile(),
                null));
    MartynsLaw m = MartynsLawAssessor.of(ReferenceData.bundled()).assess(unknown).orElseThrow();
    assertThat(m.tier()).isEqualTo(MartynsLawTier.OUT_OF_SCOPE);
    assertThat(m.reasons().get(m.reasons().size() - 1))
        .startsWith("It would be a qualifying event");
  }

  @Test
  void aTicketedMarketBeforeCommencementIsQualifyingAndTheNoteSaysTheDutiesAreNotYetInForce() {
    MartynsLaw m = result("qualifying-event-christmas-market-winchester-2026.json");
    assertThat(m.tier()).isEqualTo(MartynsLawTier.QUALIFYING_EVENT);
    assertThat(m.reasons()).anyMatch(r -> r.startsWith("Not indoors (venue.indoor is false)"));
    assertThat(m.note())
        .contains("not before April 2027")
        .contains("This event (2026-12-12) is before then");
  }

  private static MartynsLaw result(String file) {
    assertThat(results).containsKey(file);
    return results.get(file);
  }

  private static Map<String, MartynsLawDuty> byId(MartynsLaw m) {
    return m.duties().stream().collect(Collectors.toMap(MartynsLawDuty::id, d -> d));
  }
}
