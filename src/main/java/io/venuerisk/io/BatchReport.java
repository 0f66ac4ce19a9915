package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.RecommendedMeasure;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One output format of {@code batch}. {@link #row} turns an assessment into its text and runs on
 * the scoring threads, so it must only read its argument; {@link #begin}, {@link #add} and {@link
 * #end} run one at a time, in output order. {@link #end} gets the summary: the counts, the reasons
 * the calendar shares, the notes and the rejected records, which every format lists.
 */
public interface BatchReport {
  /** Findings and measures per event in the short formats (CSV, Markdown, the HTML table). */
  int TOP = 3;

  String row(Assessment a);

  void begin(Writer out) throws IOException;

  void add(String row) throws IOException;

  void end(BatchSummary summary) throws IOException;

  /**
   * The strongest reasons for the risk, at most {@link #TOP}: findings of likelihood and
   * consequence (an exposure's weight says how the measures count, not why the event is at risk).
   */
  static List<Finding> topFindings(Assessment a) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.points() > 0 && f.exposure() == null && out.size() < TOP) {
        out.add(f);
      }
    }
    return out;
  }

  /** The measures to add that take off most points, at most {@link #TOP}. */
  static List<String> topMeasures(Assessment a) {
    List<String> out = new ArrayList<>();
    for (RecommendedMeasure m : a.recommendedMeasures()) {
      if (out.size() < TOP) {
        out.add(m.measure().code());
      }
    }
    return out;
  }

  /** A report for a format name. */
  static BatchReport of(String format) {
    return of(format, false);
  }

  /**
   * A report for a format name; {@code bom}: a CSV report starts with a UTF-8 byte order mark, for
   * Excel.
   */
  static BatchReport of(String format, boolean bom) {
    return of(format, bom, true);
  }

  /** A report for a format name; {@code indent}: false for a JSON report on one line. */
  static BatchReport of(String format, boolean bom, boolean indent) {
    return switch (format) {
      case "csv" -> new CsvReport(bom);
      case "jsonl" -> new JsonLinesReport();
      case "json" -> new JsonReport(indent);
      case "md" -> new MarkdownReport();
      case "html" -> new HtmlReport();
      default -> throw new IllegalArgumentException("unknown report format " + format);
    };
  }
}
