package io.venuerisk.engine;

import io.venuerisk.model.Exposure;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.Scenario;
import java.util.List;
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
    return new Finding(
        scenario,
        meta.id(),
        meta.category(),
        meta.points(),
        rationale,
        meta.cites(),
        meta.measures(),
        null);
  }

  /** The rule's {@code @points} for an exposure; the rationale is the exposure's reason. */
  public static Finding exposureFinding(Rule rule, Exposure exposure) {
    RuleMeta meta = RuleMetaCache.of(rule);
    return new Finding(
        exposure.scenario(),
        meta.id(),
        meta.category(),
        meta.points(),
        "exposed to " + exposure.kind().label() + ": " + exposure.reason(),
        meta.cites(),
        meta.measures(),
        exposure.kind());
  }

  /** Credit (negative points) from a data/mitigations.csv row for a measure in place. */
  public static Finding credit(Rule rule, Exposure exposure, MitigationOption option) {
    RuleMeta meta = RuleMetaCache.of(rule);
    return new Finding(
        exposure.scenario(),
        meta.id(),
        meta.category(),
        -option.credit(),
        option.measure().code()
            + " in place reduces exposure to "
            + exposure.kind().label()
            + " ("
            + option.guidance()
            + ")",
        meta.cites(),
        List.of(option.measure()),
        exposure.kind());
  }
}
