package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report that opens offline: counts per tier, a stacked bar chart of events
 * per tier over time (inline SVG), a table that sorts on a click on its header (inline script), and
 * each event's findings and measures to add. No external stylesheet, font, script or image.
 */
public final class HtmlReport extends SpooledReport {
  static final String[] COLOURS = {"#2e7d32", "#00838f", "#f9a825", "#ef6c00", "#c62828"};

  @Override
  public String row(Assessment a) {
    Scenario s = a.scenario();
    StringBuilder sb = new StringBuilder(2048);
    sb.append("<tr><td>")
        .append(esc(s.id()))
        .append("</td><td>")
        .append(esc(s.name()))
        .append("</td><td>")
        .append(s.schedule());
    sb.append("</td><td>")
        .append(esc(s.city()))
        .append("</td><td>")
        .append(esc(s.country()))
        .append("</td><td class=\"num\">")
        .append(Numbers.score(a.score()))
        .append("</td><td data-v=\"")
        .append(a.tier().ordinal())
        .append("\"><span class=\"tier t")
        .append(a.tier().ordinal())
        .append("\">")
        .append(a.tier().name())
        .append("</span></td>")
        .append("<td class=\"num\">")
        .append(Numbers.score(a.inherent().score()))
        .append("</td><td data-v=\"")
        .append(a.inherent().tier().ordinal())
        .append("\"><span class=\"tier t")
        .append(a.inherent().tier().ordinal())
        .append("\">")
        .append(a.inherent().tier().name())
        .append("</span></td><td>");
    List<Finding> top = BatchReport.topFindings(a);
    sb.append("<details><summary>");
    for (int i = 0; i < top.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(esc(top.get(i).rule()));
    }
    sb.append(top.isEmpty() ? "no scoring rule matched" : "")
        .append(" <small>(")
        .append(a.findings().size())
        .append(" findings)</small></summary><ul>");
    for (Finding f : a.findings()) {
      sb.append("<li><b>")
          .append(Numbers.points(f.points()))
          .append("</b> ")
          .append(esc(f.factor().code()))
          .append(" ")
          .append(esc(f.rule()))
          .append(": ")
          .append(esc(f.rationale()))
          .append(" <small>[")
          .append(esc(String.join(" ", f.cites())))
          .append("]</small></li>");
    }
    sb.append("</ul>");
    if (!a.measuresWithoutEffect().isEmpty()) {
      sb.append("<p>In place without effect on these exposures:</p><ul>");
      for (MeasureWithoutEffect m : a.measuresWithoutEffect()) {
        sb.append("<li>")
            .append(m.measure().code())
            .append(": ")
            .append(esc(m.reason()))
            .append("</li>");
      }
      sb.append("</ul>");
    }
    if (!a.recommendedMeasures().isEmpty()) {
      sb.append("<p>Measures to add:</p><ul>");
      for (RecommendedMeasure m : a.recommendedMeasures()) {
        sb.append("<li><b>")
            .append(Numbers.points(-m.reduction()))
            .append("</b> ")
            .append(m.measure().code())
            .append(" <small>against ");
        for (int i = 0; i < m.reduces().size(); i++) {
          sb.append(i > 0 ? ", " : "").append(m.reduces().get(i).code());
        }
        sb.append("</small></li>");
      }
      sb.append("</ul>");
    }
    if (a.martynsLaw() != null) {
      sb.append(MartynsLawHtml.fragment(a.martynsLaw()));
    }
    for (String note : a.notes()) {
      sb.append("<p><small>Note: ").append(esc(note)).append("</small></p>");
    }
    sb.append("</details></td></tr>\n");
    return sb.toString();
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
            + "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:4px 6px;"
            + "text-align:left;vertical-align:top}th{cursor:pointer;background:#f3f3f3;user-select:none}"
            + "th:after{content:' \\2195';color:#999}td.num{text-align:right}\n"
            + ".cards{display:flex;gap:1em;margin:1em 0}.card{padding:.6em 1em;border-radius:6px;color:#fff;"
            + "min-width:7em}.card b{display:block;font-size:1.6em}\n"
            + ".tier{padding:1px 6px;border-radius:4px;color:#fff;font-size:.85em}\n");
    for (int i = 0; i < COLOURS.length; i++) {
      out.write(".t" + i + "{background:" + COLOURS[i] + "}\n");
    }
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
        ", "
            + summary.rejected()
            + " rejected records. Findings cite the guide's statement"
            + " ids; measures are what would bring each exposure down.</p>\n<div class=\"cards\">\n");
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
    out.write("<h2>Events</h2>\n");
    if (summary.shown() != summary.events()) {
      out.write(
          "<p>"
              + summary.shown()
              + " of "
              + summary.events()
              + " events are listed (--min-tier, --top).</p>\n");
    }
    out.write(
        "<p><small>Click a column header to sort; open a row's findings for the reasons and"
            + " the measures to add.</small></p>\n<table id=\"events\">\n<thead><tr>"
            + "<th>id</th><th>name</th><th>date</th><th>city</th><th>country</th>"
            + "<th data-num=\"1\">residual</th><th data-num=\"1\">tier</th>"
            + "<th data-num=\"1\">inherent</th><th data-num=\"1\">tier</th><th>findings and measures</th>"
            + "</tr></thead>\n<tbody>\n");
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
    out.write(
        "</tbody>\n</table>\n<script>\n"
            + "document.querySelectorAll('#events th').forEach(function (th, col) {\n"
            + "  th.addEventListener('click', function () {\n"
            + "    var body = document.querySelector('#events tbody');\n"
            + "    var asc = th.getAttribute('data-dir') !== 'asc';\n"
            + "    th.setAttribute('data-dir', asc ? 'asc' : 'desc');\n"
            + "    var num = th.hasAttribute('data-num');\n"
            + "    var key = function (row) {\n"
            + "      var cell = row.cells[col];\n"
            + "      var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;\n"
            + "      return num ? Number(v) : v.toLowerCase();\n"
            + "    };\n"
            + "    var rows = Array.prototype.slice.call(body.rows);\n"
            + "    rows.sort(function (a, b) {\n"
            + "      var x = key(a), y = key(b);\n"
            + "      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);\n"
            + "    });\n"
            + "    rows.forEach(function (r) { body.appendChild(r); });\n"
            + "  });\n"
            + "});\n</script>\n</body>\n</html>\n");
  }
}
