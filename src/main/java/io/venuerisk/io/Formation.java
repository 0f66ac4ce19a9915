package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Factor;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MeasureEffect;
import io.venuerisk.model.Risk;
import io.venuerisk.model.RiskTrace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How an assessment's risk was formed, step by step with the numbers of docs/scoring.md: the
 * likelihood from the country baseline and the findings, each exposed tactic's consequence and the
 * vulnerability its measures leave, the consequence they add up to, the residual likelihood, the
 * levels, the tiers from the matrix and the scores. For {@code explain}, as text and as JSON. The
 * numbers are the model's own (its trace); this class only words them.
 */
public final class Formation {
  private Formation() {}

  /** A finding's points as counted: in full, or at a share as the next of its group. */
  public record Contribution(String rule, double points, String group, Double share) {}

  public record TacticStep(
      String exposure,
      double relativeWeight,
      long peopleReached,
      double consequence,
      double vulnerability,
      double inherentPoints,
      double residualPoints,
      List<String> measures) {}

  public record Steps(
      String likelihood,
      List<Contribution> likelihoodFindings,
      List<Contribution> consequenceFindings,
      List<TacticStep> tactics,
      String consequence,
      String residualLikelihood,
      String inherent,
      String residual) {}

  public static Steps of(Assessment a) {
    RiskTrace t = a.trace();
    List<Contribution> likelihood = contributions(a, Factor.LIKELIHOOD);
    List<Contribution> consequence = contributions(a, Factor.CONSEQUENCE);
    String l =
        sum(likelihood)
            + " = "
            + Numbers.score(t.likelihood())
            + "  level "
            + a.inherent().likelihood().level()
            + " ("
            + a.inherent().likelihood().meaning()
            + ")";
    List<TacticStep> tactics = new ArrayList<>();
    StringBuilder terms = new StringBuilder();
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
      tactics.add(
          new TacticStep(
              e.exposure().code(),
              e.relativeWeight(),
              e.peopleReached(),
              e.consequence().points(),
              e.vulnerability(),
              e.inherentPoints(),
              e.residualPoints(),
              measures));
      terms
          .append(terms.length() == 0 ? "" : " + ")
          .append(Numbers.share3(e.relativeWeight()))
          .append(" x 2^(")
          .append(Numbers.score(e.consequence().points()))
          .append("/10)");
    }
    String c =
        (a.exposures().isEmpty() ? "no exposure" : "10 x log2(" + terms + ")")
            + " = "
            + Numbers.score(t.consequence())
            + "  level "
            + a.inherent().consequence().level()
            + " ("
            + a.inherent().consequence().meaning()
            + ")";
    String rl =
        Numbers.score(t.likelihood())
            + " + "
            + Numbers.exact(t.measureWeight())
            + " x ("
            + Numbers.score(t.residualConsequence())
            + " - "
            + Numbers.score(t.consequence())
            + ") = "
            + Numbers.score(t.residualLikelihood())
            + "  level "
            + a.residual().likelihood().level()
            + "  (the measures leave "
            + Numbers.percent(t.vulnerability())
            + " of the weighed harm)";
    return new Steps(
        l,
        likelihood,
        consequence,
        tactics,
        c,
        rl,
        risk(a.inherent(), t.likelihoodPosition(), t),
        risk(a.residual(), t.residualLikelihoodPosition(), t));
  }

  /** "likelihood 3 x consequence 4 = HIGH (data/risk_matrix.csv); score ... = 61.2". */
  private static String risk(Risk r, double lPos, RiskTrace t) {
    return "likelihood "
        + r.likelihood().level()
        + " x consequence "
        + r.consequence().level()
        + " = "
        + r.tier()
        + " (data/risk_matrix.csv); score from levels "
        + Numbers.share3(lPos)
        + " x "
        + Numbers.share3(t.consequencePosition())
        + ": 100 / (1 + exp(-(ln("
        + Numbers.share3(lPos - 0.5)
        + " x "
        + Numbers.share3(t.consequencePosition() - 0.5)
        + ") - ln("
        + Numbers.exact(t.midpoint())
        + ")) / "
        + Numbers.exact(t.spread())
        + ")) = "
        + Numbers.score(r.score());
  }

  private static List<Contribution> contributions(Assessment a, Factor factor) {
    List<Contribution> out = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.factor() == factor) {
        out.add(
            new Contribution(
                f.rule(), f.points(), f.group(), f.group() == null ? null : f.share()));
      }
    }
    return out;
  }

  private static String sum(List<Contribution> cs) {
    StringBuilder sb = new StringBuilder();
    for (Contribution c : cs) {
      sb.append(sb.length() == 0 ? "" : " + ")
          .append(c.rule())
          .append(' ')
          .append(Numbers.score(c.points()));
      if (c.share() != null && c.share() < 1) {
        sb.append(" (")
            .append(Numbers.percent(c.share()))
            .append(" of its full points: ")
            .append(c.group())
            .append(')');
      }
    }
    return sb.length() == 0 ? "0" : sb.toString();
  }

  /** The steps as the text report of {@code explain} shows them. */
  public static void write(PrintWriter out, Assessment a) {
    Steps s = of(a);
    out.println("How the risk was formed (docs/scoring.md)");
    out.printf("  %-20s %s%n", "likelihood", s.likelihood());
    if (!s.consequenceFindings().isEmpty()) {
      out.printf("  %-20s %s%n", "consequence found", sum(s.consequenceFindings()));
    }
    out.printf(
        "  %-20s %s%n", "per tactic", "weight  people  consequence  left   risk -> residual");
    for (TacticStep e : s.tactics()) {
      out.printf(
          "    %-18s %-7s %-7s %-12s %-6s %s -> %s%s%n",
          e.exposure(),
          Numbers.share3(e.relativeWeight()),
          e.peopleReached(),
          Numbers.score(e.consequence()),
          Numbers.share3(e.vulnerability()),
          Numbers.score(e.inherentPoints()),
          Numbers.score(e.residualPoints()),
          e.measures().isEmpty() ? "" : "  " + String.join(", ", e.measures()));
    }
    out.printf("  %-20s %s%n", "consequence", s.consequence());
    out.printf("  %-20s %s%n", "residual likelihood", s.residualLikelihood());
    out.printf("  %-20s %s%n", "inherent", s.inherent());
    out.printf("  %-20s %s%n", "residual", s.residual());
  }
}
