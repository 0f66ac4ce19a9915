package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row per event with the columns of {@link #COLUMNS} (docs/batch.md, "Outputs"), then one row
 * per rejected record with only {@code rejected} filled in: the message stderr gives, with its
 * file, line and record. Lists in a cell are separated by {@code ;} as in the input CSV; a reason
 * carries its points, an exposure its weight, in columns of their own. The likelihood, consequence,
 * band and per-tactic columns come after {@code rejected}, so that formulas written against the
 * earlier columns keep their column letters. Written by Jackson's CSV module, so names with commas
 * and quotes stay one cell; with a byte order mark on request, for Excel to read it as UTF-8.
 */
public final class CsvReport extends SpooledReport {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "date",
          "endDate",
          "startTime",
          "endTime",
          "venue",
          "venueType",
          "city",
          "country",
          "attendance",
          "score",
          "tier",
          "inherentScore",
          "inherentTier",
          "martynsLawTier",
          "martynsLawMissingDuties",
          "reasonPoints",
          "exposureWeights",
          "topMissingMeasures",
          "notes",
          "rejected",
          "likelihood",
          "likelihoodPoints",
          "consequence",
          "consequencePoints",
          "residualLikelihood",
          "residualLikelihoodPoints",
          "bandLow",
          "bandHigh",
          "bandField",
          "tactics");

  /** Where a rejected record's message goes: the columns after it came later and stay empty. */
  private static final int REJECTED = COLUMNS.indexOf("rejected");

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final ObjectWriter ROW =
      CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n").withoutHeader());

  private final boolean bom;

  public CsvReport() {
    this(false);
  }

  /**
   * @param bom whether the file starts with a UTF-8 byte order mark (Excel otherwise reads UTF-8
   *     names in the locale's code page)
   */
  public CsvReport(boolean bom) {
    this.bom = bom;
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
  void head(Writer out, BatchSummary summary) throws IOException {
    if (bom) {
      out.write('\uFEFF');
    }
    out.write(line(COLUMNS));
  }

  @Override
  void render(Writer out, CalendarRow r, long index, BatchSummary summary) throws IOException {
    List<String> reasons = new ArrayList<>();
    for (CalendarRow.Reason x : r.distinct(summary)) {
      reasons.add(x.rule() + " " + Numbers.points(x.points()));
    }
    List<String> weights = new ArrayList<>();
    for (CalendarRow.Weight w : r.exposures()) {
      weights.add(w.exposure() + " " + Numbers.plain(w.weight()));
    }
    List<String> tactics = new ArrayList<>();
    for (CalendarRow.TacticRow t : r.tactics()) {
      tactics.add(t.compact());
    }
    out.write(
        line(
            List.of(
                r.id(),
                nz(r.name()),
                r.date(),
                r.endDate(),
                r.startTime() == null ? "" : r.startTime(),
                r.endTime() == null ? "" : r.endTime(),
                nz(r.venue()),
                nz(r.venueType()),
                nz(r.city()),
                nz(r.country()),
                Integer.toString(r.attendance()),
                Numbers.score(r.score()),
                r.tier().name(),
                Numbers.score(r.inherent()),
                r.inherentTier().name(),
                r.martynsLaw() == null ? "" : r.martynsLaw().code(),
                String.join(";", r.missingDuties()),
                String.join(";", reasons),
                String.join(";", weights),
                String.join(";", r.measures()),
                String.join(" | ", r.notes()),
                "",
                Integer.toString(r.likelihood().level()),
                Numbers.score(r.likelihood().points()),
                Integer.toString(r.consequence().level()),
                Numbers.score(r.consequence().points()),
                Integer.toString(r.residualLikelihood().level()),
                Numbers.score(r.residualLikelihood().points()),
                Numbers.score(r.band().low()),
                Numbers.score(r.band().high()),
                nz(r.band().field()),
                String.join(";", tactics))));
  }

  @Override
  void tail(Writer out, BatchSummary summary) throws IOException {
    List<String> empty = Collections.nCopies(COLUMNS.size(), "");
    summary
        .rejections()
        .each(
            p -> {
              List<String> cells = new ArrayList<>(empty);
              cells.set(REJECTED, p.get("detail").asText());
              try {
                out.write(line(cells));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
