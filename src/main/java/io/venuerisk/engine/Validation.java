package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.Category;
import io.venuerisk.model.Finding;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.MeasuresBasis;
import io.venuerisk.model.Tier;
import io.venuerisk.model.ValidationStratum;
import io.venuerisk.model.Vocabulary;
import io.venuerisk.reference.ValidationStrata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How well one or two rule packs' scores separate what really happened in a labelled case set, and
 * how sure that is. Renders nothing.
 *
 * <p>For every stratum (all cases, then those of data/validation_strata.csv) and every {@link
 * Comparison}, a {@link Figure} holds, per rule pack, the estimate of each {@link Score} (the
 * model's residual and inherent risk and three baselines) with its 95% bootstrap interval, the
 * model minus each baseline, and with two packs the second minus the first. All of a figure's
 * estimates come from the same resamples, so that every difference is paired.
 *
 * <p>The bootstrap: {@link Resampling#resamples()} resamples per figure, each group of an AUC
 * resampled with replacement on its own (its size kept), and for a win rate the attacks and plots
 * with their controls (a cluster bootstrap); the interval is the 2.5th and 97.5th percentile of the
 * resampled values. The generator is a {@link SplittableRandom} seeded with {@link
 * Resampling#seed()}, split once per figure in report order: the same cases, data and seed give the
 * same intervals, and both packs see the same resample indices.
 */
public record Validation(
    List<LabelledCase> cases,
    Counts counts,
    Resampling resampling,
    List<Pack> packs,
    List<ValidationStratum> strata,
    List<Figure> figures) {

  /** How many bootstrap resamples each figure draws, and the seed they are drawn from. */
  public record Resampling(int resamples, long seed) {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 1;
    public static final Resampling DEFAULT = new Resampling(DEFAULT_RESAMPLES, DEFAULT_SEED);

    public Resampling {
      if (resamples < 1) {
        throw new IllegalArgumentException("at least one resample, got " + resamples);
      }
    }
  }

  /** What ranks the cases: the model's two risks, and three baselines that need no model. */
  public enum Score implements Vocabulary {
    /** The residual risk: with the measures in place. */
    RESIDUAL,
    /** The inherent risk: the same event with no measures. */
    INHERENT,
    /** The number of measures listed, fewer ranking higher. */
    MEASURES_LISTED,
    /** The crowd alone: expected attendance, else the venue's capacity. */
    CROWD_SIZE,
    /** The points of the findings whose category is geography, summed: where alone. */
    GEOGRAPHY_POINTS;

    /** The model's scores, which the baselines are compared with. */
    public static final List<Score> MODEL = List.of(RESIDUAL, INHERENT);

    public static final List<Score> BASELINES =
        List.of(MEASURES_LISTED, CROWD_SIZE, GEOGRAPHY_POINTS);

    /** Whether the rules give it: otherwise it is the same for every pack. */
    public boolean byRules() {
      return this == RESIDUAL || this == INHERENT || this == GEOGRAPHY_POINTS;
    }

    @Override
    public String code() {
      return Vocabulary.codeOf(this);
    }
  }

  /** Which attacks and plots are compared with which other events, and how. */
  public enum Comparison implements Vocabulary {
    /** AUC of attacks and plots over ordinary events. */
    VS_ORDINARY,
    /** AUC of attacks and plots over matched controls: ordinary cases with a matchedTo. */
    VS_MATCHED_CONTROLS,
    /** AUC of attacks and plots over secured events that went off without incident. */
    VS_SECURED,
    /** Win rate of each attack or plot over its own matched controls. */
    WINS_OVER_MATCHED_CONTROLS,
    /** Win rate of each attack or plot over its crossover twin: its venue on another day. */
    WINS_OVER_CROSSOVER_TWINS;

    /** A win rate over each case's own controls, rather than an AUC over two groups. */
    public boolean paired() {
      return this == WINS_OVER_MATCHED_CONTROLS || this == WINS_OVER_CROSSOVER_TWINS;
    }

    @Override
    public String code() {
      return Vocabulary.codeOf(this);
    }
  }

  /**
   * A value with its 95% interval; all three NaN when a group is empty (renderers say n/a). Of a
   * difference, {@link #beyondNoise} says whether the interval leaves 0 out.
   */
  public record Estimate(double value, double low, double high) {
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public boolean known() {
      return !Double.isNaN(value);
    }

    public boolean beyondNoise() {
      return known() && (low > 0 || high < 0);
    }
  }

  /**
   * One comparison within one stratum.
   *
   * @param targeted the attacks and plots compared (for a win rate, those with a control)
   * @param others the cases of the other group (for a win rate, the distinct controls)
   * @param pairs the (attack or plot, other) pairs each estimate averages over
   * @param packs per rule pack, in the order given
   * @param change with two packs, the second minus the first for each score the rules give; empty
   *     otherwise
   */
  public record Figure(
      ValidationStratum stratum,
      Comparison comparison,
      int targeted,
      int others,
      int pairs,
      List<PackFigure> packs,
      Map<Score, Estimate> change) {

    /** Whether both groups have cases: otherwise every estimate is {@link Estimate#NONE}. */
    public boolean known() {
      return pairs > 0;
    }

    public Estimate estimate(int pack, Score score) {
      return packs.get(pack).scores().get(score);
    }
  }

  /**
   * One pack's estimates of a figure.
   *
   * @param scores each score's estimate
   * @param overBaselines for the residual and the inherent risk, the model minus each baseline
   */
  public record PackFigure(
      Map<Score, Estimate> scores, Map<Score, Map<Score, Estimate>> overBaselines) {}

  /**
   * What a pack says of one case: its residual and inherent risk, each with a tier, and the points
   * of its geography findings (for the geography baseline). From an assessment, or recorded by an
   * earlier run of another version ({@link Ranked}).
   */
  public record Ranking(
      double residual, Tier residualTier, double inherent, Tier inherentTier, double geography) {
    public static Ranking of(Assessment a) {
      double sum = 0;
      for (Finding f : a.findings()) {
        if (f.category() == Category.GEOGRAPHY) {
          sum += f.points();
        }
      }
      return new Ranking(a.score(), a.tier(), a.inherent().score(), a.inherent().tier(), sum);
    }
  }

  /**
   * One pack to validate: a rule set scoring the cases now, or the results an earlier version
   * recorded for them ({@code validate --versus}), so that a change of the model itself, not only
   * of a rule pack, is measured on the same cases and resamples.
   *
   * @param name how the report names it
   * @param ranking what the pack says of each case
   */
  public record Ranked(String name, Function<LabelledCase, Ranking> ranking) {
    /** A rule set, scoring each case with the engine. */
    public static Ranked of(Engine engine) {
      // a ranking reads scores and tiers, never the band
      Engine scoring = engine.withoutBand();
      return new Ranked(engine.rules().origin(), c -> Ranking.of(scoring.assess(c.scenario())));
    }
  }

  /** One case and what the pack says of it. */
  public record Scored(LabelledCase labelled, Ranking ranking) {
    public CaseLabel label() {
      return labelled.label();
    }
  }

  /** One rule pack's cases and tier figures. */
  public record Pack(String rules, List<Scored> cases, Metrics residual, Metrics inherent) {}

  /**
   * @param targeted attacks and plots
   * @param targetedElevated share of them at ELEVATED or above
   * @param ordinary ordinary events
   * @param ordinaryElevated share of them at ELEVATED or above
   * @param tiers cases per label and tier
   * @param furthest the cases whose score is furthest from what their label expects, worst first
   */
  public record Metrics(
      int targeted,
      double targetedElevated,
      int ordinary,
      double ordinaryElevated,
      Map<CaseLabel, int[]> tiers,
      List<Miss> furthest) {}

  /** A case far from its label: attacks and plots expected high, the others low. */
  public record Miss(String id, CaseLabel label, double score, Tier tier, double distance) {}

  /**
   * The case set at a glance.
   *
   * @param labels cases per label
   * @param matchedControls ordinary cases with a matchedTo
   * @param crossoverTwins ordinary cases with a crossoverOf
   * @param measuresBasis cases per measuresBasis; null counts the cases that do not say
   */
  public record Counts(
      Map<CaseLabel, Integer> labels,
      int matchedControls,
      int crossoverTwins,
      Map<MeasuresBasis, Integer> measuresBasis,
      int measuresBasisNotGiven) {}

  /** How many of the furthest cases to list. */
  public static final int FURTHEST = 8;

  /** The figure of a comparison over all cases. */
  public Figure figure(Comparison comparison) {
    return figure(ValidationStratum.EVERY_CASE, comparison);
  }

  public Figure figure(ValidationStratum stratum, Comparison comparison) {
    for (Figure f : figures) {
      if (f.stratum().equals(stratum) && f.comparison() == comparison) {
        return f;
      }
    }
    throw new IllegalArgumentException("no figure " + stratum.id() + " " + comparison.code());
  }

  /** One rule pack, with the strata of its reference data and the default resampling. */
  public static Validation of(Engine engine, List<LabelledCase> cases) {
    return of(List.of(engine), cases, engine.data().validationStrata(), Resampling.DEFAULT);
  }

  /** As {@link #of(List, List, ValidationStrata, Resampling)}, each engine a pack. */
  public static Validation of(
      List<Engine> engines,
      List<LabelledCase> cases,
      ValidationStrata strata,
      Resampling resampling) {
    return ranked(engines.stream().map(Ranked::of).toList(), cases, strata, resampling);
  }

  /**
   * Scores every case with each engine (one or two rule packs) and works out every figure.
   *
   * @param cases read by {@code CaseFile}: ids unique, every matchedTo and crossoverOf naming an
   *     attack or plot among them
   */
  public static Validation ranked(
      List<Ranked> ranked,
      List<LabelledCase> cases,
      ValidationStrata strata,
      Resampling resampling) {
    if (ranked.isEmpty() || ranked.size() > 2) {
      throw new IllegalArgumentException("one or two packs, got " + ranked.size());
    }
    List<Pack> packs = new ArrayList<>();
    int n = cases.size();
    Score[] scores = Score.values();
    double[][][] value = new double[ranked.size()][scores.length][n];
    for (int p = 0; p < ranked.size(); p++) {
      Ranked pack = ranked.get(p);
      List<Scored> scored = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        LabelledCase c = cases.get(i);
        Ranking r = pack.ranking().apply(c);
        scored.add(new Scored(c, r));
        for (Score s : scores) {
          value[p][s.ordinal()][i] = score(s, c, r);
        }
      }
      packs.add(
          new Pack(
              pack.name(),
              List.copyOf(scored),
              metrics(scored, s -> s.ranking().residual(), s -> s.ranking().residualTier()),
              metrics(scored, s -> s.ranking().inherent(), s -> s.ranking().inherentTier())));
    }
    List<ValidationStratum> all = new ArrayList<>();
    all.add(ValidationStratum.EVERY_CASE);
    all.addAll(strata.strata());
    Groups groups = new Groups(cases, strata, all);
    SplittableRandom root = new SplittableRandom(resampling.seed());
    List<Figure> figures = new ArrayList<>();
    for (int s = 0; s < all.size(); s++) {
      for (Comparison c : Comparison.values()) {
        // one stream per figure, split in this fixed order whether or not the figure is empty
        SplittableRandom random = root.split();
        figures.add(
            c.paired()
                ? winFigure(all.get(s), c, groups.units(s, c), value, resampling, random)
                : aucFigure(
                    all.get(s),
                    c,
                    groups.targets(s),
                    groups.others(s, c),
                    value,
                    resampling,
                    random));
      }
    }
    return new Validation(
        List.copyOf(cases),
        counts(cases),
        resampling,
        List.copyOf(packs),
        List.copyOf(all),
        List.copyOf(figures));
  }

  private static double score(Score s, LabelledCase c, Ranking r) {
    return switch (s) {
      case RESIDUAL -> r.residual();
      case INHERENT -> r.inherent();
      case MEASURES_LISTED -> -c.scenario().measures().size();
      case CROWD_SIZE -> c.scenario().attendance();
      case GEOGRAPHY_POINTS -> r.geography();
    };
  }

  /** Which cases are in which group of which stratum, and each attack's or plot's controls. */
  private static final class Groups {
    private final List<LabelledCase> cases;
    private final boolean[][] in;
    private final List<List<Integer>> matched = new ArrayList<>();
    private final List<List<Integer>> twins = new ArrayList<>();

    Groups(List<LabelledCase> cases, ValidationStrata strata, List<ValidationStratum> all) {
      this.cases = cases;
      in = new boolean[all.size()][cases.size()];
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < cases.size(); i++) {
        LabelledCase c = cases.get(i);
        index.putIfAbsent(c.id(), i);
        matched.add(new ArrayList<>());
        twins.add(new ArrayList<>());
        for (int s = 0; s < all.size(); s++) {
          in[s][i] = strata.holds(all.get(s), c.scenario().country(), c.scenario().date());
        }
      }
      for (int i = 0; i < cases.size(); i++) {
        LabelledCase c = cases.get(i);
        for (String id : c.matchedTo()) {
          add(matched, index.get(id), i);
        }
        if (c.crossoverOf() != null) {
          add(twins, index.get(c.crossoverOf()), i);
        }
      }
    }

    private void add(List<List<Integer>> controls, Integer target, int control) {
      if (target != null && cases.get(target).label().targeted()) {
        controls.get(target).add(control);
      }
    }

    List<Integer> targets(int stratum) {
      return select(stratum, c -> c.label().targeted());
    }

    List<Integer> others(int stratum, Comparison comparison) {
      return switch (comparison) {
        case VS_ORDINARY -> select(stratum, c -> c.label() == CaseLabel.ORDINARY);
        case VS_MATCHED_CONTROLS ->
            select(stratum, c -> c.label() == CaseLabel.ORDINARY && !c.matchedTo().isEmpty());
        case VS_SECURED -> select(stratum, c -> c.label() == CaseLabel.SECURED_NO_INCIDENT);
        default -> throw new IllegalArgumentException(comparison.code());
      };
    }

    /** The attacks and plots of the stratum with at least one control, each with its controls. */
    Map<Integer, List<Integer>> units(int stratum, Comparison comparison) {
      List<List<Integer>> controls =
          comparison == Comparison.WINS_OVER_MATCHED_CONTROLS ? matched : twins;
      Map<Integer, List<Integer>> out = new java.util.LinkedHashMap<>();
      for (int t : targets(stratum)) {
        if (!controls.get(t).isEmpty()) {
          out.put(t, controls.get(t));
        }
      }
      return out;
    }

    private List<Integer> select(int stratum, java.util.function.Predicate<LabelledCase> p) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        if (in[stratum][i] && p.test(cases.get(i))) {
          out.add(i);
        }
      }
      return out;
    }
  }

  private static Figure aucFigure(
      ValidationStratum stratum,
      Comparison comparison,
      List<Integer> targets,
      List<Integer> others,
      double[][][] value,
      Resampling resampling,
      SplittableRandom random) {
    int nt = targets.size();
    int no = others.size();
    int packs = value.length;
    if (nt == 0 || no == 0) {
      return unknown(stratum, comparison, nt, no, packs);
    }
    int n = nt + no;
    Score[] scores = Score.values();
    Bootstrap.Ranking[][] rankings = new Bootstrap.Ranking[packs][scores.length];
    for (int p = 0; p < packs; p++) {
      for (Score s : scores) {
        double[] v = new double[n];
        for (int i = 0; i < nt; i++) {
          v[i] = value[p][s.ordinal()][targets.get(i)];
        }
        for (int i = 0; i < no; i++) {
          v[nt + i] = value[p][s.ordinal()][others.get(i)];
        }
        rankings[p][s.ordinal()] = new Bootstrap.Ranking(v, nt);
      }
    }
    long[] weight = new long[n];
    java.util.Arrays.fill(weight, 1);
    double[][] point = new double[packs][scores.length];
    for (int p = 0; p < packs; p++) {
      for (Score s : scores) {
        point[p][s.ordinal()] = rankings[p][s.ordinal()].auc(weight, nt, no);
      }
    }
    int b = resampling.resamples();
    double[][][] boot = new double[packs][scores.length][b];
    for (int r = 0; r < b; r++) {
      java.util.Arrays.fill(weight, 0);
      Bootstrap.draw(random, weight, 0, nt);
      Bootstrap.draw(random, weight, nt, no);
      for (int p = 0; p < packs; p++) {
        for (Score s : scores) {
          if (p == 0 || s.byRules()) {
            boot[p][s.ordinal()][r] = rankings[p][s.ordinal()].auc(weight, nt, no);
          }
        }
      }
    }
    shareBaselines(boot);
    return figure(
        stratum,
        comparison,
        nt,
        no,
        (int) Math.min(Integer.MAX_VALUE, (long) nt * no),
        point,
        boot);
  }

  private static Figure winFigure(
      ValidationStratum stratum,
      Comparison comparison,
      Map<Integer, List<Integer>> units,
      double[][][] value,
      Resampling resampling,
      SplittableRandom random) {
    int nu = units.size();
    int packs = value.length;
    java.util.Set<Integer> distinct = new java.util.TreeSet<>();
    int pairs = 0;
    for (List<Integer> controls : units.values()) {
      distinct.addAll(controls);
      pairs += controls.size();
    }
    if (nu == 0) {
      return unknown(stratum, comparison, 0, 0, packs);
    }
    Score[] scores = Score.values();
    double[][][] share = new double[packs][scores.length][nu];
    for (int p = 0; p < packs; p++) {
      for (Score s : scores) {
        double[] v = value[p][s.ordinal()];
        int u = 0;
        for (Map.Entry<Integer, List<Integer>> e : units.entrySet()) {
          double[] controls = new double[e.getValue().size()];
          for (int j = 0; j < controls.length; j++) {
            controls[j] = v[e.getValue().get(j)];
          }
          share[p][s.ordinal()][u++] = Bootstrap.wins(v[e.getKey()], controls);
        }
      }
    }
    long[] weight = new long[nu];
    java.util.Arrays.fill(weight, 1);
    double[][] point = new double[packs][scores.length];
    for (int p = 0; p < packs; p++) {
      for (Score s : scores) {
        point[p][s.ordinal()] = Bootstrap.mean(share[p][s.ordinal()], weight);
      }
    }
    int b = resampling.resamples();
    double[][][] boot = new double[packs][scores.length][b];
    for (int r = 0; r < b; r++) {
      java.util.Arrays.fill(weight, 0);
      Bootstrap.draw(random, weight, 0, nu);
      for (int p = 0; p < packs; p++) {
        for (Score s : scores) {
          if (p == 0 || s.byRules()) {
            boot[p][s.ordinal()][r] = Bootstrap.mean(share[p][s.ordinal()], weight);
          }
        }
      }
    }
    shareBaselines(boot);
    return figure(stratum, comparison, nu, distinct.size(), pairs, point, boot);
  }

  /**
   * The resampled values of the scores the rules do not give, worked out for the first pack only:
   * the same for every pack, since they are the same cases on the same resamples.
   */
  private static void shareBaselines(double[][][] boot) {
    for (int p = 1; p < boot.length; p++) {
      for (Score s : Score.values()) {
        if (!s.byRules()) {
          boot[p][s.ordinal()] = boot[0][s.ordinal()];
        }
      }
    }
  }

  private static Figure unknown(
      ValidationStratum stratum, Comparison comparison, int targeted, int others, int packs) {
    List<PackFigure> out = new ArrayList<>();
    for (int p = 0; p < packs; p++) {
      Map<Score, Estimate> scores = new EnumMap<>(Score.class);
      for (Score s : Score.values()) {
        scores.put(s, Estimate.NONE);
      }
      Map<Score, Map<Score, Estimate>> over = new EnumMap<>(Score.class);
      for (Score m : Score.MODEL) {
        Map<Score, Estimate> row = new EnumMap<>(Score.class);
        for (Score base : Score.BASELINES) {
          row.put(base, Estimate.NONE);
        }
        over.put(m, Collections.unmodifiableMap(row));
      }
      out.add(
          new PackFigure(Collections.unmodifiableMap(scores), Collections.unmodifiableMap(over)));
    }
    Map<Score, Estimate> change = new EnumMap<>(Score.class);
    if (packs == 2) {
      for (Score s : Score.values()) {
        if (s.byRules()) {
          change.put(s, Estimate.NONE);
        }
      }
    }
    return new Figure(
        stratum,
        comparison,
        targeted,
        others,
        0,
        List.copyOf(out),
        Collections.unmodifiableMap(change));
  }

  /** The estimates of a figure from its point values and resampled values, per pack and score. */
  private static Figure figure(
      ValidationStratum stratum,
      Comparison comparison,
      int targeted,
      int others,
      int pairs,
      double[][] point,
      double[][][] boot) {
    int packs = point.length;
    List<PackFigure> out = new ArrayList<>();
    for (int p = 0; p < packs; p++) {
      Map<Score, Estimate> scores = new EnumMap<>(Score.class);
      for (Score s : Score.values()) {
        scores.put(s, estimate(point[p][s.ordinal()], boot[p][s.ordinal()]));
      }
      Map<Score, Map<Score, Estimate>> over = new EnumMap<>(Score.class);
      for (Score m : Score.MODEL) {
        Map<Score, Estimate> row = new EnumMap<>(Score.class);
        for (Score base : Score.BASELINES) {
          row.put(base, difference(point[p], boot[p], m, point[p], boot[p], base));
        }
        over.put(m, Collections.unmodifiableMap(row));
      }
      out.add(
          new PackFigure(Collections.unmodifiableMap(scores), Collections.unmodifiableMap(over)));
    }
    Map<Score, Estimate> change = new EnumMap<>(Score.class);
    if (packs == 2) {
      for (Score s : Score.values()) {
        if (s.byRules()) {
          change.put(s, difference(point[1], boot[1], s, point[0], boot[0], s));
        }
      }
    }
    return new Figure(
        stratum,
        comparison,
        targeted,
        others,
        pairs,
        List.copyOf(out),
        Collections.unmodifiableMap(change));
  }

  private static Estimate estimate(double point, double[] boot) {
    double[] ci = Bootstrap.interval(boot);
    return new Estimate(point, ci[0], ci[1]);
  }

  /** a minus b, with the interval of the resample-by-resample differences. */
  private static Estimate difference(
      double[] pointA, double[][] bootA, Score a, double[] pointB, double[][] bootB, Score b) {
    double[] x = bootA[a.ordinal()];
    double[] y = bootB[b.ordinal()];
    double[] d = new double[x.length];
    for (int r = 0; r < d.length; r++) {
      d[r] = x[r] - y[r];
    }
    return estimate(pointA[a.ordinal()] - pointB[b.ordinal()], d);
  }

  private static Counts counts(List<LabelledCase> cases) {
    Map<CaseLabel, Integer> labels = new EnumMap<>(CaseLabel.class);
    for (CaseLabel l : CaseLabel.values()) {
      labels.put(l, 0);
    }
    Map<MeasuresBasis, Integer> basis = new EnumMap<>(MeasuresBasis.class);
    for (MeasuresBasis m : MeasuresBasis.values()) {
      basis.put(m, 0);
    }
    int matched = 0;
    int twins = 0;
    int notGiven = 0;
    for (LabelledCase c : cases) {
      labels.merge(c.label(), 1, Integer::sum);
      matched += c.matchedTo().isEmpty() ? 0 : 1;
      twins += c.crossoverOf() == null ? 0 : 1;
      if (c.measuresBasis() == null) {
        notGiven++;
      } else {
        basis.merge(c.measuresBasis(), 1, Integer::sum);
      }
    }
    return new Counts(
        Collections.unmodifiableMap(labels),
        matched,
        twins,
        Collections.unmodifiableMap(basis),
        notGiven);
  }

  private static Metrics metrics(
      List<Scored> cases, ToDoubleFunction<Scored> score, Function<Scored, Tier> tier) {
    int targeted = 0;
    int ordinary = 0;
    Map<CaseLabel, int[]> tiers = new EnumMap<>(CaseLabel.class);
    int targetedHigh = 0;
    int ordinaryHigh = 0;
    List<Miss> misses = new ArrayList<>();
    for (Scored s : cases) {
      double v = score.applyAsDouble(s);
      Tier t = tier.apply(s);
      tiers.computeIfAbsent(s.label(), k -> new int[Tier.values().length])[t.ordinal()]++;
      boolean elevated = t.compareTo(Tier.ELEVATED) >= 0;
      if (s.label().targeted()) {
        targeted++;
        targetedHigh += elevated ? 1 : 0;
      } else if (s.label() == CaseLabel.ORDINARY) {
        ordinary++;
        ordinaryHigh += elevated ? 1 : 0;
      }
      misses.add(
          new Miss(
              s.labelled().scenario().id(), s.label(), v, t, s.label().targeted() ? 100 - v : v));
    }
    misses.sort(Comparator.comparingDouble((Miss m) -> -m.distance()).thenComparing(Miss::id));
    return new Metrics(
        targeted,
        share(targetedHigh, targeted),
        ordinary,
        share(ordinaryHigh, ordinary),
        tiers,
        List.copyOf(misses.subList(0, Math.min(FURTHEST, misses.size()))));
  }

  private static double share(int n, int of) {
    return of == 0 ? Double.NaN : (double) n / of;
  }
}
