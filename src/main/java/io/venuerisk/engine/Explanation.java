package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Category;
import io.venuerisk.model.Factor;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a scenario scored what it did: every firing in order with the facts Drools matched and what
 * the firing added, and the rules of the same categories that did not fire. Renders nothing ({@code
 * io.ExplainReport} does).
 *
 * @param origin "shipped rules" or the rule folder
 */
public record Explanation(
    Assessment assessment, List<Shown> firings, List<RuleInfo> notFired, String origin) {

  /** One firing as shown: the log's record, where the rule is written, and what it added. */
  public record Shown(FiringLog.Firing firing, RuleInfo info, double points) {}

  public static Explanation of(Engine engine, Scenario scenario) {
    FiringLog log = new FiringLog();
    Assessment a = engine.assessGroup(List.of(scenario), log).get(0);
    Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
    for (RuleInfo r : engine.rules().rules()) {
      catalogue.putIfAbsent(r.meta().id(), r);
    }
    // a firing inserts a finding in units; the assessment holds it priced from the data tables
    Map<String, Double> priced = new LinkedHashMap<>();
    for (Finding x : a.findings()) {
      priced.merge(x.rule(), x.points(), Double::sum);
    }
    List<Shown> shown = new ArrayList<>();
    for (FiringLog.Firing f : log.firings()) {
      boolean found = f.inserted().stream().anyMatch(o -> o instanceof Finding);
      double points =
          f.rule().category().factor() == Factor.NONE || !found
              ? 0
              : priced.getOrDefault(f.rule().id(), 0.0);
      shown.add(new Shown(f, catalogue.get(f.rule().id()), points));
    }
    return new Explanation(
        a, List.copyOf(shown), notFired(catalogue.values(), log), engine.rules().origin());
  }

  /** Catalogue rules whose category is that of a fired rule, but which did not fire themselves. */
  static List<RuleInfo> notFired(Collection<RuleInfo> catalogue, FiringLog log) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Set<String> fired = new HashSet<>(log.firedRuleIds());
    for (FiringLog.Firing f : log.firings()) {
      categories.add(f.rule().category());
    }
    return catalogue.stream()
        .filter(r -> categories.contains(r.meta().category()) && !fired.contains(r.meta().id()))
        .sorted(
            Comparator.comparing((RuleInfo r) -> r.meta().category())
                .thenComparing(r -> r.meta().id()))
        .toList();
  }
}
