package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report that opens offline and stays usable at 100,000 events: counts per
 * tier, a stacked bar chart of events per tier over time (inline SVG), the reasons every event
 * shares, the table-coverage notes and the rejected records (each once), then the events. The
 * events are one compact JSON array in the page, strings that repeat (dates, venues, cities,
 * reasons) written once in a dictionary, and a small inline script shows them a page at a time,
 * with search, filters, sorting on a click on a column header, and roll-ups by month, city, venue
 * type and Martyn's Law tier of the events the filters keep. Each row has its likelihood and
 * consequence levels with their points and its uncertainty band; what the levels mean is written
 * once. The first {@link #DETAILS} rows carry their risk, findings, per-tactic table and measures
 * in full. No external stylesheet, font, script or image.
 */
public final class HtmlReport extends SpooledReport {
  static final String[] COLOURS = {"#2e7d32", "#00838f", "#f9a825", "#ef6c00", "#c62828"};

  /** Rows, from the top of the report, that carry their findings and measures in full. */
  public static final int DETAILS = 200;

  /** Strings kept in the dictionary at most; later new ones are written where they are used. */
  static final int DICTIONARY = 100_000;

  private final Map<String, Integer> dictionary = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private final LevelMeanings levels = new LevelMeanings();

  /** From the template src/main/jte/details.jte, as one line of HTML. */
  @Override
  String details(Assessment a) {
    List<Finding> reasons = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.exposure() == null) {
        reasons.add(f);
      }
    }
    // the most pressing first, as in the row's exposures cell
    List<ExposureSummary> exposures = new ArrayList<>(a.exposures());
    exposures.sort((x, y) -> Double.compare(y.residualPoints(), x.residualPoints()));
    return HtmlOutput.fragment(out -> JtedetailsGenerated.render(out, null, a, reasons, exposures));
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  void head(Writer out, BatchSummary summary) throws IOException {
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>Event calendar risk report</title>\n<style>\n"
            + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n"
            + "table{border-collapse:collapse}th,td{border-bottom:1px solid #ddd;padding:4px 6px;"
            + "text-align:left;vertical-align:top}#events{width:100%}#events>thead th{cursor:pointer;"
            + "background:#f3f3f3;user-select:none}#events>thead th:after{content:' \\2195';color:#999}"
            + "td.num{text-align:right}\n"
            + ".cards{display:flex;gap:1em;margin:1em 0}.card{padding:.6em 1em;border-radius:6px;color:#fff;"
            + "min-width:7em}.card b{display:block;font-size:1.6em}\n"
            + ".tier{padding:1px 6px;border-radius:4px;color:#fff;font-size:.85em}\n"
            + ".controls{display:flex;flex-wrap:wrap;gap:.5em;margin:.5em 0}"
            + ".rollups{display:flex;flex-wrap:wrap;gap:2em}.rollups table{font-size:.9em}\n");
    for (int i = 0; i < COLOURS.length; i++) {
      out.write(".t" + i + "{background:" + COLOURS[i] + "}\n");
    }
    out.write(
        "table.risk,table.tactics{font-size:.9em;margin:.3em 0}"
            + "#levels-legend{font-size:.85em;color:#444}\n");
    out.write("details summary{cursor:pointer}small{color:#666}\n</style>\n</head>\n<body>\n");
    out.write(
        "<h1>Event calendar risk report</h1>\n<p>Scored against the IS-K attack profile by"
            + " venue-risk: <b>"
            + summary.events()
            + "</b> events");
    if (!summary.inputs().isEmpty()) {
      out.write(" from " + esc(summary.inputs()));
    }
    out.write(
        ", <b>"
            + summary.rejected()
            + "</b> rejected records"
            + (summary.rejected() > 0 ? " (<a href=\"#rejected\">listed below</a>)" : "")
            + ". Findings cite the guide's statement ids; measures are what would bring each"
            + " exposure down.</p>\n<div class=\"cards\">\n");
    Tier[] tiers = Tier.values();
    for (int i = tiers.length - 1; i >= 0; i--) {
      out.write(
          "<div class=\"card t"
              + i
              + "\"><b>"
              + summary.count(tiers[i])
              + "</b>"
              + tiers[i].name()
              + "</div>\n");
    }
    out.write("</div>\n<h2>Events per tier over time</h2>\n");
    chart(out, summary);
    shared(out, summary);
    notes(out, summary);
    rejected(out, summary);
    out.write("<h2 id=\"list\">Events</h2>\n");
    if (summary.shown() != summary.events()) {
      out.write(
          "<p>"
              + summary.shown()
              + " of "
              + summary.events()
              + " events are listed (--min-tier, --top).</p>\n");
    }
    out.write(
        "<p><small>Highest risk first unless the report was asked for another order; click a"
            + " column header to sort. Risk is 0 to 100. Likelihood and consequence are levels 1 to"
            + " 5 (hover for their points and meanings): the likelihood with no measures, then with"
            + " the measures in place; the consequence is the same with and without them. The band"
            + " is the residual risk's range were the facts the input left unknown known, with the"
            + " field that moves it most. Reasons are the event's own (not shared by the calendar),"
            + " in points added to the likelihood or the consequence; exposures are the tactics the"
            + " event is open to, each with the consequence level of an attack by it and the"
            + " vulnerability the measures in place leave. The first "
            + DETAILS
            + " rows open to their risk, findings, per-tactic table and measures in full."
            + "</small></p>\n"
            + "<noscript><p><b>The list of events needs JavaScript (inline, nothing is loaded)."
            + "</b></p></noscript>\n"
            + "<div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"search id, name,"
            + " venue, city, reason\" size=\"32\" aria-label=\"search\">"
            + "<select id=\"f-tier\" aria-label=\"residual tier\"><option value=\"\">any tier</option>");
    for (int i = tiers.length - 1; i >= 0; i--) {
      out.write("<option value=\"" + i + "\">" + tiers[i].name() + " or higher</option>");
    }
    out.write(
        "</select><select id=\"f-ml\" aria-label=\"Martyn's Law tier\"></select>"
            + "<select id=\"f-month\" aria-label=\"month\"></select>"
            + "<select id=\"f-city\" aria-label=\"city\"></select>"
            + "<select id=\"f-type\" aria-label=\"venue type\"></select>"
            + "<span id=\"count\"></span></div>\n"
            + "<table id=\"events\">\n<thead><tr>"
            + "<th>#</th><th>date</th><th>event</th><th>venue</th><th>city</th>"
            + "<th data-num=\"1\">attendance</th><th data-num=\"1\">residual</th>"
            + "<th data-num=\"1\">inherent</th><th data-num=\"1\">likelihood</th>"
            + "<th data-num=\"1\">consequence</th><th data-num=\"1\">band</th>"
            + "<th>Martyn's Law tier</th><th>missing duties</th>"
            + "<th>reasons (points)</th><th>exposures (consequence, left)</th>"
            + "<th>measures to add</th><th>notes</th></tr></thead>\n<tbody></tbody>\n</table>\n"
            + "<ul id=\"levels-legend\"></ul>\n"
            + "<p class=\"controls\"><button id=\"prev\">previous</button>"
            + "<span id=\"page\"></span><button id=\"next\">next</button></p>\n"
            + "<h2>Roll-ups of the events the filters keep</h2>\n<div class=\"rollups\""
            + " id=\"rollups\"></div>\n"
            + "<script type=\"application/json\" id=\"rows\">[");
  }

  /** The reasons every event shares, once. */
  static void shared(Writer out, BatchSummary summary) throws IOException {
    Map<String, double[]> shared = summary.sharedDetail();
    if (shared.isEmpty()) {
      return;
    }
    out.write(
        "<h2>Reasons the calendar shares</h2>\n<p>Held by at least "
            + BatchSummary.SHARED_PERCENT
            + "% of the events, so they set none apart and are left out of the list:</p>\n"
            + "<table><thead><tr><th>rule</th><th>points</th><th>events</th></tr></thead><tbody>\n");
    for (Map.Entry<String, double[]> e : shared.entrySet()) {
      double[] v = e.getValue();
      out.write(
          "<tr><td>"
              + esc(e.getKey())
              + "</td><td>"
              + MarkdownReport.range(v[1], v[2])
              + "</td><td class=\"num\">"
              + (long) v[0]
              + " of "
              + summary.withFacts()
              + "</td></tr>\n");
    }
    out.write("</tbody></table>\n");
  }

  /** The table-coverage notes, once each; rows refer to them as N1, N2, ... */
  static void notes(Writer out, BatchSummary summary) throws IOException {
    List<String> notes = summary.notes();
    if (notes.isEmpty()) {
      return;
    }
    out.write(
        "<h2>Notes on the reference data</h2>\n<p><small>Rows refer to these by number.</small></p>"
            + "<ul>\n");
    for (int i = 0; i < notes.size(); i++) {
      out.write(
          "<li id=\"n"
              + (i + 1)
              + "\"><b>N"
              + (i + 1)
              + "</b> ("
              + Text.count(summary.noteCount(notes.get(i)), "event", "events")
              + "): "
              + esc(notes.get(i))
              + "</li>\n");
    }
    out.write("</ul>\n");
  }

  /** Every rejected record, with where it is and why. */
  static void rejected(Writer out, BatchSummary summary) throws IOException {
    if (summary.rejected() == 0) {
      return;
    }
    out.write(
        "<h2 id=\"rejected\">Rejected records</h2>\n<p>"
            + Text.count(summary.rejected(), "record", "records")
            + " could not be scored; the others were.</p>\n<table><thead><tr><th>file</th>"
            + "<th>line</th><th>record</th><th>problem</th></tr></thead><tbody>\n");
    summary
        .rejections()
        .rows(
            r ->
                out.write(
                    "<tr><td>"
                        + esc(r.file())
                        + "</td><td class=\"num\">"
                        + r.line()
                        + "</td><td class=\"num\">"
                        + r.record()
                        + "</td><td>"
                        + esc(r.problem())
                        + "</td></tr>\n"));
    out.write("</tbody></table>\n");
  }

  @Override
  void render(Writer out, CalendarRow r, long index, BatchSummary summary) throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append(index == 0 ? "\n[" : ",\n[");
    word(sb, r.dates()).append(',');
    json(sb, r.id()).append(',');
    json(sb, r.name()).append(',');
    word(sb, r.venue()).append(',');
    word(sb, r.city() == null ? "" : r.city() + (r.country() == null ? "" : ", " + r.country()))
        .append(',');
    word(sb, r.venueType()).append(',');
    sb.append(r.attendance()).append(',');
    sb.append(Numbers.score(r.score())).append(',').append(r.tier().ordinal()).append(',');
    sb.append(Numbers.score(r.inherent())).append(',').append(r.inherentTier().ordinal());
    sb.append(',');
    word(sb, r.martynsLawLabel()).append(',');
    word(sb, String.join(", ", r.missingDuties())).append(',');
    List<String> reasons = new ArrayList<>();
    for (CalendarRow.Reason x : r.distinct(summary)) {
      reasons.add(x.rule() + " " + Numbers.points(x.points()));
    }
    word(
            sb,
            reasons.isEmpty()
                ? (r.reasons().isEmpty() ? "none" : "only shared ones")
                : String.join(", ", reasons))
        .append(',');
    List<String> tactics = new ArrayList<>();
    for (CalendarRow.TacticRow t : r.tactics()) {
      tactics.add(
          t.exposure()
              + " (C"
              + t.consequence()
              + ", left "
              + Numbers.share(t.vulnerability())
              + ")");
    }
    word(sb, String.join(", ", tactics)).append(',');
    word(sb, String.join(", ", r.measures())).append(',');
    List<String> notes = new ArrayList<>();
    for (String n : r.notes()) {
      notes.add("N" + summary.noteNumber(n));
    }
    word(sb, String.join(" ", notes)).append(',');
    levels.see(r);
    sb.append(r.likelihood().level()).append(',');
    sb.append(Numbers.score(r.likelihood().points())).append(',');
    sb.append(r.residualLikelihood().level()).append(',');
    sb.append(Numbers.score(r.residualLikelihood().points())).append(',');
    sb.append(r.consequence().level()).append(',');
    sb.append(Numbers.score(r.consequence().points())).append(',');
    sb.append(Numbers.score(r.band().low())).append(',');
    sb.append(Numbers.score(r.band().high())).append(',');
    word(sb, r.band().field());
    if (index < DETAILS && r.details() != null) {
      sb.append(',');
      json(sb, r.details());
    }
    sb.append(']');
    out.write(sb.toString());
  }

  /** {"3":"possible: ...",...}: what each level the rows use means. */
  private static void meanings(StringBuilder sb, Map<Integer, String> levels) {
    sb.append('{');
    for (Map.Entry<Integer, String> e : levels.entrySet()) {
      sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",").append('"').append(e.getKey());
      json(sb.append("\":"), e.getValue());
    }
    sb.append('}');
  }

  /** A string that repeats: its number in the dictionary, or itself once the dictionary is full. */
  private StringBuilder word(StringBuilder sb, String s) {
    String v = s == null ? "" : s;
    Integer n = dictionary.get(v);
    if (n == null && words.size() < DICTIONARY) {
      n = words.size();
      dictionary.put(v, n);
      words.add(v);
    }
    return n == null ? json(sb, v) : sb.append(n.intValue());
  }

  /**
   * A JSON string safe inside a script element: {@code <}, {@code >} and {@code &} are escaped, so
   * no value can close the element.
   */
  static StringBuilder json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' ->
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** Stacked bars of events per tier, by day for a short calendar, else by month. */
  static void chart(Writer out, BatchSummary summary) throws IOException {
    Map<LocalDate, int[]> days = summary.byDay();
    if (days.isEmpty()) {
      out.write("<p>No events.</p>\n");
      return;
    }
    LocalDate first = days.keySet().iterator().next();
    LocalDate last = first;
    for (LocalDate d : days.keySet()) {
      last = d;
    }
    boolean byDay = ChronoUnit.DAYS.between(first, last) < 62;
    Map<LocalDate, int[]> buckets = new LinkedHashMap<>();
    LocalDate cursor = byDay ? first : first.withDayOfMonth(1);
    while (!cursor.isAfter(last)) {
      buckets.put(cursor, new int[Tier.values().length]);
      cursor = byDay ? cursor.plusDays(1) : cursor.plusMonths(1);
    }
    for (Map.Entry<LocalDate, int[]> e : days.entrySet()) {
      LocalDate key = byDay ? e.getKey() : e.getKey().withDayOfMonth(1);
      int[] b = buckets.get(key);
      for (int i = 0; i < b.length; i++) {
        b[i] += e.getValue()[i];
      }
    }
    int max = 1;
    for (int[] b : buckets.values()) {
      int sum = 0;
      for (int v : b) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    int width = 960;
    int height = 240;
    int left = 48;
    int bottom = 28;
    int plotW = width - left - 10;
    int plotH = height - bottom - 10;
    double bar = (double) plotW / buckets.size();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"events per tier ")
        .append(byDay ? "by day" : "by month")
        .append("\" font-size=\"11\">\n");
    svg.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(10 + plotH)
        .append("\" x2=\"")
        .append(left + plotW)
        .append("\" y2=\"")
        .append(10 + plotH)
        .append("\" stroke=\"#999\"/>\n");
    svg.append("<text x=\"")
        .append(left - 6)
        .append("\" y=\"16\" text-anchor=\"end\">")
        .append(max)
        .append("</text><text x=\"")
        .append(left - 6)
        .append("\" y=\"")
        .append(10 + plotH)
        .append("\" text-anchor=\"end\">0</text>\n");
    int labelEvery = Math.max(1, (int) Math.ceil(buckets.size() / 12.0));
    int index = 0;
    for (Map.Entry<LocalDate, int[]> e : buckets.entrySet()) {
      double x = left + index * bar;
      double y = 10 + plotH;
      int[] b = e.getValue();
      String label = byDay ? e.getKey().toString() : e.getKey().toString().substring(0, 7);
      for (int t = 0; t < b.length; t++) {
        if (b[t] == 0) {
          continue;
        }
        double h = (double) b[t] / max * plotH;
        y -= h;
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d %s</title></rect>\n",
                x + 0.5,
                y,
                Math.max(0.5, bar - 1),
                h,
                COLOURS[t],
                label,
                b[t],
                Tier.values()[t].name()));
      }
      if (index % labelEvery == 0) {
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                x + bar / 2,
                height - 10,
                byDay ? label.substring(5) : label));
      }
      index++;
    }
    svg.append("</svg>\n");
    out.write(svg.toString());
    out.write("<p><small>");
    Tier[] tiers = Tier.values();
    for (int i = tiers.length - 1; i >= 0; i--) {
      out.write("<span class=\"tier t" + i + "\">" + tiers[i].name() + "</span> ");
    }
    out.write(byDay ? "events by start day" : "events by start month");
    out.write("</small></p>\n");
  }

  @Override
  void tail(Writer out, BatchSummary summary) throws IOException {
    out.write("\n]</script>\n<script type=\"application/json\" id=\"words\">[");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      json(sb, words.get(i));
      if (sb.length() > 1 << 16) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    out.write(sb.toString());
    out.write("]</script>\n<script type=\"application/json\" id=\"levels\">");
    sb.setLength(0);
    sb.append("{\"likelihood\":");
    meanings(sb, levels.likelihood);
    sb.append(",\"consequence\":");
    meanings(sb, levels.consequence);
    out.write(sb.append('}').toString());
    out.write("</script>\n<script>\n");
    try (var in = HtmlReport.class.getResourceAsStream("calendar-report.js")) {
      out.write(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    out.write("</script>\n</body>\n</html>\n");
  }
}
