package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Expectation;
import io.venuerisk.model.Risk;
import io.venuerisk.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compares an assessment and the rules that fired with a scenario's stored expectation. */
public final class Expectations {
  private Expectations() {}

  /** One way an assessment misses its expectation; the report words it. */
  public sealed interface Difference {}

  /** The residual (or inherent) tier is not the one expected. */
  public record TierDiffers(boolean inherent, Tier expected, Tier got, double score)
      implements Difference {}

  /** The residual (or inherent) score is below the least or above the most expected. */
  public record ScoreOutside(boolean inherent, boolean atLeast, double bound, double got)
      implements Difference {}

  /** A rule fired that was expected not to, or did not fire when expected to. */
  public record RuleDiffers(String rule, boolean expectedToFire) implements Difference {}

  /** Each difference; empty when the expectation holds. */
  public static List<Difference> differences(Expectation e, Assessment a, Set<String> fired) {
    List<Difference> diffs = new ArrayList<>();
    check(diffs, false, e.tier(), e.minScore(), e.maxScore(), a.residual());
    check(diffs, true, e.inherentTier(), e.minInherent(), e.maxInherent(), a.inherent());
    for (String id : e.fires()) {
      if (!fired.contains(id)) {
        diffs.add(new RuleDiffers(id, true));
      }
    }
    for (String id : e.doesNotFire()) {
      if (fired.contains(id)) {
        diffs.add(new RuleDiffers(id, false));
      }
    }
    return diffs;
  }

  private static void check(
      List<Difference> diffs, boolean inherent, Tier tier, Double min, Double max, Risk r) {
    if (tier != null && tier != r.tier()) {
      diffs.add(new TierDiffers(inherent, tier, r.tier(), r.score()));
    }
    if (min != null && r.score() < min) {
      diffs.add(new ScoreOutside(inherent, true, min, r.score()));
    }
    if (max != null && r.score() > max) {
      diffs.add(new ScoreOutside(inherent, false, max, r.score()));
    }
  }
}
