package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.Exposure;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.Observance;
import io.venuerisk.model.Peer;
import io.venuerisk.model.Recommendation;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rules over scenarios and turns the facts they derive into assessments. Thread-safe: each
 * call uses its own session over the shared, immutable rule base.
 */
public final class Engine {
  /**
   * Reference rows this many days either side of an event are inserted; rules then decide the
   * exact windows. Wider than any window a rule uses.
   */
  public static final int REFERENCE_MARGIN_DAYS = 31;

  /** Findings are listed strongest first; ties by rule id and rationale, so output is stable. */
  public static final Comparator<Finding> FINDING_ORDER =
      (a, b) -> {
        // written out rather than chained: batch sorts every event's findings, and the chained
        // comparator boxed a Boolean per comparison
        int c = Integer.compare(Math.abs(b.points()), Math.abs(a.points()));
        if (c == 0) {
          c = Boolean.compare(a.points() < 0, b.points() < 0);
        }
        if (c == 0) {
          c = a.rule().compareTo(b.rule());
        }
        return c != 0 ? c : a.rationale().compareTo(b.rationale());
      };

  private final RuleBase rules;
  private final ReferenceData data;
  private final SessionRunner runner;

  private final DayIndex<Observance> observances;
  private final DayIndex<HighProfileEvent> highProfileEvents;
  private final DayIndex<TensionPeriod> tensionPeriods;

  public Engine(RuleBase rules, ReferenceData data) {
    this(rules, data, SessionLimits.DEFAULT);
  }

  /** As {@link #Engine(RuleBase, ReferenceData)}, with the bounds every session runs under. */
  public Engine(RuleBase rules, ReferenceData data, SessionLimits limits) {
    this.rules = rules;
    this.data = data;
    this.runner = new SessionRunner(rules, limits);
    this.observances = new DayIndex<>(data.observances(), Observance::startDay, Observance::endDay);
    this.highProfileEvents =
        new DayIndex<>(data.highProfileEvents(), HighProfileEvent::startDay, HighProfileEvent::endDay);
    this.tensionPeriods =
        new DayIndex<>(data.tensionPeriods(), TensionPeriod::startDay, TensionPeriod::endDay);
  }

  public RuleBase rules() {
    return rules;
  }

  public ReferenceData data() {
    return data;
  }

  public Assessment assess(Scenario scenario) {
    return assessGroup(List.of(scenario), null).get(0);
  }

  /**
   * Scores scenarios that share one session, so that cross-event rules can see each other. Results
   * are in input order.
   *
   * @param listener optional, sees every rule firing (used by {@code explain})
   */
  public List<Assessment> assessGroup(List<Scenario> group, AgendaEventListener listener) {
    return score(group, Peers.among(group), listener);
  }

  /**
   * Scores scenarios with {@link Peer} facts the caller has worked out: how {@code batch} streams
   * a calendar. A peer's other event need not be in {@code group}, so one session can hold a
   * chunk of events from many cities and days while each event still sees only its own peers.
   * Results are in input order; without peers this is {@link #assessGroup}.
   */
  public List<Assessment> assessWithPeers(List<Scenario> group, List<Peer> peers) {
    return score(group, peers, null);
  }

  private List<Assessment> score(List<Scenario> group, List<Peer> peers, AgendaEventListener listener) {
    KieSession session = rules.kieBase().newKieSession();
    try {
      if (listener != null) {
        session.addEventListener(listener);
        if (listener instanceof RuleRuntimeEventListener inserts) {
          session.addEventListener(inserts); // FiringLog: what each firing inserted
        }
      }
      insertFacts(session, group);
      // cross-event facts (rules/calendar.drl); none for a scenario alone, so `assess` is unchanged
      for (Peer p : peers) {
        session.insert(p);
      }
      runner.fire(session, group.size()); // throws SessionLimitException past the limits
      return collect(session, group);
    } finally {
      runner.dispose(session); // not a session stuck in a consequence: disposing would wait for it
    }
  }

  private void insertFacts(KieSession session, List<Scenario> group) {
    Set<Object> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MitigationOption m : data.mitigations()) {
      session.insert(m);
    }
    for (Scenario s : group) {
      session.insert(s);
      long from = s.startDay() - REFERENCE_MARGIN_DAYS;
      long to = s.endDay() + REFERENCE_MARGIN_DAYS;
      List<Object> refs = new ArrayList<>();
      data.country(s.country()).ifPresent(refs::add);
      observances.addOverlapping(from, to, refs);
      highProfileEvents.addOverlapping(from, to, refs);
      tensionPeriods.addOverlapping(from, to, refs);
      for (Object r : refs) {
        if (inserted.add(r)) {
          session.insert(r);
        }
      }
    }
  }

  private List<Assessment> collect(KieSession session, List<Scenario> group) {
    Map<Scenario, List<Finding>> findings = byScenario(session, Finding.class, Finding::scenario);
    Map<Scenario, List<Exposure>> exposures = byScenario(session, Exposure.class, Exposure::scenario);
    Map<Scenario, List<Recommendation>> recs =
        byScenario(session, Recommendation.class, Recommendation::scenario);
    List<Assessment> out = new ArrayList<>(group.size());
    for (Scenario s : group) {
      out.add(
          assemble(
              s,
              findings.getOrDefault(s, List.of()),
              exposures.getOrDefault(s, List.of()),
              recs.getOrDefault(s, List.of())));
    }
    return out;
  }

  private Assessment assemble(
      Scenario s, List<Finding> found, List<Exposure> exposed, List<Recommendation> recs) {
    List<Finding> findings = new ArrayList<>(found);
    findings.sort(FINDING_ORDER);
    Map<Dimension, Integer> dims = new EnumMap<>(Dimension.class);
    int raw = 0;
    for (Finding f : findings) {
      raw += f.points();
      dims.merge(f.category().dimension(), f.points(), Integer::sum);
    }
    int score = Math.max(0, Math.min(100, raw));
    return new Assessment(
        s,
        score,
        Tier.of(score),
        raw,
        dims,
        findings,
        exposureSummaries(exposed, findings, recs),
        recommended(recs),
        notes(s));
  }

  private static List<ExposureSummary> exposureSummaries(
      List<Exposure> exposed, List<Finding> findings, List<Recommendation> recs) {
    Map<ExposureKind, ExposureSummary> out = new TreeMap<>();
    for (Exposure e : exposed) {
      int points = 0;
      int credit = 0;
      List<Measure> inPlace = new ArrayList<>();
      for (Finding f : findings) {
        if (f.exposure() == e.kind()) {
          if (f.points() >= 0) {
            points += f.points();
          } else {
            credit -= f.points();
            inPlace.addAll(f.measures());
          }
        }
      }
      List<Measure> missing = new ArrayList<>();
      for (Recommendation r : recs) {
        if (r.exposure() == e.kind()) {
          for (MitigationOption m : r.missing()) {
            missing.add(m.measure());
          }
        }
      }
      Collections.sort(inPlace);
      Collections.sort(missing);
      out.put(
          e.kind(),
          new ExposureSummary(e.kind(), e.tactic(), e.reason(), points, credit, inPlace, missing));
    }
    return List.copyOf(out.values());
  }

  private static List<RecommendedMeasure> recommended(List<Recommendation> recs) {
    Map<Measure, List<MitigationOption>> byMeasure = new TreeMap<>();
    for (Recommendation r : recs) {
      for (MitigationOption m : r.missing()) {
        byMeasure.computeIfAbsent(m.measure(), k -> new ArrayList<>()).add(m);
      }
    }
    List<RecommendedMeasure> out = new ArrayList<>();
    for (Map.Entry<Measure, List<MitigationOption>> e : byMeasure.entrySet()) {
      int total = 0;
      List<ExposureKind> kinds = new ArrayList<>();
      for (MitigationOption m : e.getValue()) {
        total += m.credit();
        kinds.add(m.exposure());
      }
      Collections.sort(kinds);
      out.add(new RecommendedMeasure(e.getKey(), total, kinds));
    }
    out.sort(
        Comparator.comparingInt((RecommendedMeasure m) -> -m.reduction())
            .thenComparing(RecommendedMeasure::measure));
    return out;
  }

  private List<String> notes(Scenario s) {
    List<String> notes = new ArrayList<>();
    if (s.date().isBefore(data.observancesFrom()) || s.endDate().isAfter(data.observancesTo())) {
      notes.add(
          "dates outside "
              + data.observancesFrom()
              + ".."
              + data.observancesTo()
              + ": religious and cultural dates are not checked");
    }
    return notes;
  }

  private static <T> Map<Scenario, List<T>> byScenario(
      KieSession session, Class<T> type, java.util.function.Function<T, Scenario> key) {
    Map<Scenario, List<T>> out = new LinkedHashMap<>();
    for (Object o : session.getObjects(new ClassObjectFilter(type))) {
      T t = type.cast(o);
      out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
    }
    return out;
  }
}
