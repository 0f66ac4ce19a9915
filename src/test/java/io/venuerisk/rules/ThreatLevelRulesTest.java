package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.engine.Engine;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ScenarioContext;
import io.venuerisk.reference.ReferenceData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * rules/threat-level.drl: the national threat level in force on the event's days, from
 * data/threat_levels.csv, {@code --threat-level} or the scenario's {@code context.threatLevel}.
 * Each case asserts every rule of the file that fires, and the points the level adds: those of
 * data/points.csv (3) per step above "low" on the shared scale.
 */
class ThreatLevelRulesTest {
  private static final String RULE = "THR-NATIONAL-LEVEL";

  private static Set<String> fired(Scenario s) {
    return RuleHarness.firedIn("threat-level.drl", s);
  }

  private static Set<String> fired(TestScenarios s) {
    return fired(s.build());
  }

  private static Scenario withLevel(TestScenarios s, String level) {
    return s.build().withContext(new ScenarioContext(level));
  }

  private static Finding finding(Scenario s) {
    return RuleHarness.finding(s, RULE);
  }

  @Test
  void aCountryWithoutANationalSystemFiresNothing() {
    // Japan publishes no national level: the default test event is there
    assertThat(fired(scenario())).isEmpty();
    assertThat(RuleHarness.assess(scenario().build()).threatLevel()).isNull();
  }

  @Test
  void aDateBeforeTheCountrysFirstPublishedLevelFiresNothing() {
    assertThat(fired(scenario().in("GB").on("2006-07-31"))).isEmpty();
  }

  @Test
  void theLevelInForceOnTheDayAddsItsPointsPerStepAboveLow() {
    // GB: SEVERE (4 of 5) since 30 April 2026
    Scenario severe = scenario().in("GB").on("2026-06-01").build();
    assertThat(fired(severe)).containsExactly(RULE);
    assertThat(finding(severe).points()).isEqualTo(9.0);
    assertThat(finding(severe).rationale())
        .isEqualTo(
            "the national threat level in GB is SEVERE (JTAC national threat level, severe on the"
                + " shared scale, in force since 2026-04-30)");
    // the day before, SUBSTANTIAL (3 of 5): one step fewer
    Scenario substantial = scenario().in("GB").on("2026-04-29").build();
    assertThat(fired(substantial)).containsExactly(RULE);
    assertThat(finding(substantial).points()).isEqualTo(6.0);
  }

  @Test
  void anEventOverAChangeOfLevelIsScoredOnTheHighestOfItsDays() {
    Scenario over = scenario().in("GB").on("2026-04-29").until("2026-04-30").build();
    assertThat(fired(over)).containsExactly(RULE);
    assertThat(finding(over).points()).isEqualTo(9.0);
  }

  @Test
  void theLowestLevelOfASystemFiresNothingAndTheNextStepFires() {
    assertThat(fired(withLevel(scenario().in("GB").on("2026-06-01"), "LOW"))).isEmpty();
    Scenario moderate = withLevel(scenario().in("GB").on("2026-06-01"), "moderate");
    assertThat(fired(moderate)).containsExactly(RULE);
    assertThat(finding(moderate).points()).isEqualTo(3.0);
    assertThat(finding(moderate).rationale())
        .isEqualTo(
            "the national threat level in GB is MODERATE (JTAC national threat level, moderate on"
                + " the shared scale, declared for this run)");
  }

  @Test
  void aSystemWhoseLowestStandingLevelIsAboveLowStillFiresOnIt() {
    // the US NTAS has no standing "low": no advisory in force ranks 2 on the shared scale
    Scenario us = scenario().in("US").on("2026-06-01").build();
    assertThat(fired(us)).containsExactly(RULE);
    assertThat(finding(us).points()).isEqualTo(3.0);
  }

  @Test
  void aLevelGivenOnTheCommandLineReplacesTheDataForItsCountryOnly() {
    ReferenceData data = ReferenceData.bundled();
    Engine critical =
        new Engine(
            RuleHarness.engine().rules(),
            data.withThreatOverrides(
                List.of(data.threatLevels().definition("GB", "CRITICAL").orElseThrow())));
    Scenario gb = scenario().in("GB").on("2026-06-01").build();
    Finding f =
        critical.assess(gb).findings().stream()
            .filter(x -> x.rule().equals(RULE))
            .findFirst()
            .orElseThrow();
    assertThat(f.points()).isEqualTo(12.0);
    assertThat(f.rationale()).endsWith("critical on the shared scale, declared for this run)");
    // Japan still has no level under the option for GB
    assertThat(critical.assess(scenario().build()).findings())
        .noneMatch(x -> x.rule().equals(RULE));
  }
}
