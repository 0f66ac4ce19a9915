package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Band;
import io.venuerisk.model.Country;
import io.venuerisk.model.Finding;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Observance;
import io.venuerisk.model.Peer;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelInForce;
import io.venuerisk.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rules over scenarios and turns the facts they derive into assessments. Thread-safe: each
 * call uses its own session over the shared, immutable rule base.
 */
public final class Engine {
  /**
   * Reference rows this many days either side of an event are inserted; rules then decide the exact
   * windows. Wider than any window a rule uses.
   */
  public static final int REFERENCE_MARGIN_DAYS = 31;

  /** Findings are listed strongest first; ties by rule id and rationale, so output is stable. */
  public static final Comparator<Finding> FINDING_ORDER =
      (a, b) -> {
        // written out rather than chained: batch sorts every event's findings, and the chained
        // comparator boxed a value per comparison
        int c = Double.compare(b.points(), a.points());
        if (c == 0) {
          c = a.rule().compareTo(b.rule());
        }
        return c != 0 ? c : a.rationale().compareTo(b.rationale());
      };

  private final RuleBase rules;
  private final ReferenceData data;
  private final SessionRunner runner;
  private final LongAdder firings;

  private final DayIndex<Observance> observances;
  private final DayIndex<HighProfileEvent> highProfileEvents;
  private final DayIndex<TensionPeriod> tensionPeriods;
  private final RiskModel model;
  private final MartynsLawAssessor martynsLaw;
  private final boolean reversed;
  private final boolean band;

  public Engine(RuleBase rules, ReferenceData data) {
    this(rules, data, SessionLimits.DEFAULT);
  }

  /** As {@link #Engine(RuleBase, ReferenceData)}, with the bounds every session runs under. */
  public Engine(RuleBase rules, ReferenceData data, SessionLimits limits) {
    this(rules, data, limits, false);
  }

  /**
   * An engine that inserts every fact in the reverse of the usual order: the same results, which is
   * what the test of order independence checks (rules must not depend on insertion order).
   */
  public static Engine reversedInsertion(RuleBase rules, ReferenceData data) {
    return new Engine(rules, data, SessionLimits.DEFAULT, true);
  }

  private Engine(RuleBase rules, ReferenceData data, SessionLimits limits, boolean reversed) {
    this.reversed = reversed;
    this.band = true;
    this.firings = new LongAdder();
    this.rules = rules;
    this.data = data;
    this.runner = new SessionRunner(rules, limits);
    this.observances = new DayIndex<>(data.observances(), Observance::startDay, Observance::endDay);
    this.highProfileEvents =
        new DayIndex<>(
            data.highProfileEvents(), HighProfileEvent::startDay, HighProfileEvent::endDay);
    this.tensionPeriods =
        new DayIndex<>(data.tensionPeriods(), TensionPeriod::startDay, TensionPeriod::endDay);
    Map<String, Integer> own = new HashMap<>();
    for (RuleInfo r : rules.rules()) {
      if (r.meta().points() != 0) {
        own.put(r.meta().id(), r.meta().points());
      }
    }
    this.model =
        new RiskModel(data.riskTables(), data.mitigations(), data.placedMitigations(), own);
    this.martynsLaw = MartynsLawAssessor.of(data);
  }

  private Engine(Engine e, boolean band) {
    this.rules = e.rules;
    this.data = e.data;
    this.runner = e.runner;
    this.observances = e.observances;
    this.highProfileEvents = e.highProfileEvents;
    this.tensionPeriods = e.tensionPeriods;
    this.model = e.model;
    this.martynsLaw = e.martynsLaw;
    this.reversed = e.reversed;
    this.band = band;
    this.firings = e.firings;
  }

  /**
   * This engine without the uncertainty band: each assessment's band is its score alone. For what
   * compares the scores of one scenario and shows no band (plan, diff, validate), since the band
   * scores each scenario once more per unknown yes/no value, most of the cost of a usual event.
   * Shares this engine's sessions, limits and firing count.
   */
  public Engine withoutBand() {
    return band ? new Engine(this, false) : this;
  }

  public RuleBase rules() {
    return rules;
  }

  public ReferenceData data() {
    return data;
  }

  /** Rule firings of every session this engine has run: what the benchmarks divide by events. */
  public long firings() {
    return firings.sum();
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
    return score(group, PeerGroups.of(Peers.among(group)), listener);
  }

  /**
   * Scores scenarios with the {@link Peer} relations the caller has worked out. A peer's other
   * event need not be in {@code group}, so one session can hold a chunk of events from many cities
   * and days while each event still sees only its own peers. Results are in input order; without
   * peers this is {@link #assessGroup}.
   */
  public List<Assessment> assessWithPeers(List<Scenario> group, List<Peer> peers) {
    return score(group, PeerGroups.of(peers), null);
  }

  /**
   * As {@link #assessWithPeers}, with the relations already summarised per scenario: how {@code
   * batch} streams a calendar, whatever its density.
   */
  public List<Assessment> assessWithGroups(List<Scenario> group, List<PeerGroup> peers) {
    return score(group, peers, null);
  }

  private List<Assessment> score(
      List<Scenario> group, List<PeerGroup> peers, AgendaEventListener listener) {
    List<Assessment> central = run(group, peers, listener, this::assemble);
    if (!band) {
      return central;
    }
    // the band: each unknown yes/no fact set to each value it could take, one at a time, all in one
    // more session, each variant with its scenario's peers
    List<Scenario> variants = new ArrayList<>();
    List<int[]> of = new ArrayList<>(); // [scenario index, unknown ordinal]
    Map<Scenario, List<Scenario>> byScenario = new IdentityHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      Scenario s = group.get(i);
      for (Unknowns u : Unknowns.values()) {
        if (u.unknownIn(s)) {
          for (boolean v : u.candidates()) {
            Scenario variant = u.with(s, v);
            variants.add(variant);
            of.add(new int[] {i, u.ordinal()});
            byScenario.computeIfAbsent(s, k -> new ArrayList<>()).add(variant);
          }
        }
      }
    }
    double[] low = new double[group.size()];
    double[] high = new double[group.size()];
    double[] moved = new double[group.size()];
    Unknowns[] mover = new Unknowns[group.size()];
    for (int i = 0; i < group.size(); i++) {
      low[i] = high[i] = central.get(i).score();
    }
    if (!variants.isEmpty()) {
      List<PeerGroup> variantPeers = new ArrayList<>();
      for (PeerGroup p : peers) {
        for (Scenario v : byScenario.getOrDefault(p.scenario(), List.of())) {
          variantPeers.add(p.of(v));
        }
      }
      // a variant needs only its residual score, not the rest of an assessment
      List<Double> scored = run(variants, variantPeers, null, this::residualScore);
      for (int j = 0; j < scored.size(); j++) {
        int i = of.get(j)[0];
        double score = scored.get(j);
        low[i] = Math.min(low[i], score);
        high[i] = Math.max(high[i], score);
        double move = Math.abs(score - central.get(i).score());
        if (move > moved[i]) {
          moved[i] = move;
          mover[i] = Unknowns.values()[of.get(j)[1]];
        }
      }
    }
    List<Assessment> out = new ArrayList<>(group.size());
    for (int i = 0; i < group.size(); i++) {
      Assessment a = central.get(i);
      out.add(
          a.withBand(
              new Band(low[i], a.score(), high[i], mover[i] == null ? null : mover[i].field())));
    }
    return out;
  }

  /** What becomes of one scenario's findings and threat level once its session has run. */
  private interface Outcome<T> {
    T of(Scenario s, List<Finding> found, ThreatLevelInForce level);
  }

  private <T> List<T> run(
      List<Scenario> group,
      List<PeerGroup> peers,
      AgendaEventListener listener,
      Outcome<T> outcome) {
    KieSession session = rules.kieBase().newKieSession();
    try {
      if (listener != null) {
        session.addEventListener(listener);
        if (listener instanceof RuleRuntimeEventListener inserts) {
          session.addEventListener(inserts); // FiringLog: what each firing inserted
        }
      }
      List<Object> facts = facts(group);
      // cross-event facts (rules/calendar.drl); none for a scenario alone, so `assess` is unchanged
      facts.addAll(peers);
      if (reversed) {
        Collections.reverse(facts);
      }
      for (Object f : facts) {
        session.insert(f);
      }
      firings.add(
          runner.fire(session, group.size())); // throws SessionLimitException past the limits
      return collect(session, group, outcome);
    } finally {
      runner.dispose(session); // not a session stuck in a consequence: disposing would wait for it
    }
  }

  /** The scenarios, the period definitions and the reference rows that bear on them, each once. */
  private List<Object> facts(List<Scenario> group) {
    Set<Object> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
    // which rows make each dated period (data/periods.csv), for every event of the session
    List<Object> facts = new ArrayList<>(data.periods());
    for (Scenario s : group) {
      facts.add(s);
      // the national level in force on its days (rules/threat-level.drl), one fact per scenario
      data.threatLevels().inForce(s).ifPresent(facts::add);
      long from = s.startDay() - REFERENCE_MARGIN_DAYS;
      long to = s.endDay() + REFERENCE_MARGIN_DAYS;
      List<Object> refs = new ArrayList<>();
      data.country(s.country()).ifPresent(refs::add);
      observances.addOverlapping(from, to, refs);
      highProfileEvents.addOverlapping(from, to, refs);
      tensionPeriods.addOverlapping(from, to, refs);
      for (Object r : refs) {
        if (inserted.add(r)) {
          facts.add(r);
        }
      }
    }
    return facts;
  }

  /**
   * The findings and the threat level of each scenario, in one pass over the session's facts, keyed
   * by identity: two value-equal scenarios in one session are two events.
   */
  private <T> List<T> collect(KieSession session, List<Scenario> group, Outcome<T> outcome) {
    Map<Scenario, List<Finding>> findings = new IdentityHashMap<>(group.size() * 2);
    Map<Scenario, ThreatLevelInForce> levels = new IdentityHashMap<>(group.size() * 2);
    for (Object o : session.getObjects()) {
      if (o instanceof Finding f) {
        findings.computeIfAbsent(f.scenario(), k -> new ArrayList<>()).add(f);
      } else if (o instanceof ThreatLevelInForce t) {
        levels.putIfAbsent(t.scenario(), t);
      }
    }
    List<T> out = new ArrayList<>(group.size());
    for (Scenario s : group) {
      out.add(outcome.of(s, findings.getOrDefault(s, List.of()), levels.get(s)));
    }
    return out;
  }

  private double residualScore(Scenario s, List<Finding> found, ThreatLevelInForce level) {
    IskRegion region = data.country(s.country()).map(Country::region).orElse(IskRegion.NONE);
    return model.residualScore(model.priced(found, s, region), s, region);
  }

  private Assessment assemble(Scenario s, List<Finding> found, ThreatLevelInForce level) {
    IskRegion region = data.country(s.country()).map(Country::region).orElse(IskRegion.NONE);
    List<Finding> findings = model.priced(found, s, region);
    RiskModel.Result r = model.evaluate(findings, s, region);
    return new Assessment(
        s,
        r.residual(),
        r.inherent(),
        r.trace(),
        Band.exact(r.residual().score()),
        model.answering(findings, r.exposures()),
        r.exposures(),
        r.measuresWithoutEffect(),
        r.recommended(),
        level,
        martynsLaw.assess(s).orElse(null),
        data.coverage().notes(s, level),
        data.measureNames());
  }
}
