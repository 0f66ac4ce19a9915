package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A shipped calendar saved as a spreadsheet saves CSV (BOM, CRLF, ';' or tab, TRUE/FALSE, quoted
 * cells) scores byte for byte as the same calendar in JSON Lines.
 */
class SpreadsheetCsvTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} with ''{2}''")
  @CsvSource(
      delimiterString = "|",
      value = {
        "scenarios/calendars/euro-2024.csv||;",
        "scenarios/calendars/hamburg-2026.jsonl|scenarios/calendars/hamburg-2026-venues.json|;",
        "scenarios/calendars/paris-2024-olympics.json||tab"
      })
  void aSpreadsheetCsvScoresExactlyLikeTheSameCalendarInJsonLines(
      String calendar, String venues, String sep) throws Exception {
    String delimiter = sep.equals("tab") ? "\t" : sep;
    List<Scenario> cal = BatchCommandTest.read(calendar, venues);
    CalendarFiles.writeAll(cal, tmp);
    Path csv = tmp.resolve("excel.csv");
    CalendarFiles.writeSpreadsheetCsv(cal, csv, delimiter.charAt(0));
    String text = Files.readString(csv);
    assertThat(text).startsWith("\uFEFF\"id\"" + delimiter).contains("\r\n");
    if (text.contains("TRUE") || text.contains("FALSE")) {
      assertThat(text).doesNotContain(delimiter + "true" + delimiter);
    }
    CommandRun lines =
        CommandRun.of("batch", "--quiet", "--format", "jsonl", tmp.resolve("cal.jsonl").toString());
    CommandRun sheet = CommandRun.of("batch", "--quiet", "--format", "jsonl", csv.toString());
    assertThat(lines.exit()).as(lines.err()).isZero();
    assertThat(sheet.exit()).as(sheet.err()).isZero();
    assertThat(sheet.out()).isNotEmpty().isEqualTo(lines.out());
  }
}
