package io.venuerisk.rules;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.util.List;
import java.util.Set;

/**
 * Runs the shipped rules (compiled from rules/ at build time) and reports which fired: the
 * droolsassert way of testing a rule file by the rules it fires and does not fire.
 */
public final class RuleHarness {
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), ReferenceData.bundled());

  private RuleHarness() {}

  public static Engine engine() {
    return ENGINE;
  }

  /** Ids of every rule that fired, classification rules included. */
  public static Set<String> fired(Scenario s) {
    FiringLog log = new FiringLog();
    ENGINE.assessGroup(List.of(s), log);
    return log.firedRuleIds();
  }

  /**
   * Ids of the rules of one DRL file that fired for the scenario, in id order: what a test class of
   * that file asserts exactly, so that a rule that starts firing where it should not is caught.
   */
  public static Set<String> firedIn(String file, Scenario s) {
    Set<String> ofFile = new java.util.TreeSet<>();
    for (var r : ENGINE.rules().rules()) {
      if (r.file().equals(file)) {
        ofFile.add(r.meta().id());
      }
    }
    Set<String> out = new java.util.TreeSet<>(fired(s));
    out.retainAll(ofFile);
    return out;
  }

  public static Assessment assess(Scenario s) {
    return ENGINE.assess(s);
  }

  public static Finding finding(Scenario s, String ruleId) {
    return assess(s).findings().stream()
        .filter(f -> f.rule().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(ruleId + " produced no finding"));
  }
}
