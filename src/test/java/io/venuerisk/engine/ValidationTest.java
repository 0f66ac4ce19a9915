package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.venuerisk.engine.Validation.Comparison;
import io.venuerisk.engine.Validation.Estimate;
import io.venuerisk.engine.Validation.Figure;
import io.venuerisk.engine.Validation.Resampling;
import io.venuerisk.engine.Validation.Score;
import io.venuerisk.io.CaseFile;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ValidationStratum;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Validation} on a hand-made case set (src/test/resources/validation/hand.jsonl) whose
 * baselines need no model, so that each figure can be worked out by hand from the file: crowd sizes
 * (attacks and plots 1000, 3000 and 500; ordinary events 200, 800, 600, 100 and 3000; secured
 * events 5000 and 400) and measures listed (attacks and plots 0, 1 and 0; ordinary 0, 1, 0, 0 and
 * 2; secured 3 and 2). Matched controls: the Leeds attack has York (200) and Leeds (800), the
 * Manchester plot York (200) and Bolton (600); the Kabul attack has its crossover twin (3000).
 */
class ValidationTest {
  private static final Path HAND = Path.of("src/test/resources/validation/hand.jsonl");
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), DATA);

  private static List<LabelledCase> cases;
  private static Validation v;

  @BeforeAll
  static void validate() {
    List<InputException> bad = new ArrayList<>();
    cases = CaseFile.read(new ScenarioJson(DATA), HAND, bad::add);
    assertThat(bad).isEmpty();
    v = Validation.of(ENGINE, cases);
  }

  private static Estimate crowd(Comparison c) {
    return v.figure(c).estimate(0, Score.CROWD_SIZE);
  }

  private static Estimate measures(Comparison c) {
    return v.figure(c).estimate(0, Score.MEASURES_LISTED);
  }

  @Test
  void aucIsTheShareOfPairsTheAttackOrPlotWinsWithTiesHalf() {
    // 1000 beats 800, 200, 600, 100, loses to 3000: 4; 3000 beats four, ties one: 4.5;
    // 500 beats 200 and 100: 2. 10.5 of 15 pairs
    assertThat(crowd(Comparison.VS_ORDINARY).value()).isEqualTo(10.5 / 15);
    Figure f = v.figure(Comparison.VS_ORDINARY);
    assertThat(List.of(f.targeted(), f.others(), f.pairs())).containsExactly(3, 5, 15);
    // matched controls 800, 200, 600: 3 + 3 + 1 of 9
    assertThat(crowd(Comparison.VS_MATCHED_CONTROLS).value()).isEqualTo(7.0 / 9);
    // every attack and plot beats 400 and loses to 5000
    assertThat(crowd(Comparison.VS_SECURED).value()).isEqualTo(0.5);
    // fewer measures ranks higher: no attack or plot lists as many as a secured event
    assertThat(measures(Comparison.VS_SECURED).value()).isEqualTo(1.0);
    // 0 vs (-1, 0, 0, 0, -2): 3.5; -1 vs the same: 1.5; 0: 3.5. 8.5 of 15
    assertThat(measures(Comparison.VS_ORDINARY).value()).isEqualTo(8.5 / 15);
  }

  @Test
  void aWinRateIsAveragedOverEachCasesOwnControlsThenOverTheCases() {
    // Leeds 1000 beats 200 and 800: 1; Manchester 500 beats 200, not 600: 0.5
    Figure f = v.figure(Comparison.WINS_OVER_MATCHED_CONTROLS);
    assertThat(crowd(Comparison.WINS_OVER_MATCHED_CONTROLS).value()).isEqualTo(0.75);
    assertThat(List.of(f.targeted(), f.others(), f.pairs())).containsExactly(2, 3, 4);
    // Leeds lists 0 measures against 0 and 1: 0.75; Manchester 0 against 0 and 0: 0.5
    assertThat(measures(Comparison.WINS_OVER_MATCHED_CONTROLS).value()).isEqualTo(0.625);
    // Kabul 3000 against its twin's 3000: a tie
    assertThat(crowd(Comparison.WINS_OVER_CROSSOVER_TWINS).value()).isEqualTo(0.5);
  }

  @Test
  void theBootstrapIntervalsAreThoseWorkedOutByHand() {
    // the secured pair resampled: {5000, 5000} a quarter of the time (AUC 0), {400, 400} a
    // quarter (AUC 1): the 2.5th and 97.5th percentiles are 0 and 1
    assertThat(crowd(Comparison.VS_SECURED)).isEqualTo(new Estimate(0.5, 0, 1));
    // the two cases with controls resampled: {Manchester, Manchester} 0.5 a quarter of the time,
    // {Leeds, Leeds} 1 a quarter, a mix 0.75
    assertThat(crowd(Comparison.WINS_OVER_MATCHED_CONTROLS)).isEqualTo(new Estimate(0.75, 0.5, 1));
    // one pair: every resample is the same pair
    assertThat(crowd(Comparison.WINS_OVER_CROSSOVER_TWINS)).isEqualTo(new Estimate(0.5, 0.5, 0.5));
    assertThat(measures(Comparison.VS_SECURED)).isEqualTo(new Estimate(1, 1, 1));
  }

  @Test
  void everyIntervalHoldsItsPointEstimate() {
    for (Figure f : v.figures()) {
      for (Score s : Score.values()) {
        Estimate e = f.estimate(0, s);
        if (e.known()) {
          assertThat(e.value())
              .as("%s %s %s", f.stratum().id(), f.comparison(), s)
              .isBetween(e.low(), e.high());
        }
      }
    }
  }

  @Test
  void theModelMinusABaselineIsPairedOnTheSameResamples() {
    Figure f = v.figure(Comparison.WINS_OVER_CROSSOVER_TWINS);
    double residual = f.estimate(0, Score.RESIDUAL).value();
    Estimate minus = f.packs().get(0).overBaselines().get(Score.RESIDUAL).get(Score.CROWD_SIZE);
    // one pair: the difference is the same in every resample
    assertThat(minus).isEqualTo(new Estimate(residual - 0.5, residual - 0.5, residual - 0.5));
  }

  @Test
  void theIntervalNarrowsWithMoreCases() {
    Validation four = Validation.of(ENGINE, copies(cases, 4));
    for (Comparison c : List.of(Comparison.VS_ORDINARY, Comparison.WINS_OVER_MATCHED_CONTROLS)) {
      Estimate one = crowd(c);
      Estimate more = four.figure(c).estimate(0, Score.CROWD_SIZE);
      assertThat(more.value()).as(c.code()).isCloseTo(one.value(), within(1e-12));
      assertThat(more.high() - more.low()).as(c.code()).isLessThan(one.high() - one.low());
    }
  }

  @Test
  void aPackAgainstItselfDiffersByExactlyZeroWithAZeroWidthInterval() {
    Validation twice =
        Validation.of(List.of(ENGINE, ENGINE), cases, DATA.validationStrata(), Resampling.DEFAULT);
    int known = 0;
    for (Figure f : twice.figures()) {
      assertThat(f.change())
          .containsOnlyKeys(Score.RESIDUAL, Score.INHERENT, Score.GEOGRAPHY_POINTS);
      for (Estimate e : f.change().values()) {
        if (f.known()) {
          known++;
          assertThat(e).isEqualTo(new Estimate(0, 0, 0));
          assertThat(e.beyondNoise()).isFalse();
        } else {
          assertThat(e.known()).isFalse();
        }
      }
      // both packs are scored on the same resamples: the same figures
      assertThat(f.packs().get(1)).isEqualTo(f.packs().get(0));
    }
    assertThat(known).isPositive();
    // and the first pack's figures are those of a run with it alone
    assertThat(twice.figure(Comparison.VS_ORDINARY).packs().get(0))
        .isEqualTo(v.figure(Comparison.VS_ORDINARY).packs().get(0));
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedItsOwn() {
    Validation again = Validation.of(ENGINE, cases);
    assertThat(again.figures()).isEqualTo(v.figures());
    Validation other =
        Validation.of(List.of(ENGINE), cases, DATA.validationStrata(), new Resampling(2000, 7));
    assertThat(other.figures()).isNotEqualTo(v.figures());
    // the point estimates do not depend on the seed
    assertThat(other.figure(Comparison.VS_ORDINARY).estimate(0, Score.RESIDUAL).value())
        .isEqualTo(v.figure(Comparison.VS_ORDINARY).estimate(0, Score.RESIDUAL).value());
  }

  @Test
  void eachStratumComparesOnlyItsOwnCasesAndAnEmptyGroupHasNoEstimate() {
    ValidationStratum khorasan = stratum("khorasan");
    Figure vsOrdinary = v.figure(khorasan, Comparison.VS_ORDINARY);
    // the Kabul attack against its twin, the only ordinary event in Afghanistan
    assertThat(List.of(vsOrdinary.targeted(), vsOrdinary.others())).containsExactly(1, 1);
    assertThat(vsOrdinary.estimate(0, Score.CROWD_SIZE)).isEqualTo(new Estimate(0.5, 0.5, 0.5));
    Figure vsSecured = v.figure(khorasan, Comparison.VS_SECURED);
    assertThat(vsSecured.known()).isFalse();
    assertThat(vsSecured.estimate(0, Score.RESIDUAL)).isEqualTo(Estimate.NONE);
    Figure europe = v.figure(stratum("europe"), Comparison.VS_ORDINARY);
    // 1000 beats 200, 800, 600, 100; 500 beats 200 and 100: 6 of 8
    assertThat(europe.estimate(0, Score.CROWD_SIZE).value()).isEqualTo(0.75);
    // the forward stratum holds the Kabul attack and its twin, both after 2024-07-31
    Figure forward = v.figure(stratum("forward"), Comparison.WINS_OVER_CROSSOVER_TWINS);
    assertThat(List.of(forward.targeted(), forward.pairs())).containsExactly(1, 1);
    assertThat(v.figure(stratum("americas"), Comparison.VS_ORDINARY).targeted()).isZero();
  }

  @Test
  void theCountsSayHowTheCasesWereCoded() {
    assertThat(v.counts().matchedControls()).isEqualTo(3);
    assertThat(v.counts().crossoverTwins()).isEqualTo(1);
    assertThat(v.counts().measuresBasisNotGiven()).isEqualTo(2);
  }

  private static ValidationStratum stratum(String id) {
    return v.strata().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** The set {@code n} times over, each copy's ids and references suffixed with its number. */
  static List<LabelledCase> copies(List<LabelledCase> set, int n) {
    List<LabelledCase> out = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String suffix = "-" + k;
      for (LabelledCase c : set) {
        Scenario s = c.scenario();
        Scenario copy =
            new Scenario(
                s.id() + suffix,
                s.name(),
                s.date(),
                s.endDate(),
                s.venue(),
                s.event(),
                s.profile(),
                s.security(),
                s.context());
        out.add(
            new LabelledCase(
                copy,
                c.label(),
                c.source(),
                c.measuresBasis(),
                c.placement(),
                c.matchedTo().stream().map(id -> id + suffix).toList(),
                c.crossoverOf() == null ? null : c.crossoverOf() + suffix));
      }
    }
    return out;
  }
}
