package io.venuerisk.io;

import io.venuerisk.model.CoverageEntry;
import io.venuerisk.reference.DataCoverage;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code venue-risk data}: every reference table with its rows, the period it covers (per country
 * for threat levels) and where its facts come from, as text, JSON or Markdown. The periods are
 * those of data/coverage.csv, the same that give a result its notes.
 */
public final class CoverageReport {
  private CoverageReport() {}

  public static void text(PrintWriter out, ReferenceData data) {
    DataCoverage c = data.coverage();
    int width = 0;
    for (String table : data.rowCounts().keySet()) {
      width = Math.max(width, c.path(table).length());
    }
    for (Map.Entry<String, Integer> t : data.rowCounts().entrySet()) {
      List<CoverageEntry> entries = c.entries(t.getKey());
      out.printf(
          "%-" + width + "s  %5d rows  %s%n", c.path(t.getKey()), t.getValue(), period(entries));
      for (CoverageEntry e : entries) {
        if (e.country() != null) {
          out.printf("    %s  %s to %s  %s%n", e.country(), e.from(), e.to(), e.source());
        } else {
          out.printf("    %s%n", e.source());
        }
      }
    }
    out.println();
    out.println(
        "An event outside a table's period gets a note naming the table and the date it ends"
            + " or starts.");
  }

  public static void markdown(PrintWriter out, ReferenceData data) {
    DataCoverage c = data.coverage();
    out.println("| table | rows | covers | source |");
    out.println("|---|---:|---|---|");
    for (Map.Entry<String, Integer> t : data.rowCounts().entrySet()) {
      List<CoverageEntry> entries = c.entries(t.getKey());
      boolean perCountry = entries.stream().anyMatch(e -> e.country() != null);
      if (!perCountry) {
        String source = entries.isEmpty() ? "" : entries.get(0).source();
        out.printf(
            "| %s | %d | %s | %s |%n",
            c.path(t.getKey()), t.getValue(), period(entries), cell(source));
        continue;
      }
      out.printf("| %s | %d | per country | |%n", c.path(t.getKey()), t.getValue());
      for (CoverageEntry e : entries) {
        out.printf("| | | %s: %s to %s | %s |%n", e.country(), e.from(), e.to(), cell(e.source()));
      }
    }
  }

  public record TableView(String file, int rows, List<CoverageView> coverage) {}

  /**
   * One period of a table; {@code country} is null for a table-wide period, dates null when
   * undated.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
  public record CoverageView(
      String country, String from, String to, String outside, String source) {}

  public record Json(List<TableView> tables) {}

  public static void json(PrintWriter out, ReferenceData data) throws IOException {
    DataCoverage c = data.coverage();
    List<TableView> tables = new java.util.ArrayList<>();
    for (Map.Entry<String, Integer> t : data.rowCounts().entrySet()) {
      List<CoverageView> cov = new java.util.ArrayList<>();
      for (CoverageEntry e : c.entries(t.getKey())) {
        cov.add(
            e.dated()
                ? new CoverageView(
                    e.country(), e.from().toString(), e.to().toString(), e.outside(), e.source())
                : new CoverageView(e.country(), null, null, null, e.source()));
      }
      tables.add(new TableView(c.path(t.getKey()), t.getValue(), cov));
    }
    io.venuerisk.io.Json.write(out, new Json(tables));
  }

  private static String period(List<CoverageEntry> entries) {
    if (entries.isEmpty()) {
      return "coverage not stated";
    }
    if (entries.stream().anyMatch(e -> e.country() != null)) {
      return "per country:";
    }
    CoverageEntry e = entries.get(0);
    return e.dated() ? e.from() + " to " + e.to() : "not dated";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
