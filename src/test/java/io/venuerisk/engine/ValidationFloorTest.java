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

  /** A figure over all cases, to three decimals as the report prints it and the floors were set. */
  private static double figure(Comparison c, Score s) {
    return rounded(v.figure(c).estimate(0, s).value());
  }

  private static double rounded(double share) {
    return Math.round(share * 1000) / 1000.0;
  }

  /**
   * The floors of docs/validation.md: what the shipped rules reached on this case set when the
   * floors were set, less a margin of 0.05 for an AUC or a win rate and 7 points for a share. A
   * change may raise a floor; lowering one needs a reason written in docs/validation.md.
   */
  @Test
  void residualRiskRanksAttacksAndPlotsAboveOrdinaryEventsControlsTwinsAndSecuredEvents() {
    assertThat(figure(Comparison.VS_ORDINARY, Score.RESIDUAL))
        .as("residual AUC vs ordinary")
        .isGreaterThanOrEqualTo(0.54);
    assertThat(figure(Comparison.VS_MATCHED_CONTROLS, Score.RESIDUAL))
        .as("residual AUC vs matched controls")
        .isGreaterThanOrEqualTo(0.48);
    assertThat(figure(Comparison.VS_SECURED, Score.RESIDUAL))
        .as("residual AUC vs secured")
        .isGreaterThanOrEqualTo(0.12);
    assertThat(figure(Comparison.WINS_OVER_MATCHED_CONTROLS, Score.RESIDUAL))
        .as("residual win rate over matched controls")
        .isGreaterThanOrEqualTo(0.45);
    assertThat(figure(Comparison.WINS_OVER_CROSSOVER_TWINS, Score.RESIDUAL))
        .as("residual win rate over crossover twins")
        .isGreaterThanOrEqualTo(0.72);
  }

  @Test
  void inherentRiskRanksAttacksAndPlotsAboveOrdinaryEventsButKeepsSecuredEventsHigh() {
    assertThat(figure(Comparison.VS_ORDINARY, Score.INHERENT))
        .as("inherent AUC vs ordinary")
        .isGreaterThanOrEqualTo(0.54);
    assertThat(figure(Comparison.VS_MATCHED_CONTROLS, Score.INHERENT))
        .as("inherent AUC vs matched controls")
        .isGreaterThanOrEqualTo(0.49);
    assertThat(figure(Comparison.WINS_OVER_MATCHED_CONTROLS, Score.INHERENT))
        .as("inherent win rate over matched controls")
        .isGreaterThanOrEqualTo(0.50);
    assertThat(figure(Comparison.WINS_OVER_CROSSOVER_TWINS, Score.INHERENT))
        .as("inherent win rate over crossover twins")
        .isGreaterThanOrEqualTo(0.76);
    // secured events were threatened: their security, not their profile, is why they were safe
    assertThat(figure(Comparison.VS_SECURED, Score.INHERENT))
        .as("inherent AUC vs secured")
        .isLessThan(0.5);
  }

  @Test
  void attacksAndPlotsAreElevatedOrAboveMoreOftenThanOrdinaryEvents() {
    Validation.Metrics residual = v.packs().get(0).residual();
    assertThat(rounded(residual.targetedElevated()))
        .as("attacks and plots at ELEVATED+")
        .isGreaterThanOrEqualTo(0.51);
    assertThat(rounded(residual.ordinaryElevated()))
        .as("ordinary at ELEVATED+")
        .isLessThanOrEqualTo(0.49);
  }
}
