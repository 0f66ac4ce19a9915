package io.venuerisk.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The arithmetic of {@link Validation}: AUC by ranks, win rates, and the percentile bootstrap
 * around both. Every figure's resamples are drawn once and applied to every score of every rule
 * pack, so that differences between them are paired.
 *
 * <p>A resample is held as multiplicities (how often each case was drawn), so that the AUC of a
 * resample is one pass over the cases sorted once by score: O(n) per resample after an O(n log n)
 * sort, and exact, since the pass counts wins and ties as whole numbers.
 */
final class Bootstrap {
  private Bootstrap() {}

  /**
   * The cases of an AUC figure under one score, sorted by score: targets are positions {@code 0 ..
   * targets - 1}, the other group the positions after them.
   */
  static final class Ranking {
    private final int targets;
    private final int[] position;
    private final int[] groupEnd;

    Ranking(double[] values, int targets) {
      this.targets = targets;
      int n = values.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // stable: equal scores keep input order, which the pass does not depend on anyway
      Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
      position = new int[n];
      groupEnd = new int[n];
      for (int i = 0; i < n; i++) {
        position[i] = order[i];
      }
      for (int i = n - 1; i >= 0; i--) {
        groupEnd[i] =
            i + 1 < n && values[position[i + 1]] == values[position[i]] ? groupEnd[i + 1] : i + 1;
      }
    }

    /**
     * The AUC of this resample: the share of (target, other) pairs in which the target scores
     * higher, a tie counting half.
     *
     * @param weight how many times each position was drawn
     * @param drawnTargets the targets drawn (their weights' sum), drawnOthers likewise
     */
    double auc(long[] weight, long drawnTargets, long drawnOthers) {
      long below = 0;
      long twiceWins = 0;
      int i = 0;
      while (i < position.length) {
        int end = groupEnd[i];
        long t = 0;
        long o = 0;
        for (int j = i; j < end; j++) {
          int p = position[j];
          if (p < targets) {
            t += weight[p];
          } else {
            o += weight[p];
          }
        }
        twiceWins += t * (2 * below + o);
        below += o;
        i = end;
      }
      return twiceWins / (2.0 * drawnTargets * drawnOthers);
    }
  }

  /** The AUC of {@code high} over {@code low}: ties count half; NaN when either is empty. */
  static double auc(double[] high, double[] low) {
    if (high.length == 0 || low.length == 0) {
      return Double.NaN;
    }
    double[] all = new double[high.length + low.length];
    System.arraycopy(high, 0, all, 0, high.length);
    System.arraycopy(low, 0, all, high.length, low.length);
    long[] once = new long[all.length];
    Arrays.fill(once, 1);
    return new Ranking(all, high.length).auc(once, high.length, low.length);
  }

  /**
   * A win rate's share for one attack or plot: how often it scores above its controls, a tie
   * counting half, averaged over its controls.
   */
  static double wins(double target, double[] controls) {
    double w = 0;
    for (double c : controls) {
      w += target > c ? 1 : target == c ? 0.5 : 0;
    }
    return w / controls.length;
  }

  /** The mean of {@code share} with each unit counted as often as it was drawn. */
  static double mean(double[] share, long[] weight) {
    double sum = 0;
    long n = 0;
    for (int u = 0; u < share.length; u++) {
      sum += weight[u] * share[u];
      n += weight[u];
    }
    return sum / n;
  }

  /**
   * One resample of a group: {@code size} draws with replacement from positions {@code from .. from
   * + size - 1}, counted into {@code weight}.
   */
  static void draw(SplittableRandom random, long[] weight, int from, int size) {
    for (int i = 0; i < size; i++) {
      weight[from + random.nextInt(size)]++;
    }
  }

  /** The rank, from either end, of the bounds of a 95% percentile interval: ceil(2.5% of b). */
  static int cut(int resamples) {
    return Math.max(1, (resamples * 25 + 999) / 1000);
  }

  /**
   * The 95% percentile interval of resampled values: the {@link #cut}-th smallest and the {@link
   * #cut}-th largest (the 50th of each end of 2000).
   */
  static double[] interval(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int k = cut(sorted.length);
    return new double[] {sorted[k - 1], sorted[sorted.length - k]};
  }
}
