package io.venuerisk.engine;

import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import org.kie.api.definition.rule.Rule;

/**
 * Builds findings inside rule consequences, so that a rule's category, cites and measures come from
 * its metadata and the consequence only says, in words, which facts matched and how many units they
 * are worth (one, or tenfolds, or steps). The engine turns units into points from data/points.csv
 * after the session ({@link Engine}): the numbers live in the data, the logic in the rules.
 */
public final class Findings {
  private Findings() {}

  /** A finding worth the rule's points once. */
  public static Finding finding(Rule rule, Scenario scenario, String rationale) {
    return of(RuleMetaCache.of(rule), scenario, 1, rationale, null);
  }

  /**
   * A finding worth the rule's points for every tenfold of {@code count}: {@code points x
   * log10(count)}, never below zero. A quantity on a log scale (people present) ranks every size
   * and weighs more as it grows, without bands that make different crowds tie.
   */
  public static Finding perTenfold(Rule rule, Scenario scenario, long count, String rationale) {
    return of(
        RuleMetaCache.of(rule), scenario, count <= 1 ? 0 : Math.log10(count), rationale, null);
  }

  /**
   * A finding worth the rule's points for each of {@code steps} steps of an ordered scale (a threat
   * level above its lowest, an official's rank): a higher step never weighs less.
   */
  public static Finding perStep(Rule rule, Scenario scenario, int steps, String rationale) {
    return of(RuleMetaCache.of(rule), scenario, Math.max(0, steps), rationale, null);
  }

  /**
   * An exposure to one tactic family: its weight comes from data/tactic_weights.csv for the event's
   * region, and the rule's {@code @measures} are the measures that answer it.
   */
  public static Finding exposure(Rule rule, Scenario scenario, ExposureKind kind, String reason) {
    return of(
        RuleMetaCache.of(rule), scenario, 1, "exposed to " + kind.label() + ": " + reason, kind);
  }

  /** The finding of a rule, with its metadata's id, category, cites and measures. */
  private static Finding of(
      RuleMeta meta, Scenario scenario, double units, String rationale, ExposureKind kind) {
    return new Finding(
        scenario,
        meta.id(),
        meta.category(),
        units,
        rationale,
        meta.cites(),
        meta.measures(),
        kind,
        null,
        1);
  }
}
