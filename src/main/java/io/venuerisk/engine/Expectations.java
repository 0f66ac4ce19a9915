package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compares an assessment and the rules that fired with a scenario's stored expectation. */
public final class Expectations {
  private Expectations() {}

  /** Each difference as one line; empty when the expectation holds. */
  public static List<String> differences(Expectation e, Assessment a, Set<String> fired) {
    List<String> diffs = new ArrayList<>();
    if (e.tier() != null && e.tier() != a.tier()) {
      diffs.add("tier: expected " + e.tier() + ", got " + a.tier() + " (score " + a.score() + ")");
    }
    if (e.minScore() != null && a.score() < e.minScore()) {
      diffs.add("score: expected at least " + e.minScore() + ", got " + a.score());
    }
    if (e.maxScore() != null && a.score() > e.maxScore()) {
      diffs.add("score: expected at most " + e.maxScore() + ", got " + a.score());
    }
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
}
