package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How well a rule set's scores separate what really happened in a labelled case set: the events
 * that were attacked or plotted against from ordinary events, and from heavily secured events that
 * went off without incident. Computed for the residual and the inherent risk. Renders nothing.
 *
 * <p>AUC is the probability that a randomly chosen attack or plot scores above a randomly chosen
 * event of the other group (ties count half): 0.5 is chance, 1 a perfect ranking.
 */
public record Validation(String rules, List<Scored> cases, Metrics residual, Metrics inherent) {

  /** One case and its assessment. */
  public record Scored(LabelledCase labelled, Assessment assessment) {
    public CaseLabel label() {
      return labelled.label();
    }
  }

  /**
   * @param aucVsOrdinary attacks and plots against ordinary events
   * @param aucVsSecured attacks and plots against secured events
   * @param targetedElevated share of attacks and plots at ELEVATED or above
   * @param ordinaryElevated share of ordinary events at ELEVATED or above
   * @param tiers cases per label and tier
   * @param furthest the cases whose score is furthest from what their label expects, worst first
   */
  public record Metrics(
      double aucVsOrdinary,
      double aucVsSecured,
      double targetedElevated,
      double ordinaryElevated,
      Map<CaseLabel, int[]> tiers,
      List<Miss> furthest) {}

  /** A case far from its label: attacks and plots expected high, the others low. */
  public record Miss(String id, CaseLabel label, double score, Tier tier, double distance) {}

  /** How many of the furthest cases to list. */
  public static final int FURTHEST = 8;

  public static Validation of(Engine engine, List<LabelledCase> cases) {
    List<Scored> scored = new ArrayList<>();
    for (LabelledCase c : cases) {
      scored.add(new Scored(c, engine.assess(c.scenario())));
    }
    return new Validation(
        engine.rules().origin(),
        List.copyOf(scored),
        metrics(scored, s -> s.assessment().score(), s -> s.assessment().tier()),
        metrics(
            scored, s -> s.assessment().inherent().score(), s -> s.assessment().inherent().tier()));
  }

  private static Metrics metrics(
      List<Scored> cases,
      ToDoubleFunction<Scored> score,
      java.util.function.Function<Scored, Tier> tier) {
    List<Double> targeted = new ArrayList<>();
    List<Double> ordinary = new ArrayList<>();
    List<Double> secured = new ArrayList<>();
    Map<CaseLabel, int[]> tiers = new EnumMap<>(CaseLabel.class);
    int targetedHigh = 0;
    int ordinaryHigh = 0;
    List<Miss> misses = new ArrayList<>();
    for (Scored s : cases) {
      double v = score.applyAsDouble(s);
      Tier t = tier.apply(s);
      tiers.computeIfAbsent(s.label(), k -> new int[Tier.values().length])[t.ordinal()]++;
      boolean elevated = t.compareTo(Tier.ELEVATED) >= 0;
      switch (s.label()) {
        case ATTACK, PLOT -> {
          targeted.add(v);
          targetedHigh += elevated ? 1 : 0;
        }
        case ORDINARY -> {
          ordinary.add(v);
          ordinaryHigh += elevated ? 1 : 0;
        }
        case SECURED_NO_INCIDENT -> secured.add(v);
      }
      misses.add(
          new Miss(
              s.labelled().scenario().id(), s.label(), v, t, s.label().targeted() ? 100 - v : v));
    }
    misses.sort(Comparator.comparingDouble((Miss m) -> -m.distance()).thenComparing(Miss::id));
    return new Metrics(
        auc(targeted, ordinary),
        auc(targeted, secured),
        share(targetedHigh, targeted.size()),
        share(ordinaryHigh, ordinary.size()),
        tiers,
        List.copyOf(misses.subList(0, Math.min(FURTHEST, misses.size()))));
  }

  /** Mann-Whitney AUC of {@code high} over {@code low}; NaN when either is empty. */
  static double auc(List<Double> high, List<Double> low) {
    if (high.isEmpty() || low.isEmpty()) {
      return Double.NaN;
    }
    double wins = 0;
    for (double h : high) {
      for (double l : low) {
        wins += h > l ? 1 : h == l ? 0.5 : 0;
      }
    }
    return Math.round(wins / ((double) high.size() * low.size()) * 1000) / 1000.0;
  }

  private static double share(int n, int of) {
    return of == 0 ? Double.NaN : Math.round((double) n / of * 1000) / 1000.0;
  }
}
