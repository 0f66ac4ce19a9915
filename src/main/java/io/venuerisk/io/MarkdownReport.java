package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.Writer;

/** A Markdown report: counts per tier, then one table row per event with its top reasons. */
public final class MarkdownReport extends SpooledReport {
  @Override
  public String row(Assessment a) {
    Scenario s = a.scenario();
    StringBuilder findings = new StringBuilder();
    for (Finding f : BatchReport.topFindings(a)) {
      if (findings.length() > 0) {
        findings.append("<br>");
      }
      findings.append(cell(f.rule())).append(" (").append(Numbers.points(f.points())).append(")");
    }
    return "| "
        + cell(s.id())
        + " | "
        + cell(s.name())
        + " | "
        + (s.startTime() == null && s.endTime() == null ? s.date() : s.schedule())
        + " | "
        + cell(s.city())
        + " | "
        + s.country()
        + " | "
        + Numbers.score(a.score())
        + " "
        + a.tier().name()
        + " | "
        + Numbers.score(a.inherent().score())
        + " "
        + a.inherent().tier().name()
        + " | "
        + findings
        + " | "
        + String.join(", ", BatchReport.topMeasures(a))
        + " | "
        + cell(String.join("; ", a.notes()))
        + " |\n";
  }

  /** Text safe inside a table cell: no pipe, no line break, no inline HTML. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", " ")
        .replace("\n", " ");
  }

  @Override
  void head(Writer out, BatchSummary summary) throws IOException {
    out.write("# Event calendar risk report\n\n");
    out.write(
        "Scored against the IS-K attack profile by venue-risk: " + summary.events() + " events");
    if (!summary.inputs().isEmpty()) {
      out.write(" from " + cell(summary.inputs()));
    }
    out.write(", " + summary.rejected() + " rejected records.\n\n");
    out.write("| Tier | Events |\n|---|---:|\n");
    Tier[] tiers = Tier.values();
    for (int i = tiers.length - 1; i >= 0; i--) {
      out.write("| " + tiers[i].name() + " | " + summary.count(tiers[i]) + " |\n");
    }
    out.write("\n## Events\n\n");
    if (summary.shown() != summary.events()) {
      out.write(
          summary.shown()
              + " of "
              + summary.events()
              + " events are listed (--min-tier, --top).\n\n");
    }
    out.write(
        "| id | name | date | city | country | residual risk | inherent risk | top findings | measures to add | notes |\n");
    out.write("|---|---|---|---|---|---|---|---|---|---|\n");
  }

  @Override
  void tail(Writer out, BatchSummary summary) throws IOException {
    out.write("\nFindings cite the guide's statement ids; `venue-risk rules` lists every rule.\n");
  }
}
