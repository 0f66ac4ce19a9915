package io.venuerisk.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records every rule firing in order with the facts of its match, as Drools reports them: what
 * {@code explain} shows and what {@code test} checks, never re-derived by our own code.
 */
public final class FiringLog extends DefaultAgendaEventListener {
  /** One firing: the rule's metadata and the objects its patterns matched. */
  public record Firing(int sequence, RuleMeta rule, List<Object> facts) {}

  private final List<Firing> firings = new ArrayList<>();

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    Match m = event.getMatch();
    firings.add(
        new Firing(firings.size() + 1, RuleMetaCache.of(m.getRule()), List.copyOf(nonNull(m.getObjects()))));
  }

  private static List<Object> nonNull(List<? extends Object> objects) {
    List<Object> out = new ArrayList<>();
    for (Object o : objects) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  public List<Firing> firings() {
    return List.copyOf(firings);
  }

  /** Ids of the rules that fired at least once, in first-firing order. */
  public Set<String> firedRuleIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Firing f : firings) {
      ids.add(f.rule().id());
    }
    return ids;
  }
}
