package io.venuerisk.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name closest to a wrong one, for "did you mean" hints. */
public final class Nearest {
  private Nearest() {}

  /**
   * The candidate with the smallest edit distance, if it is close enough to be a plausible typo.
   */
  public static Optional<String> of(String wrong, Collection<String> candidates) {
    if (wrong == null) {
      return Optional.empty();
    }
    String w = wrong.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String cl = c.toLowerCase(Locale.ROOT);
      int d = cl.equals(w) ? 0 : distance(w, cl);
      if (cl.startsWith(w) || w.startsWith(cl)) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, w.length() / 2)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /**
   * The candidate closest to a wrong name however far it is, for names such as case ids, which are
   * long and made up: the nearest is worth naming even when it is not a plausible typo. Hyphens,
   * underscores and spaces count alike; a tie goes to the candidate listed first. Empty only when
   * there is no candidate.
   */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    if (wrong == null) {
      return Optional.empty();
    }
    String w = fold(wrong);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, fold(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
