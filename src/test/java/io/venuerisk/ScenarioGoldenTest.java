package io.venuerisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.ScenarioCheck;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.io.TestReport;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Country;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The golden scenarios of {@code scenarios/}: each file's stored {@code expect} holds for the
 * shipped rules and data, and together the files span every target category, region, timing window
 * and tactic family of the IS-K guide, its four precedents, the effect of mitigation and ordinary
 * low-risk events. Coverage is asserted on what the assessments contain (fired rule ids, exposures,
 * countries), never on file names, so files can be renamed or added freely.
 */
class ScenarioGoldenTest {

  private static final Path FOLDER = Path.of("scenarios");

  /** The target categories of ISK-T1, ISK-T2 and ISK-R3, each with the rule that scores it. */
  private static final Map<String, String> TARGET_CATEGORIES = new LinkedHashMap<>();

  static {
    TARGET_CATEGORIES.put("large gatherings", "TGT-CROWD-SIZE");
    TARGET_CATEGORIES.put("religious sites", "TGT-RELIGIOUS-SITE");
    TARGET_CATEGORIES.put("religious minorities", "TGT-RELIGIOUS-MINORITY");
    TARGET_CATEGORIES.put("Jewish communities", "TGT-JEWISH-COMMUNITY");
    TARGET_CATEGORIES.put("universities", "TGT-UNIVERSITY");
    TARGET_CATEGORIES.put("tourist sites", "TGT-TOURIST-SITE");
    TARGET_CATEGORIES.put("Western business interests", "TGT-WESTERN-BUSINESS");
    TARGET_CATEGORIES.put("Westerners abroad", "TGT-WESTERNERS-ABROAD");
    TARGET_CATEGORIES.put("embassies", "TGT-EMBASSY");
    TARGET_CATEGORIES.put("officials and government", "TGT-OFFICIALS");
    TARGET_CATEGORIES.put("security forces and the military", "TGT-SECURITY-FORCES");
    TARGET_CATEGORIES.put("aid agencies", "TGT-AID-AGENCIES");
    TARGET_CATEGORIES.put("international sport", "TGT-INTERNATIONAL-SPORT");
    TARGET_CATEGORIES.put("concerts and night-time entertainment", "TGT-ENTERTAINMENT");
    TARGET_CATEGORIES.put("airports and transit", "TGT-TRANSPORT-HUB");
    TARGET_CATEGORIES.put("business centres", "TGT-BUSINESS-CENTRE");
  }

  /** The timing and tension windows the rules know, each with the rule that scores it. */
  private static final Map<String, String> TIMING_WINDOWS = new LinkedHashMap<>();

  static {
    TIMING_WINDOWS.put("Christmas worship", "TIM-CHRISTMAS-WORSHIP");
    TIMING_WINDOWS.put("Christmas market season", "TIM-CHRISTMAS-MARKET");
    TIMING_WINDOWS.put("New Year's Eve", "TIM-NEW-YEARS-EVE");
    TIMING_WINDOWS.put("Orthodox Christmas", "TIM-ORTHODOX-CHRISTMAS");
    TIMING_WINDOWS.put("Easter", "TIM-EASTER");
    TIMING_WINDOWS.put("Hanukkah or Passover", "TIM-JEWISH-HOLIDAY");
    TIMING_WINDOWS.put("Ramadan", "TIM-RAMADAN");
    TIMING_WINDOWS.put("Eid in the guide's region", "TIM-EID");
    TIMING_WINDOWS.put("Ashura", "TIM-ASHURA");
    TIMING_WINDOWS.put("the 3 January Soleimani anniversary", "TIM-SOLEIMANI-ANNIVERSARY");
    TIMING_WINDOWS.put("a high-profile event in the host country", "TIM-HIGH-PROFILE-EVENT");
    TIMING_WINDOWS.put("a European sporting event or fan zone", "TIM-EUROPEAN-SPORT");
    TIMING_WINDOWS.put("the Israel-Gaza war tension", "TEN-ISRAEL-GAZA");
  }

  private static Engine engine;
  private static ScenarioJson json;
  private static List<Path> files;
  private static List<ScenarioCheck> checks;

  @BeforeAll
  static void assessEveryScenario() {
    engine = new Engine(RuleBase.shipped(), ReferenceData.bundled());
    json = new ScenarioJson(engine.data());
    files = ScenarioSuite.files(FOLDER);
    checks = files.stream().map(f -> ScenarioSuite.check(engine, json, f)).toList();
  }

  // ------------------------------------------------------------------ one test per file

  @TestFactory
  Stream<DynamicTest> everyScenarioMeetsItsStoredExpectation() {
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      ScenarioCheck c = ScenarioSuite.check(engine, json, file);
                      assertThat(c.error()).as("%s could not be read or scored", file).isNull();
                      assertThat(c.expectation())
                          .as("%s has no \"expect\" object", file)
                          .isNotNull();
                      assertThat(c.passed())
                          .as(
                              "%s (score %d, tier %s) differs from its expectation:%n  %s",
                              file,
                              c.assessment().score(),
                              c.assessment().tier(),
                              String.join(System.lineSeparator() + "  ", TestReport.differences(c)))
                          .isTrue();
                    }));
  }

  // ------------------------------------------------------------------ the folder as a whole

  @Test
  void theFolderHoldsAtLeastFifteenScenarios() {
    assertThat(files).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void everyScenarioStatesAnExpectedTier() {
    List<String> without =
        checks.stream()
            .filter(c -> c.expectation() == null || c.expectation().tier() == null)
            .map(ScenarioCheck::file)
            .toList();
    assertThat(without).as("scenarios without expect.tier").isEmpty();
  }

  @Test
  void theScenariosCoverEveryRegionOfTheGuide() {
    EnumSet<IskRegion> covered = EnumSet.noneOf(IskRegion.class);
    for (Assessment a : assessments()) {
      engine.data().country(a.scenario().country()).map(Country::region).ifPresent(covered::add);
    }
    assertThat(EnumSet.complementOf(covered)).as("regions no scenario is in").isEmpty();
  }

  @Test
  void theScenariosCoverEveryExposureKind() {
    EnumSet<ExposureKind> covered = EnumSet.noneOf(ExposureKind.class);
    for (Assessment a : assessments()) {
      a.exposures().stream().map(ExposureSummary::exposure).forEach(covered::add);
    }
    assertThat(EnumSet.complementOf(covered))
        .as("exposure kinds no scenario is exposed to")
        .isEmpty();
  }

  @Test
  void theScenariosCoverEveryTargetCategoryOfTheGuide() {
    assertThat(uncovered(TARGET_CATEGORIES)).as("target categories no scenario scores").isEmpty();
  }

  @Test
  void theScenariosCoverEveryTimingWindow() {
    assertThat(uncovered(TIMING_WINDOWS)).as("timing windows no scenario falls in").isEmpty();
  }

  /**
   * A precedent scenario is found by its facts (country and date of the attack), not its file name.
   */
  @ParameterizedTest(name = "the {0} precedent ({1}, {2}) fires {3}")
  @CsvSource({
    "Crocus City Hall,     RU, 2024-03-22, PRE-CROCUS",
    "Kabul airport,        AF, 2021-08-26, PRE-KABUL-AIRPORT",
    "Istanbul church,      TR, 2024-01-28, PRE-ISTANBUL-CHURCH",
    "Kerman commemoration, IR, 2024-01-03, PRE-KERMAN"
  })
  void eachPrecedentOfTheGuideFiresItsPrecedentRule(
      String precedent, String country, LocalDate date, String rule) {
    List<ScenarioCheck> matching =
        scored().stream()
            .filter(c -> c.assessment().scenario().country().equals(country))
            .filter(c -> c.assessment().scenario().date().equals(date))
            .toList();
    assertThat(matching)
        .as("a scenario of the %s attack (%s, %s)", precedent, country, date)
        .isNotEmpty();
    for (ScenarioCheck c : matching) {
      assertThat(c.fired()).as("rules fired by %s", c.file()).contains(rule);
    }
  }

  /**
   * Scenarios whose ids differ only by a {@code -protected} / {@code -unprotected} suffix are the
   * same event with a full set of measures and with none: the protected one scores lower, while
   * keeping the same exposures (a measure earns credit, it never removes an exposure).
   */
  @Test
  void aFullyProtectedEventScoresLowerThanTheSameEventUnprotected() {
    Map<String, Assessment> byId =
        assessments().stream().collect(Collectors.toMap(Assessment::id, a -> a, (a, b) -> a));
    List<String> pairs = new ArrayList<>();
    for (Assessment protectedOne : byId.values()) {
      if (!protectedOne.id().endsWith("-protected")) {
        continue;
      }
      String id = protectedOne.id();
      String base = id.substring(0, id.length() - "-protected".length());
      Assessment unprotected = byId.get(base + "-unprotected");
      if (unprotected == null) {
        continue;
      }
      pairs.add(base);
      assertThat(protectedOne.scenario().measures()).as("%s measures", id).isNotEmpty();
      assertThat(unprotected.scenario().measures()).as("%s measures", unprotected.id()).isEmpty();
      assertThat(protectedOne.score())
          .as("%s scores lower than %s", protectedOne.id(), unprotected.id())
          .isLessThan(unprotected.score());
      assertThat(exposureKinds(protectedOne))
          .as("%s keeps the exposures of %s", protectedOne.id(), unprotected.id())
          .isEqualTo(exposureKinds(unprotected));
    }
    assertThat(pairs).as("protected/unprotected scenario pairs").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void atLeastThreeOrdinaryEventsComeOutLow() {
    List<String> low =
        checks.stream()
            .filter(c -> c.expectation() != null && c.expectation().tier() == Tier.LOW)
            .filter(c -> c.assessment() != null && c.assessment().tier() == Tier.LOW)
            .map(ScenarioCheck::file)
            .toList();
    assertThat(low).as("scenarios expected and assessed LOW").hasSizeGreaterThanOrEqualTo(3);
  }

  // ------------------------------------------------------------------ helpers

  private static List<ScenarioCheck> scored() {
    return checks.stream().filter(c -> c.assessment() != null).toList();
  }

  private static List<Assessment> assessments() {
    return checks.stream().map(ScenarioCheck::assessment).filter(Objects::nonNull).toList();
  }

  private static Set<String> firedAnywhere() {
    return checks.stream().flatMap(c -> c.fired().stream()).collect(Collectors.toSet());
  }

  /** The names whose rule fired in no scenario, in the order of the map. */
  private static List<String> uncovered(Map<String, String> ruleByName) {
    Set<String> fired = firedAnywhere();
    return ruleByName.entrySet().stream()
        .filter(e -> !fired.contains(e.getValue()))
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .toList();
  }

  private static Set<ExposureKind> exposureKinds(Assessment a) {
    return a.exposures().stream()
        .map(ExposureSummary::exposure)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
