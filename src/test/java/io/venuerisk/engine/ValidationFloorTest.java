package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Validation.Comparison;
import io.venuerisk.engine.Validation.Score;
import io.venuerisk.io.CaseFile;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules against the shipped case set (scenarios/validation/): the floors of
 * docs/validation.md. A rule change that ranks real attacks and plots lower against ordinary or
 * secured events than these fails the build, and says which measure fell.
 */
class ValidationFloorTest {
  private static Validation v;

  @BeforeAll
  static void validate() {
    ReferenceData data = ReferenceData.bundled();
    List<InputException> bad = new ArrayList<>();
    List<LabelledCase> cases =
        CaseFile.read(
            new ScenarioJson(data), Path.of("scenarios/validation/cases.jsonl"), bad::add);
    assertThat(bad).isEmpty();
    v = Validation.of(new Engine(RuleBase.shipped(), data), cases);
  }

  /** An AUC over all cases, to three decimals as the report prints it and the floors were set. */
  private static double auc(Comparison c, Score s) {
    return rounded(v.figure(c).estimate(0, s).value());
  }

  private static double rounded(double share) {
    return Math.round(share * 1000) / 1000.0;
  }

  @Test
  void residualRiskRanksAttacksAndPlotsAboveOrdinaryAndAboveSecuredEvents() {
    assertThat(auc(Comparison.VS_ORDINARY, Score.RESIDUAL))
        .as("residual AUC vs ordinary")
        .isGreaterThanOrEqualTo(0.65);
    assertThat(auc(Comparison.VS_SECURED, Score.RESIDUAL))
        .as("residual AUC vs secured")
        .isGreaterThanOrEqualTo(0.70);
  }

  @Test
  void inherentRiskRanksAttacksAndPlotsAboveOrdinaryEventsButKeepsSecuredEventsHigh() {
    assertThat(auc(Comparison.VS_ORDINARY, Score.INHERENT))
        .as("inherent AUC vs ordinary")
        .isGreaterThanOrEqualTo(0.70);
    // secured events were threatened: their security, not their profile, is why they were safe
    assertThat(auc(Comparison.VS_SECURED, Score.INHERENT))
        .as("inherent AUC vs secured")
        .isLessThan(0.5);
  }

  @Test
  void mostAttacksAndPlotsAreElevatedOrAboveAndMostOrdinaryEventsAreNot() {
    Validation.Metrics residual = v.packs().get(0).residual();
    assertThat(rounded(residual.targetedElevated()))
        .as("attacks and plots at ELEVATED+")
        .isGreaterThanOrEqualTo(0.75);
    assertThat(rounded(residual.ordinaryElevated()))
        .as("ordinary at ELEVATED+")
        .isLessThanOrEqualTo(0.45);
  }
}
