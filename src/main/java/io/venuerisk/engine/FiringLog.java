package io.venuerisk.engine;

import io.venuerisk.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records every rule firing in order with the facts of its match, as Drools reports them: what
 * {@code explain} shows and what {@code test} checks, never re-derived by our own code. Also a
 * {@link RuleRuntimeEventListener} (the engine registers it as both), so each firing keeps the
 * facts its consequence inserted: the finding, and so the points, the firing actually produced.
 */
public final class FiringLog extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener {
  /**
   * One firing: the rule's metadata, the objects its patterns matched and the objects its
   * consequence inserted (empty when the engine did not report inserts, or when an equal fact was
   * already there).
   */
  public record Firing(int sequence, RuleMeta rule, List<Object> facts, List<Object> inserted) {
    /**
     * The points of the findings this firing inserted: evidence of a factor, or an exposure's
     * weight.
     */
    public double points() {
      double sum = 0;
      for (Object o : inserted) {
        if (o instanceof Finding f) {
          sum += f.points();
        }
      }
      return sum;
    }
  }

  private final List<Firing> firings = new ArrayList<>();
  private List<Object> inserted = new ArrayList<>();

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    inserted = new ArrayList<>();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    Match m = event.getMatch();
    firings.add(
        new Firing(
            firings.size() + 1,
            RuleMetaCache.of(m.getRule()),
            List.copyOf(nonNull(m.getObjects())),
            List.copyOf(inserted)));
    inserted = new ArrayList<>();
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (event.getRule() != null && event.getObject() != null) {
      inserted.add(event.getObject());
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {}

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
