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

  /** Each difference as one line; empty when the expectation holds. */
  public static List<String> differences(Expectation e, Assessment a, Set<String> fired) {
    List<String> diffs = new ArrayList<>();
    check(diffs, "", e.tier(), e.minScore(), e.maxScore(), a.residual());
    check(diffs, "inherent ", e.inherentTier(), e.minInherent(), e.maxInherent(), a.inherent());
    for (String id : e.fires()) {
      if (!fired.contains(id)) {
        diffs.add("rule " + id + ": expected to fire, did not");
      }
    }
    for (String id : e.doesNotFire()) {
      if (fired.contains(id)) {
        diffs.add("rule " + id + ": expected not to fire, fired");
      }
    }
    return diffs;
  }

  private static void check(
      List<String> diffs, String which, Tier tier, Double min, Double max, Risk r) {
    if (tier != null && tier != r.tier()) {
      diffs.add(
          which + "tier: expected " + tier + ", got " + r.tier() + " (score " + r.score() + ")");
    }
    if (min != null && r.score() < min) {
      diffs.add(which + "score: expected at least " + min + ", got " + r.score());
    }
    if (max != null && r.score() > max) {
      diffs.add(which + "score: expected at most " + max + ", got " + r.score());
    }
  }
}
