package io.venuerisk.io;

import io.venuerisk.engine.Validation;
import io.venuerisk.engine.Validation.Metrics;
import io.venuerisk.engine.Validation.Miss;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code validate} prints, for one rule set or two side by side: AUC of attacks and plots
 * against ordinary and against secured events, the shares at ELEVATED or above, the tier table and
 * the cases furthest from their label, for residual and inherent risk.
 */
public final class ValidationReport {
  private ValidationReport() {}

  public record Json(String cases, List<RuleSetView> ruleSets) {}

  public record RuleSetView(
      String rules,
      int cases,
      Map<String, Integer> labels,
      MetricsView residual,
      MetricsView inherent) {}

  public record MetricsView(
      Double aucVsOrdinary,
      Double aucVsSecured,
      Double targetedElevated,
      Double ordinaryElevated,
      Map<String, Map<String, Integer>> tiers,
      List<Miss> furthest) {}

  public static void writeJson(Writer out, String cases, List<Validation> runs) throws IOException {
    List<RuleSetView> sets = new ArrayList<>();
    for (Validation v : runs) {
      sets.add(
          new RuleSetView(
              v.rules(), v.cases().size(), labels(v), view(v.residual()), view(v.inherent())));
    }
    io.venuerisk.io.Json.write(out, new Json(cases, sets));
  }

  private static Map<String, Integer> labels(Validation v) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (CaseLabel l : CaseLabel.values()) {
      out.put(l.code(), (int) v.cases().stream().filter(c -> c.label() == l).count());
    }
    return out;
  }

  private static MetricsView view(Metrics m) {
    Map<String, Map<String, Integer>> tiers = new LinkedHashMap<>();
    for (CaseLabel l : CaseLabel.values()) {
      int[] counts = m.tiers().getOrDefault(l, new int[Tier.values().length]);
      Map<String, Integer> row = new LinkedHashMap<>();
      for (Tier t : Tier.values()) {
        row.put(t.name(), counts[t.ordinal()]);
      }
      tiers.put(l.code(), row);
    }
    return new MetricsView(
        num(m.aucVsOrdinary()),
        num(m.aucVsSecured()),
        num(m.targetedElevated()),
        num(m.ordinaryElevated()),
        tiers,
        m.furthest());
  }

  private static Double num(double v) {
    return Double.isNaN(v) ? null : v;
  }

  public static void writeText(
      PrintWriter out, String cases, List<Validation> runs, boolean markdown) {
    out.println(markdown ? "# Validation of " + cases : "Validation of " + cases);
    out.println();
    Validation first = runs.get(0);
    out.println(
        String.format(
            Locale.ROOT,
            "%d cases: %s",
            first.cases().size(),
            String.join(
                ", ",
                labels(first).entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey())
                    .toList())));
    out.println();
    String sep = markdown ? " | " : "  ";
    StringBuilder head =
        new StringBuilder(markdown ? "| measure" : String.format("%-44s", "measure"));
    StringBuilder rule = new StringBuilder("|---");
    for (Validation v : runs) {
      head.append(sep)
          .append(
              markdown
                  ? v.rules() + " residual | " + v.rules() + " inherent"
                  : String.format("%-10s %-10s", "residual", "inherent"));
      rule.append("|---:|---:");
    }
    out.println(head + (markdown ? " |" : ""));
    if (markdown) {
      out.println(rule + "|");
    } else if (runs.size() > 1) {
      StringBuilder names = new StringBuilder(String.format("%-44s", ""));
      for (Validation v : runs) {
        names.append(sep).append(String.format("%-21s", v.rules()));
      }
      out.println(names);
    }
    row(
        out,
        markdown,
        "AUC, attacks and plots vs ordinary events",
        runs,
        Metrics::aucVsOrdinary,
        false);
    row(
        out,
        markdown,
        "AUC, attacks and plots vs secured events",
        runs,
        Metrics::aucVsSecured,
        false);
    row(
        out,
        markdown,
        "attacks and plots at ELEVATED or above",
        runs,
        Metrics::targetedElevated,
        true);
    row(
        out,
        markdown,
        "ordinary events at ELEVATED or above",
        runs,
        Metrics::ordinaryElevated,
        true);
    for (Validation v : runs) {
      out.println();
      out.println(
          (markdown ? "## " : "") + "Tiers by label (" + v.rules() + "), residual / inherent");
      if (markdown) {
        out.println();
        out.println("| label | LOW | MODERATE | ELEVATED | HIGH | SEVERE |");
        out.println("|---|---:|---:|---:|---:|---:|");
      } else {
        out.printf(
            "  %-20s %-9s %-9s %-9s %-9s %-9s%n",
            "", "LOW", "MODERATE", "ELEVATED", "HIGH", "SEVERE");
      }
      for (CaseLabel l : CaseLabel.values()) {
        int[] r = v.residual().tiers().getOrDefault(l, new int[5]);
        int[] i = v.inherent().tiers().getOrDefault(l, new int[5]);
        StringBuilder sb =
            new StringBuilder(markdown ? "| " + l.code() : String.format("  %-20s", l.code()));
        for (int t = 0; t < 5; t++) {
          String cell = r[t] + " / " + i[t];
          sb.append(markdown ? " | " + cell : String.format(" %-9s", cell));
        }
        out.println(sb + (markdown ? " |" : ""));
      }
      out.println();
      out.println(
          (markdown ? "## " : "") + "Furthest from their label (" + v.rules() + ", residual risk)");
      if (markdown) {
        out.println();
      }
      for (Miss m : v.residual().furthest()) {
        out.println(
            (markdown ? "- " : "  ")
                + String.format(
                    Locale.ROOT,
                    "%-48s %-20s %5s %s",
                    m.id(),
                    m.label().code(),
                    Numbers.score(m.score()),
                    m.tier()));
      }
    }
  }

  private static void row(
      PrintWriter out,
      boolean markdown,
      String name,
      List<Validation> runs,
      java.util.function.ToDoubleFunction<Metrics> f,
      boolean percent) {
    StringBuilder sb = new StringBuilder(markdown ? "| " + name : String.format("%-44s", name));
    for (Validation v : runs) {
      String r = fmt(f.applyAsDouble(v.residual()), percent);
      String i = fmt(f.applyAsDouble(v.inherent()), percent);
      sb.append(markdown ? " | " + r + " | " + i : String.format("  %-10s %-10s", r, i));
    }
    out.println(sb + (markdown ? " |" : ""));
  }

  private static String fmt(double v, boolean percent) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return percent ? Numbers.percent(v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
