package io.venuerisk.engine;

import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Factor;
import io.venuerisk.model.FactorScore;
import io.venuerisk.model.Factors;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureEffect;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Risk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The risk model of docs/scoring.md, in one place: how the findings the rules derived combine into
 * the inherent risk, and how the measures in place lower it to the residual risk.
 *
 * <pre>
 * factor value  = 1 - exp(-points / scale)          for attractiveness, threat and impact
 * inherent      = 100 x A^0.6 x T^0.7 x I^0.2
 * vulnerability = sum over exposures of weight x product over measures in place (1 - effectiveness)
 *                 / sum of weights                  (1 with no exposure or no measure)
 * residual      = inherent x vulnerability
 * </pre>
 *
 * Every input is a finding of a fired rule or a row of data/mitigations.csv; the constants are the
 * project's design choices. Sums and products run in a fixed order (findings sorted, measures in
 * vocabulary order), so the result does not depend on the order facts were inserted in.
 */
public final class RiskModel {
  /** Points at which a factor reaches 1 - 1/e (63%): a few strong findings, or many weak ones. */
  public static final double ATTRACTIVENESS_SCALE = 12;

  public static final double THREAT_SCALE = 12;
  public static final double IMPACT_SCALE = 15;

  /**
   * Exponents of the product: threat and attractiveness weigh most, so that an unattractive event
   * in a low-threat place stays low however large its crowd; impact refines the ranking.
   */
  public static final double ATTRACTIVENESS_WEIGHT = 0.6;

  public static final double THREAT_WEIGHT = 0.7;
  public static final double IMPACT_WEIGHT = 0.2;

  private final Map<ExposureKind, List<MitigationOption>> options =
      new EnumMap<>(ExposureKind.class);
  private final Set<Measure> answering = EnumSet.noneOf(Measure.class);

  public RiskModel(Collection<MitigationOption> mitigations) {
    for (MitigationOption m : mitigations) {
      options.computeIfAbsent(m.exposure(), k -> new ArrayList<>()).add(m);
      answering.add(m.measure());
    }
    for (List<MitigationOption> list : options.values()) {
      list.sort(Comparator.comparing(MitigationOption::measure));
    }
  }

  /** What the model computes for one scenario. */
  public record Result(
      Risk inherent,
      Risk residual,
      Factors factors,
      List<ExposureSummary> exposures,
      List<MeasureWithoutEffect> measuresWithoutEffect,
      List<RecommendedMeasure> recommended) {}

  /**
   * @param findings the scenario's findings, sorted ({@link Engine#FINDING_ORDER})
   * @param inPlace the measures the scenario states
   */
  public Result evaluate(List<Finding> findings, Set<Measure> inPlace) {
    double a = 0;
    double t = 0;
    double i = 0;
    // one weight and one reason per exposure kind, from the rules that found it
    Map<ExposureKind, Double> weights = new TreeMap<>();
    Map<ExposureKind, Finding> firstFinding = new TreeMap<>();
    for (Finding f : findings) {
      Factor factor = f.factor();
      switch (factor) {
        case ATTRACTIVENESS -> a += f.points();
        case THREAT -> t += f.points();
        case IMPACT -> i += f.points();
        case VULNERABILITY -> {
          if (f.exposure() != null) {
            weights.merge(f.exposure(), f.points(), Double::sum);
            firstFinding.putIfAbsent(f.exposure(), f);
          }
        }
        case NONE -> {}
      }
    }
    FactorScore fa = score(Factor.ATTRACTIVENESS, a, ATTRACTIVENESS_SCALE);
    FactorScore ft = score(Factor.THREAT, t, THREAT_SCALE);
    FactorScore fi = score(Factor.IMPACT, i, IMPACT_SCALE);
    double inherent = inherent(fa.value(), ft.value(), fi.value());
    double vulnerability = vulnerability(weights, inPlace);
    double residual = inherent * vulnerability;

    List<ExposureSummary> exposures = new ArrayList<>();
    for (Map.Entry<ExposureKind, Double> e : weights.entrySet()) {
      ExposureKind kind = e.getKey();
      List<MeasureEffect> effects = new ArrayList<>();
      List<Measure> missing = new ArrayList<>();
      for (MitigationOption m : options.getOrDefault(kind, List.of())) {
        if (inPlace.contains(m.measure())) {
          effects.add(MeasureEffect.of(m));
        } else {
          missing.add(m.measure());
        }
      }
      Finding f = firstFinding.get(kind);
      exposures.add(
          new ExposureSummary(
              kind,
              kind.tactic(),
              f.rule(),
              f.rationale(),
              e.getValue(),
              round(left(kind, inPlace), 1000),
              effects,
              missing));
    }

    return new Result(
        Risk.of(inherent),
        Risk.of(residual),
        new Factors(fa, ft, fi, round(vulnerability, 1000)),
        exposures,
        withoutEffect(weights.keySet(), inPlace),
        recommended(weights, inPlace, inherent, residual));
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

  static FactorScore score(Factor factor, double points, double scale) {
    double p = Math.round(points * 10) / 10.0;
    return new FactorScore(factor, p, round(1 - Math.exp(-Math.max(0, p) / scale), 1000));
  }

  /** The inherent risk from the three factor values, 0 to 100 (unrounded). */
  static double inherent(double attractiveness, double threat, double impact) {
    return 100
        * Math.pow(attractiveness, ATTRACTIVENESS_WEIGHT)
        * Math.pow(threat, THREAT_WEIGHT)
        * Math.pow(impact, IMPACT_WEIGHT);
  }

  /** The weighted share of vulnerability the measures leave; 1 with no exposure. */
  double vulnerability(Map<ExposureKind, Double> weights, Set<Measure> inPlace) {
    double total = 0;
    double left = 0;
    for (Map.Entry<ExposureKind, Double> e : weights.entrySet()) {
      total += e.getValue();
      left += e.getValue() * left(e.getKey(), inPlace);
    }
    return total <= 0 ? 1 : left / total;
  }

  /** The vulnerability to one exposure the measures leave: each removes a share of what remains. */
  double left(ExposureKind kind, Set<Measure> inPlace) {
    double v = 1;
    for (MitigationOption m : options.getOrDefault(kind, List.of())) {
      if (inPlace.contains(m.measure())) {
        v *= 1 - m.effectiveness();
      }
    }
    return v;
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
      String reason;
      if (!answering.contains(m)) {
        reason = "data/mitigations.csv ties it to no exposure";
      } else if (present.isEmpty()) {
        reason = "no exposure was found for this event; it answers " + String.join(", ", answers);
      } else {
        reason =
            "it answers " + String.join(", ", answers) + ", none of which this event is exposed to";
      }
      out.add(new MeasureWithoutEffect(m, reason));
    }
    return out;
  }

  private List<RecommendedMeasure> recommended(
      Map<ExposureKind, Double> weights, Set<Measure> inPlace, double inherent, double residual) {
    List<RecommendedMeasure> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (inPlace.contains(m) || !answering.contains(m)) {
        continue;
      }
      List<ExposureKind> reduces = new ArrayList<>();
      for (ExposureKind k : weights.keySet()) {
        for (MitigationOption o : options.getOrDefault(k, List.of())) {
          if (o.measure() == m) {
            reduces.add(k);
          }
        }
      }
      if (reduces.isEmpty()) {
        continue;
      }
      Set<Measure> with =
          inPlace.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(inPlace);
      with.add(m);
      double reduction =
          Math.round((residual - inherent * vulnerability(weights, with)) * 10) / 10.0;
      // a measure that takes off less than the 0.1 a score shows is not worth suggesting
      if (reduction > 0) {
        out.add(new RecommendedMeasure(m, reduction, reduces));
      }
    }
    out.sort(
        Comparator.comparingDouble((RecommendedMeasure r) -> -r.reduction())
            .thenComparing(RecommendedMeasure::measure));
    return out;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
