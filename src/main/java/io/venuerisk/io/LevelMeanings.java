package io.venuerisk.io;

import io.venuerisk.model.Rating;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the likelihood and consequence levels a calendar report's rows use mean
 * (data/risk_levels.csv), gathered as the rows are rendered so that the report says each meaning
 * once instead of in every row.
 */
final class LevelMeanings {
  final Map<Integer, String> likelihood = new TreeMap<>();
  final Map<Integer, String> consequence = new TreeMap<>();

  void see(CalendarRow r) {
    see(likelihood, r.likelihood());
    see(likelihood, r.residualLikelihood());
    see(consequence, r.consequence());
  }

  private static void see(Map<Integer, String> levels, Rating r) {
    if (r.meaning() != null) {
      levels.putIfAbsent(r.level(), r.meaning());
    }
  }

  /** A Markdown section, or nothing when no row was rendered. */
  void write(Writer out) throws IOException {
    if (likelihood.isEmpty() && consequence.isEmpty()) {
      return;
    }
    out.write("\n## Levels\n\nThe likelihood and consequence levels the rows use:\n\n");
    out.write("| scale | level | meaning |\n|---|---:|---|\n");
    for (Map.Entry<Integer, String> e : likelihood.entrySet()) {
      out.write(
          "| likelihood | " + e.getKey() + " | " + MarkdownReport.cell(e.getValue()) + " |\n");
    }
    for (Map.Entry<Integer, String> e : consequence.entrySet()) {
      out.write(
          "| consequence | " + e.getKey() + " | " + MarkdownReport.cell(e.getValue()) + " |\n");
    }
  }
}
