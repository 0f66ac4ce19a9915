package io.venuerisk.engine;

import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import org.kie.api.definition.rule.Rule;

/**
 * Builds findings inside rule consequences, so that a rule's points, category, cites and measures
 * come from its metadata and the consequence only says, in words, which facts matched.
 */
public final class Findings {
  private Findings() {}

  /** A finding worth the rule's own {@code @points}. */
  public static Finding finding(Rule rule, Scenario scenario, String rationale) {
    RuleMeta meta = RuleMetaCache.of(rule);
    return of(meta, scenario, meta.points(), rationale, null);
  }

  /**
   * A finding worth the rule's {@code @points} for every tenfold of {@code count}: {@code points x
   * log10(count)}, to one decimal, never below zero. A quantity on a log scale (people present)
   * ranks every size and weighs more as it grows, without bands that make different crowds tie.
   */
  public static Finding perTenfold(Rule rule, Scenario scenario, long count, String rationale) {
    RuleMeta meta = RuleMetaCache.of(rule);
    double points = count <= 1 ? 0 : Math.round(meta.points() * Math.log10(count) * 10) / 10.0;
    return of(meta, scenario, points, rationale, null);
  }

  /**
   * A finding worth the rule's {@code @points} for each of {@code steps} steps of an ordered scale
   * (a threat level above its lowest): a higher step never weighs less.
   */
  public static Finding perStep(Rule rule, Scenario scenario, int steps, String rationale) {
    RuleMeta meta = RuleMetaCache.of(rule);
    return of(meta, scenario, (double) meta.points() * Math.max(0, steps), rationale, null);
  }

  /**
   * An exposure to one tactic family: the rule's {@code @points} are the exposure's weight in the
   * vulnerability, and its {@code @measures} the measures that answer it.
   */
  public static Finding exposure(Rule rule, Scenario scenario, ExposureKind kind, String reason) {
    RuleMeta meta = RuleMetaCache.of(rule);
    return of(meta, scenario, meta.points(), "exposed to " + kind.label() + ": " + reason, kind);
  }

  /** The finding of a rule, with its metadata's id, category, cites and measures. */
  private static Finding of(
      RuleMeta meta, Scenario scenario, double points, String rationale, ExposureKind kind) {
    return new Finding(
        scenario,
        meta.id(),
        meta.category(),
        points,
        rationale,
        meta.cites(),
        meta.measures(),
        kind);
  }
}
