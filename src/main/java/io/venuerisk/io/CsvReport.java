package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per event: id, name, date, start and end time (empty when not given), city, country,
 * residual score and tier, inherent score and tier, the top three findings (rule ids, strongest
 * first), the top three missing measures and the notes (where the reference data ends before the
 * event, joined by " | "), lists separated by {@code ;} as in the input CSV. Written by Jackson's
 * CSV module, so names with commas and quotes stay one cell.
 */
public final class CsvReport implements BatchReport {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "date",
          "startTime",
          "endTime",
          "city",
          "country",
          "score",
          "tier",
          "inherentScore",
          "inherentTier",
          "topFindings",
          "topMissingMeasures",
          "notes");

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final ObjectWriter ROW =
      CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n").withoutHeader());

  private Writer out;

  @Override
  public String row(Assessment a) {
    Scenario s = a.scenario();
    String findings =
        BatchReport.topFindings(a).stream().map(Finding::rule).collect(Collectors.joining(";"));
    return line(
        List.of(
            s.id(),
            s.name(),
            s.date().toString(),
            s.startTime() == null ? "" : s.startTime().toString(),
            s.endTime() == null ? "" : s.endTime().toString(),
            nz(s.city()),
            s.country(),
            Numbers.score(a.score()),
            a.tier().name(),
            Numbers.score(a.inherent().score()),
            a.inherent().tier().name(),
            findings,
            String.join(";", BatchReport.topMeasures(a)),
            String.join(" | ", a.notes())));
  }

  static String line(List<String> cells) {
    try {
      return ROW.writeValueAsString(cells.toArray(new String[0]));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void begin(Writer out) throws IOException {
    this.out = out;
    out.write(line(COLUMNS));
  }

  @Override
  public void add(String row) throws IOException {
    out.write(row);
  }

  @Override
  public void end(BatchSummary summary) {}
}
