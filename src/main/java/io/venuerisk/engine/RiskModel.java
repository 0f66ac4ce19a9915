package io.venuerisk.engine;

import io.venuerisk.model.Category;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Factor;
import io.venuerisk.model.Finding;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureEffect;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Rating;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Risk;
import io.venuerisk.model.RiskTrace;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.TacticReduction;
import io.venuerisk.reference.RiskTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The risk model of docs/scoring.md, in one place: how the findings the rules derived become a
 * likelihood and a consequence per tactic, and how the measures in place, by where they sit and
 * whether they were exercised, lower it to the residual risk.
 *
 * <pre>
 * likelihood L    = country baseline + findings' points (a group's strongest in full, each next
 *                   at group_discount of the one before)
 * consequence C_t = people reached by tactic t (10 per tenfold) + tactic severity + consequence
 *                   findings
 * consequence C   = 10 x log2( sum over exposed tactics of r_t x 2^(C_t / 10) )
 *                   r_t = the region's weight of t / its most used tactic's weight
 * residual C'     = the same with each term times V_t, the vulnerability to t the measures leave
 * residual L'     = L + measure_weight x (C' - C)
 * levels          = where L, L' and C fall in data/risk_levels.csv; tier = data/risk_matrix.csv
 * score           = 100 / (1 + exp(-(ln(l - 0.5) + ln(c - 0.5) - ln(midpoint)) / spread)), l and c
 *                   the continuous likelihood and consequence levels
 * </pre>
 *
 * Every number is a finding of a fired rule or a row of a data table; sums run in a fixed order
 * (findings sorted, tactics and measures in vocabulary order), so the result does not depend on the
 * order facts were inserted in.
 */
public final class RiskModel {
  /** The rule whose finding carries a count of people (docs/scoring.md: people reached). */
  public static final String PEOPLE_RULE = "IMP-PEOPLE-PRESENT";

  private final RiskTables tables;
  private final Map<ExposureKind, List<MitigationOption>> options =
      new EnumMap<>(ExposureKind.class);
  // (exposure, measure, placement) -> row
  private final Map<String, MitigationOption> placed = new HashMap<>();
  private final Set<Measure> answering = EnumSet.noneOf(Measure.class);
  private final Map<String, Integer> fallbackPoints;
  private final double pd;
  private final double groupDiscount;
  private final double measureWeight;
  private final double exercised;
  private final double unexercised;
  private final double midpoint;
  private final double spread;

  /**
   * @param fallbackPoints a rule's own {@code @points}, which overrides its row of data/points.csv:
   *     a rule folder being tried out (and diffed) before the table is edited; the shipped rules
   *     carry none
   */
  public RiskModel(
      RiskTables tables,
      Collection<MitigationOption> mitigations,
      Collection<MitigationOption> placedMitigations,
      Map<String, Integer> fallbackPoints) {
    this.tables = tables;
    this.fallbackPoints = Map.copyOf(fallbackPoints);
    for (MitigationOption m : mitigations) {
      options.computeIfAbsent(m.exposure(), k -> new ArrayList<>()).add(m);
      answering.add(m.measure());
    }
    for (List<MitigationOption> list : options.values()) {
      list.sort(Comparator.comparing(MitigationOption::measure));
    }
    for (MitigationOption m : placedMitigations) {
      placed.put(key(m.exposure(), m.measure(), m.placement()), m);
    }
    this.pd = tables.parameter("points_per_doubling");
    this.groupDiscount = tables.parameter("group_discount");
    this.measureWeight = tables.parameter("measure_weight");
    this.exercised = tables.parameter("exercised_effect");
    this.unexercised = tables.parameter("unexercised_effect");
    this.midpoint = tables.parameter("score_midpoint");
    this.spread = tables.parameter("score_spread");
  }

  private static String key(ExposureKind k, Measure m, Placement p) {
    return k.name() + '/' + m.name() + '/' + p.name();
  }

  /** What the model computes for one scenario. */
  public record Result(
      Risk inherent,
      Risk residual,
      RiskTrace trace,
      List<Finding> findings,
      List<ExposureSummary> exposures,
      List<MeasureWithoutEffect> measuresWithoutEffect,
      List<RecommendedMeasure> recommended) {}

  /**
   * The findings of one scenario with their points: units times the rule's row of data/points.csv,
   * the country baseline, or the exposure's weight in the region; a finding in a group counted at
   * its share. Sorted as {@link Engine#FINDING_ORDER}.
   */
  List<Finding> priced(List<Finding> units, Scenario s, IskRegion region) {
    List<Finding> out = new ArrayList<>(units.size());
    for (Finding f : units) {
      double points;
      String group = null;
      if (f.category() == Category.BASELINE) {
        points = tables.baseline(s.country()).points();
      } else if (f.category() == Category.EXPOSURE && f.exposure() != null) {
        points = tables.weight(region, f.exposure());
      } else {
        RiskTables.Points row = tables.points(f.rule()).orElse(null);
        Integer own = fallbackPoints.get(f.rule());
        // a rule's own @points (a folder being tried out) overrides its row; the group stays
        double per = own != null ? own : row != null ? row.points() : 0;
        group = row == null ? null : row.group();
        points = per * f.points();
      }
      out.add(f.counted(round(points, 10), group, 1));
    }
    // a group's findings rest on one fact: the strongest counts in full, the next at the discount
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < out.size(); i++) {
      Finding f = out.get(i);
      if (f.group() != null && f.factor() != Factor.EXPOSURE) {
        groups.computeIfAbsent(f.factor().name() + '/' + f.group(), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> members : groups.values()) {
      members.sort(
          (a, b) -> {
            int c = Double.compare(out.get(b).points(), out.get(a).points());
            return c != 0 ? c : out.get(a).rule().compareTo(out.get(b).rule());
          });
      double share = 1;
      for (int i : members) {
        Finding f = out.get(i);
        out.set(i, f.counted(round(f.points() * share, 10), f.group(), share));
        share *= groupDiscount;
      }
    }
    out.sort(Engine.FINDING_ORDER);
    return out;
  }

  /**
   * @param findings the scenario's findings, priced ({@link #priced})
   * @param s the scenario, for its people and the measures it states
   * @param region the guide's region of its country
   */
  public Result evaluate(List<Finding> findings, Scenario s, IskRegion region) {
    Sums sums = sums(findings);
    double likelihood = sums.likelihood;
    Map<ExposureKind, Finding> exposed = sums.exposed;
    Set<Measure> inPlace = s.measures();
    Security security = s.security();
    Map<ExposureKind, double[]> terms = terms(sums, s, region);
    double consequence = aggregate(terms, false);
    double residualConsequence = aggregate(terms, true);
    double vulnerability = Math.pow(2, (residualConsequence - consequence) / pd);
    double residualLikelihood = likelihood + measureWeight * (residualConsequence - consequence);

    double lPos = position(tables.likelihoodLevels(), likelihood);
    double rlPos = position(tables.likelihoodLevels(), residualLikelihood);
    double cPos = position(tables.consequenceLevels(), consequence);
    Rating consequenceRating = rating(tables.consequenceLevels(), consequence, cPos);
    Risk inherent = risk(likelihood, lPos, consequenceRating, cPos);
    Risk residual = risk(residualLikelihood, rlPos, consequenceRating, cPos);

    List<ExposureSummary> exposures = new ArrayList<>();
    for (Map.Entry<ExposureKind, Finding> e : exposed.entrySet()) {
      ExposureKind kind = e.getKey();
      double[] t = terms.get(kind);
      List<MeasureEffect> effects = new ArrayList<>();
      List<Measure> missing = new ArrayList<>();
      for (MitigationOption m : options.getOrDefault(kind, List.of())) {
        if (inPlace.contains(m.measure())) {
          effects.add(
              MeasureEffect.of(m, round(effectiveness(m, security.quality(m.measure())), 1000)));
        } else {
          missing.add(m.measure());
        }
      }
      Finding f = e.getValue();
      double tacticRisk = likelihood + pd * log2(t[0]) + t[2];
      exposures.add(
          new ExposureSummary(
              kind,
              kind.tactic(),
              f.rule(),
              f.rationale(),
              f.points(),
              round(t[3], 1000),
              effects,
              missing,
              round(t[0], 1000),
              (long) t[1],
              rating(tables.consequenceLevels(), t[2], position(tables.consequenceLevels(), t[2])),
              round(tacticRisk, 10),
              round(tacticRisk + measureWeight * pd * log2(t[3]), 10)));
    }

    RiskTrace trace =
        new RiskTrace(
            round(sums.baseline, 10),
            round(likelihood, 10),
            round(consequence, 10),
            round(residualConsequence, 10),
            round(vulnerability, 1000),
            round(residualLikelihood, 10),
            round(lPos, 1000),
            round(rlPos, 1000),
            round(cPos, 1000),
            measureWeight,
            midpoint,
            spread);
    return new Result(
        inherent,
        residual,
        trace,
        findings,
        exposures,
        withoutEffect(exposed.keySet(), inPlace),
        recommended(terms, likelihood, consequence, inPlace, security, residual.score()));
  }

  /**
   * The residual score alone, as {@link #evaluate} computes it: what the uncertainty band needs of
   * each variant of a scenario, without the exposures, trace and recommended measures.
   */
  public double residualScore(List<Finding> findings, Scenario s, IskRegion region) {
    Sums sums = sums(findings);
    Map<ExposureKind, double[]> terms = terms(sums, s, region);
    double consequence = aggregate(terms, false);
    double residualLikelihood =
        sums.likelihood + measureWeight * (aggregate(terms, true) - consequence);
    double cPos = position(tables.consequenceLevels(), consequence);
    return new Risk(
            score(position(tables.likelihoodLevels(), residualLikelihood), cPos), null, null, null)
        .score();
  }

  /** The findings' points by factor, and the first finding of each exposure, in tactic order. */
  private static final class Sums {
    double likelihood;
    double baseline;
    double consequenceFindings;
    double peoplePoints;
    final Map<ExposureKind, Finding> exposed = new TreeMap<>();
  }

  private static Sums sums(List<Finding> findings) {
    Sums sums = new Sums();
    for (Finding f : findings) {
      switch (f.factor()) {
        case LIKELIHOOD -> {
          sums.likelihood += f.points();
          if (f.category() == Category.BASELINE) {
            sums.baseline += f.points();
          }
        }
        case CONSEQUENCE -> {
          if (f.rule().equals(PEOPLE_RULE)) {
            sums.peoplePoints += f.points();
          } else {
            sums.consequenceFindings += f.points();
          }
        }
        case EXPOSURE -> {
          if (f.exposure() != null) {
            sums.exposed.putIfAbsent(f.exposure(), f);
          }
        }
        case NONE -> {}
      }
    }
    return sums;
  }

  /**
   * Per exposed tactic: its relative weight, the people it reaches, its consequence and the
   * vulnerability the measures leave.
   */
  private Map<ExposureKind, double[]> terms(Sums sums, Scenario s, IskRegion region) {
    long people = Math.max(1, s.attendance());
    Security security = s.security();
    Set<Measure> inPlace = s.measures();
    Map<ExposureKind, double[]> terms = new EnumMap<>(ExposureKind.class);
    for (ExposureKind k : sums.exposed.keySet()) {
      RiskTables.TacticRow t = tables.tactic(k);
      long reached = t.peopleCap() == null ? people : Math.min(people, t.peopleCap());
      // from the table's points per tenfold, not the finding's rounded points: a rounded total
      // scaled down to a tactic's cap could fall as the crowd grows
      double reach = sums.peoplePoints <= 0 ? 0 : perTenfoldOfPeople() * Math.log10(reached);
      double c = reach + t.severity() + sums.consequenceFindings;
      double r = tables.relativeWeight(region, k);
      double v = left(k, inPlace, security);
      terms.put(k, new double[] {r, reached, c, v});
    }
    return terms;
  }

  private double perTenfoldOfPeople() {
    return tables
        .points(PEOPLE_RULE)
        .map(RiskTables.Points::points)
        .orElse((double) fallbackPoints.getOrDefault(PEOPLE_RULE, 0));
  }

  /** 10 x log2 of the tactics' harm, each weighed by how much it is used; with measures, by V. */
  private double aggregate(Map<ExposureKind, double[]> terms, boolean withMeasures) {
    if (terms.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (double[] t : terms.values()) {
      double v = withMeasures ? t[3] : 1;
      sum += t[0] * Math.pow(v, measureWeight) * Math.pow(2, t[2] / pd);
    }
    return pd * log2(sum);
  }

  private Risk risk(double likelihoodPoints, double lPos, Rating consequence, double cPos) {
    int l = level(lPos);
    double score = score(lPos, cPos);
    return new Risk(
        score,
        tables.tier(l, consequence.level()),
        rating(tables.likelihoodLevels(), likelihoodPoints, lPos),
        consequence);
  }

  /**
   * The score of two continuous levels: a logistic curve over the log of their product, each taken
   * at the middle of its band (level 3.5 counts as 3), as the matrix multiplies levels.
   */
  double score(double lPos, double cPos) {
    return 100
        / (1 + Math.exp(-(centredLog(lPos) + centredLog(cPos) - Math.log(midpoint)) / spread));
  }

  /**
   * ln(position - 0.5), continued below position 1 by its tangent there, so that the score keeps
   * rising with the points however low they are and never ties.
   */
  static double centredLog(double position) {
    return position >= 1 ? Math.log(position - 0.5) : Math.log(0.5) + (position - 1) / 0.5;
  }

  private static Rating rating(List<RiskTables.Level> levels, double points, double position) {
    int l = level(position);
    return new Rating(points, l, levels.get(l - 1).meaning());
  }

  /**
   * The continuous level of some points: the level whose band they fall in, plus how far into the
   * band (level 1 and level 5 extend their neighbour's width), so 3.5 is half way through level 3.
   */
  static double position(List<RiskTables.Level> levels, double points) {
    // edges[i] = first point of level i+1; level 1's edge extends level 2's width below it
    double[] edges = new double[6];
    for (int i = 1; i < 5; i++) {
      edges[i] = levels.get(i).from();
    }
    edges[0] = edges[1] - (edges[2] - edges[1]);
    edges[5] = edges[4] + (edges[4] - edges[3]);
    int band = 0;
    while (band < 4 && points >= edges[band + 1]) {
      band++;
    }
    return band + 1 + (points - edges[band]) / (edges[band + 1] - edges[band]);
  }

  static int level(double position) {
    return (int) Math.max(1, Math.min(5, Math.floor(position)));
  }

  /** The vulnerability to one exposure the measures leave: each removes a share of what remains. */
  double left(ExposureKind kind, Set<Measure> inPlace, Security security) {
    double v = 1;
    for (MitigationOption m : options.getOrDefault(kind, List.of())) {
      if (inPlace.contains(m.measure())) {
        v *= 1 - effectiveness(m, security.quality(m.measure()));
      }
    }
    return v;
  }

  /**
   * A measure's effectiveness against one exposure as deployed: the row for its placement if
   * data/mitigations.csv has one, else its usual row; times the exercised or unexercised effect.
   */
  double effectiveness(MitigationOption usual, MeasureQuality q) {
    double e = usual.effectiveness();
    if (q.placement() != null) {
      MitigationOption p = placed.get(key(usual.exposure(), usual.measure(), q.placement()));
      if (p != null) {
        e = p.effectiveness();
      }
    }
    if (q.exercised() != null) {
      e *= q.exercised() ? exercised : unexercised;
    }
    return Math.min(0.95, e);
  }

  /**
   * The findings, each calling only for the measures that answer an exposure this event has: a rule
   * names the measures its concern calls for anywhere ({@code @measures}), but a measure with no
   * row in data/mitigations.csv for one of the event's exposures takes nothing off its score, and a
   * finding should not ask for what the plan then lists as having no effect.
   */
  public List<Finding> answering(List<Finding> findings, List<ExposureSummary> exposures) {
    Set<Measure> useful = EnumSet.noneOf(Measure.class);
    for (ExposureSummary e : exposures) {
      for (MitigationOption o : options.getOrDefault(e.exposure(), List.of())) {
        useful.add(o.measure());
      }
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      List<Measure> kept = f.measures().stream().filter(useful::contains).toList();
      out.add(kept.size() == f.measures().size() ? f : f.withMeasures(kept));
    }
    return out;
  }

  private List<MeasureWithoutEffect> withoutEffect(
      Set<ExposureKind> present, Set<Measure> inPlace) {
    List<MeasureWithoutEffect> out = new ArrayList<>();
    for (Measure m : inPlace) {
      List<String> answers = new ArrayList<>();
      boolean useful = false;
      for (Map.Entry<ExposureKind, List<MitigationOption>> e : options.entrySet()) {
        for (MitigationOption o : e.getValue()) {
          if (o.measure() == m) {
            answers.add(e.getKey().code());
            useful |= present.contains(e.getKey());
          }
        }
      }
      if (useful) {
        continue;
      }
      MeasureWithoutEffect.Why why =
          !answering.contains(m)
              ? MeasureWithoutEffect.Why.ANSWERS_NO_EXPOSURE
              : present.isEmpty()
                  ? MeasureWithoutEffect.Why.EVENT_HAS_NO_EXPOSURE
                  : MeasureWithoutEffect.Why.ANSWERS_OTHER_EXPOSURES;
      out.add(new MeasureWithoutEffect(m, why, answers));
    }
    return out;
  }

  /**
   * Each measure not in place that answers an exposure of this event, with the residual score it
   * would take off as usually deployed, largest first.
   */
  private List<RecommendedMeasure> recommended(
      Map<ExposureKind, double[]> terms,
      double likelihood,
      double consequence,
      Set<Measure> inPlace,
      Security security,
      double residualScore) {
    List<RecommendedMeasure> out = new ArrayList<>();
    double cPos = position(tables.consequenceLevels(), consequence);
    for (Measure m : Measure.values()) {
      if (inPlace.contains(m) || !answering.contains(m)) {
        continue;
      }
      List<ExposureKind> reduces = new ArrayList<>();
      List<TacticReduction> byTactic = new ArrayList<>();
      Map<ExposureKind, double[]> with = new LinkedHashMap<>();
      for (Map.Entry<ExposureKind, double[]> e : terms.entrySet()) {
        double[] t = e.getValue().clone();
        for (MitigationOption o : options.getOrDefault(e.getKey(), List.of())) {
          if (o.measure() == m) {
            reduces.add(e.getKey());
            double left = 1 - effectiveness(o, MeasureQuality.usual(m));
            t[3] *= left;
            // the tactic's residual points fall by the measure weight x 10 x log2 of what is left
            byTactic.add(new TacticReduction(e.getKey(), -measureWeight * pd * log2(left)));
          }
        }
        with.put(e.getKey(), t);
      }
      byTactic.sort(
          Comparator.comparingDouble((TacticReduction t) -> -t.points())
              .thenComparing(TacticReduction::exposure));
      if (reduces.isEmpty()) {
        continue;
      }
      double rl = likelihood + measureWeight * (aggregate(with, true) - consequence);
      double score =
          new Risk(score(position(tables.likelihoodLevels(), rl), cPos), null, null, null).score();
      double reduction = round(residualScore - score, 10);
      // a measure that takes off less than the 0.1 a score shows is not worth suggesting
      if (reduction > 0) {
        out.add(new RecommendedMeasure(m, reduction, reduces, byTactic));
      }
    }
    out.sort(
        Comparator.comparingDouble((RecommendedMeasure r) -> -r.reduction())
            .thenComparing(RecommendedMeasure::measure));
    return out;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double round(double v, double scale) {
    double r = Math.round(v * scale) / scale;
    return r == 0 ? 0 : r; // never -0.0
  }
}
