package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The arithmetic under {@link Validation}: AUC by ranks, weighted resamples, percentiles. */
class BootstrapTest {

  /** The definition: every pair, a tie counting half. */
  private static double pairs(double[] high, double[] low) {
    double wins = 0;
    for (double h : high) {
      for (double l : low) {
        wins += h > l ? 1 : h == l ? 0.5 : 0;
      }
    }
    return wins / ((double) high.length * low.length);
  }

  @Test
  void theAucByRanksIsTheAucOfEveryPairWithTiesHalf() {
    SplittableRandom random = new SplittableRandom(42);
    for (int trial = 0; trial < 500; trial++) {
      double[] high = new double[1 + random.nextInt(30)];
      double[] low = new double[1 + random.nextInt(30)];
      // few distinct values, so that ties are common
      for (int i = 0; i < high.length; i++) {
        high[i] = random.nextInt(8) / 2.0;
      }
      for (int i = 0; i < low.length; i++) {
        low[i] = random.nextInt(8) / 2.0;
      }
      assertThat(Bootstrap.auc(high, low)).isEqualTo(pairs(high, low));
    }
    assertThat(Bootstrap.auc(new double[0], new double[] {1})).isNaN();
  }

  @Test
  void aResampleCountedAsWeightsIsTheAucOfTheResampleWrittenOut() {
    SplittableRandom random = new SplittableRandom(7);
    double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    int targets = 4;
    Bootstrap.Ranking ranking = new Bootstrap.Ranking(values, targets);
    for (int trial = 0; trial < 200; trial++) {
      long[] weight = new long[values.length];
      Bootstrap.draw(random, weight, 0, targets);
      Bootstrap.draw(random, weight, targets, values.length - targets);
      double[] high = expand(values, weight, 0, targets);
      double[] low = expand(values, weight, targets, values.length);
      assertThat(high).hasSize(targets);
      assertThat(low).hasSize(values.length - targets);
      assertThat(ranking.auc(weight, targets, values.length - targets)).isEqualTo(pairs(high, low));
    }
  }

  private static double[] expand(double[] values, long[] weight, int from, int to) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    for (int i = from; i < to; i++) {
      for (long k = 0; k < weight[i]; k++) {
        out.add(values[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void thePercentileIntervalCutsTwoAndAHalfPercentFromEachEnd() {
    assertThat(Bootstrap.cut(2000)).isEqualTo(50);
    assertThat(Bootstrap.cut(1000)).isEqualTo(25);
    assertThat(Bootstrap.cut(1001)).isEqualTo(26);
    assertThat(Bootstrap.cut(1)).isEqualTo(1);
    double[] values = new double[2000];
    Arrays.setAll(values, i -> 1999 - i);
    assertThat(Bootstrap.interval(values)).containsExactly(49, 1950);
  }

  @Test
  void aWinRateShareCountsTiesHalf() {
    assertThat(Bootstrap.wins(5, new double[] {4, 5, 6, 1})).isEqualTo(2.5 / 4);
    assertThat(Bootstrap.mean(new double[] {1, 0.5}, new long[] {0, 2})).isEqualTo(0.5);
  }
}
