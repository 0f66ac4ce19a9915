package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.cli.BatchCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar report a planner acts on, in every format: rows by risk, every rejected record with
 * its line and message, the Martyn's Law tier and missing duties as columns, only the reasons that
 * set an event apart per row, the shared ones and the notes once at the top.
 */
class CalendarReportTest {
  @TempDir static Path tmp;
  static Path calendar;

  /** A council's 2027 calendar: UK and German events, two bad rows (lines 4 and 7: date, type). */
  @BeforeAll
  static void write() throws Exception {
    calendar = tmp.resolve("council-2027.csv");
    Files.writeString(
        calendar,
        "id,name,date,venue.name,venue.type,venue.country,venue.city,event.type,"
            + "event.expectedAttendance,security.measures\n"
            + "m1,Farmers market,2027-03-06,Victoria Square,public_space,GB,Birmingham,market,1500,\n"
            + "c1,Arena concert,2027-05-01,Utilita Arena,arena,GB,Birmingham,concert,15000,"
            + "bag_search;cctv\n"
            + "bad1,Broken date,2027-13-01,Town Hall,concert_hall,GB,Birmingham,concert,1000,\n"
            + "r1,Remembrance,2027-11-14,Cenotaph,public_space,GB,Birmingham,commemoration,800,\n"
            + "k1,Cologne market,2027-12-01,Roncalliplatz,public_space,DE,Cologne,market,20000,\n"
            + "bad2,Unknown type,2027-06-01,Park,park,GB,Birmingham,concrt,500,\n"
            + "f1,Food festival,2027-07-10,Centenary Square,public_space,GB,Birmingham,festival,"
            + "6000,police_presence\n");
  }

  static Run batch(String... more) {
    List<String> args = new ArrayList<>(List.of(calendar.toString(), "--quiet"));
    args.addAll(List.of(more));
    return BatchCommandTest.run(args.toArray(new String[0]));
  }

  /** The CSV's rows of events as cells (no cell of this calendar holds a quoted comma). */
  /** A CSV column's index, by its name in the header. */
  static int col(String name) {
    return io.venuerisk.io.CsvReport.COLUMNS.indexOf(name);
  }

  static List<String[]> rows(Run r) {
    List<String[]> out = new ArrayList<>();
    for (String line : r.out().lines().skip(1).toList()) {
      if (!line.startsWith(",")) {
        out.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
      }
    }
    return out;
  }

  @Test
  void rowsAreSortedByResidualThenInherentRiskUnlessInputOrderIsAskedFor() {
    Run r = batch();
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.REJECTED);
    List<String[]> rows = rows(r);
    assertThat(rows).hasSize(5);
    for (int i = 1; i < rows.size(); i++) {
      double prev = Double.parseDouble(rows.get(i - 1)[col("score")]);
      double cur = Double.parseDouble(rows.get(i)[col("score")]);
      assertThat(cur).isLessThanOrEqualTo(prev);
      if (cur == prev) {
        assertThat(Double.parseDouble(rows.get(i)[col("inherentScore")]))
            .isLessThanOrEqualTo(Double.parseDouble(rows.get(i - 1)[col("inherentScore")]));
      }
    }
    assertThat(rows(batch("--sort", "input")).stream().map(c -> c[0]))
        .containsExactly("m1", "c1", "r1", "k1", "f1");
  }

  @Test
  void everyRejectedRecordIsListedWithItsLineInEveryFormat() throws Exception {
    Run csv = batch();
    assertThat(csv.out().lines().filter(l -> l.startsWith(",")))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).contains(calendar + ":4:").contains("record 3: date:"))
        .anySatisfy(l -> assertThat(l).contains(calendar + ":7:").contains("unknown venue type"));
    Run md = batch("--format", "md");
    assertThat(md.out())
        .contains("## Rejected records\n\n2 records could not be scored; the others were:")
        .containsPattern("\\| " + Pattern.quote(calendar.toString()) + " \\| 4 \\| 3 \\| date: ")
        .containsPattern(
            "\\| " + Pattern.quote(calendar.toString()) + " \\| 7 \\| 6 \\| venue.type: ");
    Run html = batch("--format", "html");
    assertThat(html.out())
        .contains("<h2 id=\"rejected\">Rejected records</h2>\n<p>2 records could not be scored;")
        .contains("<td class=\"num\">7</td><td class=\"num\">6</td><td>venue.type: unknown");
    Run jsonl = batch("--format", "jsonl");
    List<String> lines = jsonl.out().lines().toList();
    assertThat(lines).hasSize(7);
    ObjectMapper json = new ObjectMapper();
    JsonNode last = json.readTree(lines.get(6));
    assertThat(last.get("line").asInt()).isEqualTo(7);
    assertThat(last.get("detail").asText()).contains("unknown venue type 'park'");
    assertThat(json.readTree(lines.get(4)).has("score")).isTrue();
  }

  @Test
  void venueAttendanceAndTheMartynsLawTierAreColumnsAndNonUkRowsHaveNoTier() {
    List<String[]> rows = rows(batch("--sort", "input"));
    String[] concert = rows.get(1);
    assertThat(concert[col("venue")]).isEqualTo("Utilita Arena");
    assertThat(concert[col("attendance")]).isEqualTo("15000");
    assertThat(concert[col("martynsLawTier")]).isEqualTo("enhanced");
    assertThat(concert[col("martynsLawMissingDuties")]).contains("evacuation");
    String[] cologne = rows.get(3);
    assertThat(cologne[0]).isEqualTo("k1");
    assertThat(cologne[col("martynsLawTier")]).isEmpty();
    assertThat(cologne[col("martynsLawMissingDuties")]).isEmpty();
    assertThat(batch("--format", "md").out())
        .contains("| enhanced duty premises | ")
        .containsPattern("\\| k1 \\| Cologne market \\|[^\\n]*\\| n/a \\|");
  }

  @Test
  void sharedReasonsAndNotesAreSaidOnceAndRowsKeepWhatSetsThemApart() {
    Run md = batch("--format", "md");
    // every event is in Europe: the reason is the calendar's, said once
    assertThat(md.out()).contains("| GEO-EUROPE | +");
    assertThat(md.out().split("GEO-EUROPE", -1)).hasSize(2);
    for (String[] row : rows(batch())) {
      assertThat(row[col("reasonPoints")]).doesNotContain("GEO-EUROPE");
      // points and weights apart: reasons carry signed points, exposures a plain weight
      for (String reason :
          row[col("reasonPoints")].isEmpty()
              ? new String[0]
              : row[col("reasonPoints")].split(";")) {
        assertThat(reason).matches("[A-Z0-9-]+ [+-][0-9]+\\.[0-9]");
      }
      for (String exposure : row[col("exposureWeights")].split(";")) {
        assertThat(exposure).matches("[a-z_]+ [0-9.]+");
      }
    }
    // the 2027 events fall past the end of reference tables: each note once, rows refer to it
    assertThat(md.out()).contains("## Notes on the reference data").contains("- **N1** (");
    String note = md.out().lines().filter(l -> l.startsWith("- **N1**")).findFirst().orElseThrow();
    String text = note.substring(note.indexOf("): ") + 3);
    assertThat(md.out().split(Pattern.quote(text), -1)).hasSize(2);
    assertThat(md.out()).containsPattern("\\| N1[, |]");
  }

  @Test
  void csvForExcelStartsWithAByteOrderMarkOnRequest() {
    assertThat(batch("--csv-bom").out()).startsWith("\uFEFFid,name,");
    assertThat(batch("--excel").out()).startsWith("\uFEFFid,name,");
    assertThat(batch().out()).startsWith("id,name,");
  }
}
