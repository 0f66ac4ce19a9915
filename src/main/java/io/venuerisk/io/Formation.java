package io.venuerisk.io;

import io.venuerisk.engine.RiskModel;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Factor;
import io.venuerisk.model.FactorScore;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MeasureEffect;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How an assessment's risk was formed, step by step with the numbers of docs/scoring.md: each
 * factor from the findings that count towards it, the inherent risk from the factors, the
 * vulnerability from the exposures and the measures in place, the residual risk. For {@code
 * explain}, as text and as JSON.
 */
public final class Formation {
  private Formation() {}

  public record Contribution(String rule, double points) {}

  public record FactorStep(
      double points,
      double scale,
      double value,
      double weight,
      String formula,
      List<Contribution> rules) {}

  public record ExposureStep(String exposure, double weight, double left, List<String> measures) {}

  public record Steps(
      FactorStep attractiveness,
      FactorStep threat,
      FactorStep impact,
      String inherent,
      List<ExposureStep> exposures,
      String vulnerability,
      String residual) {}

  public static Steps of(Assessment a) {
    var f = a.factors();
    FactorStep at =
        factor(
            a, f.attractiveness(), RiskModel.ATTRACTIVENESS_SCALE, RiskModel.ATTRACTIVENESS_WEIGHT);
    FactorStep th = factor(a, f.threat(), RiskModel.THREAT_SCALE, RiskModel.THREAT_WEIGHT);
    FactorStep im = factor(a, f.impact(), RiskModel.IMPACT_SCALE, RiskModel.IMPACT_WEIGHT);
    String inherent =
        "100 x "
            + Numbers.share3(at.value())
            + "^"
            + RiskModel.ATTRACTIVENESS_WEIGHT
            + " x "
            + Numbers.share3(th.value())
            + "^"
            + RiskModel.THREAT_WEIGHT
            + " x "
            + Numbers.share3(im.value())
            + "^"
            + RiskModel.IMPACT_WEIGHT
            + " = "
            + Numbers.score(a.inherent().score())
            + " "
            + a.inherent().tier();
    List<ExposureStep> exposures = new ArrayList<>();
    StringBuilder num = new StringBuilder();
    double total = 0;
    for (ExposureSummary e : a.exposures()) {
      List<String> measures = new ArrayList<>();
      for (MeasureEffect m : e.inPlace()) {
        measures.add(
            MeasureText.named(a, m.measure())
                + " ("
                + m.role().code()
                + ") removes "
                + Numbers.percent(m.effectiveness()));
      }
      exposures.add(new ExposureStep(e.exposure().code(), e.weight(), e.vulnerability(), measures));
      num.append(num.length() == 0 ? "" : " + ")
          .append(Numbers.plain(e.weight()))
          .append(" x ")
          .append(Numbers.share3(e.vulnerability()));
      total += e.weight();
    }
    String vulnerability =
        a.exposures().isEmpty()
            ? "1 (no exposure: nothing for a measure to reduce)"
            : "(" + num + ") / " + Numbers.plain(total) + " = " + Numbers.share3(f.vulnerability());
    String residual =
        Numbers.score(a.inherent().score())
            + " x "
            + Numbers.share3(f.vulnerability())
            + " = "
            + Numbers.score(a.score())
            + " "
            + a.tier();
    return new Steps(at, th, im, inherent, exposures, vulnerability, residual);
  }

  private static FactorStep factor(Assessment a, FactorScore s, double scale, double weight) {
    List<Contribution> rules = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.factor() == s.factor()) {
        rules.add(new Contribution(f.rule(), f.points()));
      }
    }
    // no points: exp(0), not exp(-0 / scale), which would read as a negative zero
    String formula =
        (s.points() == 0
                ? "1 - exp(0)"
                : "1 - exp(-" + Numbers.plain(s.points()) + " / " + Numbers.plain(scale) + ")")
            + " = "
            + Numbers.share3(s.value());
    return new FactorStep(s.points(), scale, s.value(), weight, formula, rules);
  }

  /** The steps as the text report of {@code explain} shows them. */
  public static void write(PrintWriter out, Assessment a) {
    Steps s = of(a);
    out.println("How the risk was formed (docs/scoring.md)");
    line(out, Factor.ATTRACTIVENESS, s.attractiveness());
    line(out, Factor.THREAT, s.threat());
    line(out, Factor.IMPACT, s.impact());
    out.printf("  %-15s %s%n", "inherent", s.inherent());
    out.printf("  %-15s %s%n", "vulnerability", s.vulnerability());
    for (ExposureStep e : s.exposures()) {
      out.printf(
          "  %-15s   %-20s weight %-4s left %s%s%n",
          "",
          e.exposure(),
          Numbers.plain(e.weight()),
          Numbers.share3(e.left()),
          e.measures().isEmpty()
              ? "  (no measure in place)"
              : "  " + String.join(", ", e.measures()));
    }
    out.printf("  %-15s %s%n", "residual", s.residual());
  }

  private static void line(PrintWriter out, Factor factor, FactorStep f) {
    StringBuilder rules = new StringBuilder();
    for (Contribution c : f.rules()) {
      rules
          .append(rules.length() == 0 ? "" : ", ")
          .append(c.rule())
          .append(' ')
          .append(Numbers.points(c.points()));
    }
    out.printf(
        "  %-15s %s%s%n",
        factor.code(), f.formula(), rules.length() == 0 ? "  (no finding)" : "  from " + rules);
  }
}
