package io.venuerisk.io;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>The markup is in templates, src/main/jte: page.jte (the page, with the stylesheet report.css
 * and the script calendar-report.js inlined from this package's resources), chart.jte (from {@link
 * Chart}), details.jte and risk-row.jte (an event's details), martyns-law.jte and rejected-row.jte.
 * This class gives them their values and writes the JSON data the script reads.
 */
public final class HtmlReport extends SpooledReport {
  /** The page's stylesheet, inlined: one file, src/main/resources/io/venuerisk/io/report.css. */
  static final String STYLESHEET = resource("report.css");

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

  @Override
  void write(Writer out, BatchSummary summary, Rows rows) throws IOException {
    List<Shared> shared = new ArrayList<>();
    for (Map.Entry<String, double[]> e : summary.sharedDetail().entrySet()) {
      double[] v = e.getValue();
      shared.add(new Shared(e.getKey(), v[1], v[2], (long) v[0]));
    }
    Page page =
        new Page(
            summary,
            STYLESHEET,
            Chart.of(summary),
            shared,
            content(
                o -> summary.rejections().rows(r -> JterejectedrowGenerated.render(o, null, r))),
            content(o -> rows.each((r, n) -> render(out, r, n, summary))),
            content(o -> words(out)),
            content(o -> levels(out)),
            resource("calendar-report.js"));
    HtmlOutput.page(out, o -> JtepageGenerated.render(o, null, page));
  }

  /**
   * What page.jte shows: the summary, the stylesheet and script it inlines, the chart, the reasons
   * the calendar shares, and what it writes as it goes: the rejected records and the data the
   * script reads (the rows, the dictionary of their words, what their levels mean).
   */
  record Page(
      BatchSummary summary,
      String stylesheet,
      Chart chart,
      List<Shared> shared,
      Content rejected,
      Content rows,
      Content words,
      Content levels,
      String script) {}

  /** A reason the calendar shares: its rule, its lowest and highest points, its events. */
  record Shared(String rule, double low, double high, long events) {}

  /**
   * A part of the page that the Java side writes when the template gets to it. The JSON data write
   * to the page's writer itself: the template's output goes straight to it, unbuffered
   * (HtmlOutput.page), so they land where the template stands.
   */
  @FunctionalInterface
  private interface Part {
    void write(HtmlTemplateOutput out) throws IOException;
  }

  private static Content content(Part part) {
    return o -> {
      try {
        part.write((HtmlTemplateOutput) o);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static String resource(String name) {
    try (var in = HtmlReport.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** The dictionary of the rows' repeated strings, as a JSON array's items. */
  private void words(Writer out) throws IOException {
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
  }

  /** {"likelihood":{...},"consequence":{...}}: what each level the rows use means. */
  private void levels(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"likelihood\":");
    meanings(sb, levels.likelihood);
    sb.append(",\"consequence\":");
    meanings(sb, levels.consequence);
    out.write(sb.append('}').toString());
  }
}
