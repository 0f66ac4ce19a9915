package io.venuerisk.io;

import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Markdown report: counts per tier, the reasons every event shares and the table-coverage notes
 * (each once), the rejected records, then one table row per event with what sets it apart, then
 * what the likelihood and consequence levels the rows use mean.
 */
public final class MarkdownReport extends SpooledReport {
  private final LevelMeanings levels = new LevelMeanings();

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
    shared(out, summary);
    notes(out, summary);
    rejected(out, summary);
    out.write("\n## Events\n\n");
    if (summary.shown() != summary.events()) {
      out.write(
          summary.shown()
              + " of "
              + summary.events()
              + " events are listed (--min-tier, --top).\n\n");
    }
    out.write(
        "Risk is 0 to 100. Likelihood and consequence are levels 1 to 5 with their points (10"
            + " points double the odds or the harm; the levels' meanings are under the table):"
            + " likelihood with no measures -> with the measures in place; the consequence is the"
            + " same with and without them. The band is the residual risk's range were the facts"
            + " the input left unknown known, and the field that moves it most. Reasons are the"
            + " event's own (not shared by the calendar), in points added to the likelihood or the"
            + " consequence. Exposures are the tactics the event is open to, each with how much the"
            + " region's attackers use it relative to their most used one, the people it can reach,"
            + " the consequence level of an attack by it, the vulnerability the measures in place"
            + " leave, and its risk points with no measures -> with them; the measures that answer"
            + " each are in the JSON Lines and HTML reports.\n\n");
    out.write(
        "| date | id | name | venue | city | attendance | residual risk | inherent risk"
            + " | likelihood | consequence | band"
            + " | Martyn's Law tier | missing duties | reasons (points) | exposures"
            + " | measures to add | notes |\n");
    out.write("|---|---|---|---|---|---:|---|---|---|---|---|---|---|---|---|---|---|\n");
  }

  static void shared(Writer out, BatchSummary summary) throws IOException {
    Map<String, double[]> shared = summary.sharedDetail();
    if (shared.isEmpty()) {
      return;
    }
    out.write(
        "\n## Reasons the calendar shares\n\nHeld by at least "
            + BatchSummary.SHARED_PERCENT
            + "% of the events, so they set none apart and are left out of the rows:\n\n");
    out.write("| rule | points | events |\n|---|---|---:|\n");
    for (Map.Entry<String, double[]> e : shared.entrySet()) {
      double[] v = e.getValue();
      out.write(
          "| "
              + cell(e.getKey())
              + " | "
              + range(v[1], v[2])
              + " | "
              + (long) v[0]
              + " of "
              + summary.withFacts()
              + " |\n");
    }
  }

  /** "+8.0", or "+4.0 to +8.0". */
  static String range(double low, double high) {
    return low == high ? Numbers.points(low) : Numbers.points(low) + " to " + Numbers.points(high);
  }

  static void notes(Writer out, BatchSummary summary) throws IOException {
    List<String> notes = summary.notes();
    if (notes.isEmpty()) {
      return;
    }
    out.write(
        "\n## Notes on the reference data\n\nRows refer to these by number (N1, N2, ...).\n\n");
    for (int i = 0; i < notes.size(); i++) {
      out.write(
          "- **N"
              + (i + 1)
              + "** ("
              + Text.count(summary.noteCount(notes.get(i)), "event", "events")
              + "): "
              + cell(notes.get(i))
              + "\n");
    }
  }

  static void rejected(Writer out, BatchSummary summary) throws IOException {
    if (summary.rejected() == 0) {
      return;
    }
    out.write(
        "\n## Rejected records\n\n"
            + Text.count(summary.rejected(), "record", "records")
            + " could not be scored; the others were:\n\n");
    out.write("| file | line | record | problem |\n|---|---:|---:|---|\n");
    summary
        .rejections()
        .rows(
            r ->
                out.write(
                    "| "
                        + cell(r.file())
                        + " | "
                        + r.line()
                        + " | "
                        + r.record()
                        + " | "
                        + cell(r.problem())
                        + " |\n"));
  }

  @Override
  void render(Writer out, CalendarRow r, long index, BatchSummary summary) throws IOException {
    StringBuilder reasons = new StringBuilder();
    for (CalendarRow.Reason x : r.distinct(summary)) {
      reasons.append(reasons.length() > 0 ? "<br>" : "");
      reasons.append(cell(x.rule())).append(" ").append(Numbers.points(x.points()));
    }
    StringBuilder tactics = new StringBuilder();
    for (CalendarRow.TacticRow t : r.tactics()) {
      if (tactics.length() > 0) {
        tactics.append("<br>");
      }
      tactics.append(t.words());
    }
    levels.see(r);
    List<String> notes = new ArrayList<>();
    for (String n : r.notes()) {
      notes.add("N" + summary.noteNumber(n));
    }
    out.write(
        "| "
            + r.dates()
            + " | "
            + cell(r.id())
            + " | "
            + cell(r.name())
            + " | "
            + cell(r.venue())
            + " | "
            + cell(r.city())
            + (r.country() == null ? "" : " " + r.country())
            + " | "
            + r.attendance()
            + " | "
            + Numbers.score(r.score())
            + " "
            + r.tier().name()
            + " | "
            + Numbers.score(r.inherent())
            + " "
            + r.inherentTier().name()
            + " | "
            + r.likelihoodText()
            + " | "
            + CalendarRow.level(r.consequence())
            + " | "
            + r.bandText()
            + " | "
            + r.martynsLawLabel()
            + " | "
            + String.join(", ", r.missingDuties())
            + " | "
            + (reasons.length() > 0 ? reasons : r.reasons().isEmpty() ? "none" : "only shared ones")
            + " | "
            + tactics
            + " | "
            + String.join(", ", r.measures())
            + " | "
            + String.join(", ", notes)
            + " |\n");
  }

  @Override
  void tail(Writer out, BatchSummary summary) throws IOException {
    levels.write(out);
    out.write("\nReasons cite the guide's statement ids; `venue-risk rules` lists every rule.\n");
  }
}
