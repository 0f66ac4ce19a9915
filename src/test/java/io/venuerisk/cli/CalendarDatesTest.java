package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates as spreadsheets write them (docs/batch.md, "Dates"): D/M/YYYY and M/D/YYYY in the order the
 * file or --date-order gives, unpadded ISO and Excel date serials, each reading reported once.
 */
class CalendarDatesTest {
  static final String HEADER =
      "id,name,date,venue.name,venue.type,venue.capacity,venue.city,venue.country,event.type,"
          + "event.expectedAttendance\n";

  @TempDir Path tmp;

  static String row(String id, String date) {
    return id + ",Event " + id + "," + date + ",Square,public_space,5000,Leeds,GB,market,3000\n";
  }

  Path csv(String name, String... dates) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < dates.length; i++) {
      sb.append(row("ev-" + (i + 1), dates[i]));
    }
    Path p = tmp.resolve(name);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void aUkExcelExportIsReadDayFirstBecauseADayAbove12SettlesIt() throws IOException {
    // the ambiguous date comes first: the order is found from the whole file before reading
    Path f = csv("uk.csv", "5/6/2027", "31/12/2027");
    CommandRun r = CommandRun.of("batch", "--quiet", "--format", "jsonl", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"date\":\"2027-06-05\"").contains("\"date\":\"2027-12-31\"");
    assertThat(r.err())
        .contains(
            "venue-risk: warning: "
                + f
                + ": 2 records: date: read as day/month/year ('5/6/2027' as 2027-06-05)\n");
  }

  @Test
  void aFileWhoseDatesCouldBeEitherOrderIsOneErrorUntilDateOrderIsGiven() throws IOException {
    Path f = csv("amb.csv", "5/6/2027", "7/8/2027");
    CommandRun r = CommandRun.of("batch", "--quiet", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: "
                + f
                + ": dates such as '5/6/2027' (record 1) could be day/month/year or"
                + " month/day/year, and no date in the file has a day above 12 to tell: add"
                + " --date-order dmy or --date-order mdy\n");
    CommandRun us =
        CommandRun.of("batch", "--quiet", "--format", "jsonl", "--date-order", "mdy", f.toString());
    assertThat(us.exit()).as(us.err()).isZero();
    assertThat(us.out()).contains("\"date\":\"2027-05-06\"").contains("\"date\":\"2027-07-08\"");
  }

  @Test
  void datesInBothOrdersAreOneErrorNamingOneOfEach() throws IOException {
    Path f = csv("mixed.csv", "31/12/2027", "12/31/2027");
    CommandRun r = CommandRun.of("convert", "--to", "jsonl", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .contains(
            "mixed.csv: dates in both orders: '31/12/2027' (record 1) can only be day/month/year"
                + " and '12/31/2027' (record 2) only month/day/year");
  }

  @Test
  void whenEveryRecordFailsTheSameWayOneLineSaysSoAndNoReportIsWritten() throws IOException {
    Path f = csv("uk.csv", "13/12/2027", "14/12/2027", "31/12/2027");
    Path out = tmp.resolve("report.csv");
    CommandRun r =
        CommandRun.of(
            "batch", "--quiet", "--date-order", "mdy", "--out", out.toString(), f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(out).doesNotExist();
    String[] lines = r.err().split("\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[0])
        .isEqualTo(
            "venue-risk: "
                + f
                + ":2: record 1: date: '13/12/2027' is not a date in month/day/year order"
                + " (--date-order mdy); it looks like day/month/year: give --date-order dmy");
    assertThat(lines[3])
        .isEqualTo(
            "venue-risk: 3 of 3 records: date: '13/12/2027' is not a date in month/day/year order"
                + " (--date-order mdy); it looks like day/month/year: give --date-order dmy");
    assertThat(lines[4])
        .startsWith("venue-risk: 0 events scored, 3 rejected, ")
        .endsWith("s; no report written, since no record could be scored (" + out + " untouched)");
  }

  @Test
  void unpaddedIsoAndExcelSerialsAreReadAndReported() throws IOException {
    Path f = csv("serial.csv", "46387", "2027-6-5", "46387.5", "99999999");
    CommandRun r = CommandRun.of("convert", "--to", "jsonl", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.out()).contains("\"date\":\"2026-12-31\"").contains("\"date\":\"2027-06-05\"");
    assertThat(r.err())
        .contains(
            f
                + ":4: record 3: date: '46387.5' is an Excel date serial with a time of day;"
                + " format the column as a date (the day alone)")
        .contains(
            f
                + ":5: record 4: date: '99999999' is not a date; expected ISO-8601 YYYY-MM-DD such"
                + " as 2026-12-20, D/M/YYYY, M/D/YYYY or an Excel date serial from 36526"
                + " (2000-01-01) to 73415 (2100-12-31)")
        .contains(
            "warning: "
                + f
                + ": 1 record: date: read as an Excel date serial, 1900 date system ('46387' as"
                + " 2026-12-31)")
        .contains(
            "warning: "
                + f
                + ": 1 record: date: '2027-6-5' read as 2027-06-05 (a date without leading"
                + " zeros)");
  }

  @Test
  void aScenarioFileStaysStrictIso() throws IOException {
    Path f = tmp.resolve("one.json");
    Files.writeString(
        f,
        "{\"id\": \"a\", \"name\": \"A\", \"date\": \"5/6/2027\", \"venue\": {\"type\":"
            + " \"public_space\", \"country\": \"GB\", \"capacity\": 100}, \"event\": {\"type\":"
            + " \"market\"}}");
    CommandRun r = CommandRun.of("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("date: '5/6/2027' is not a date; expected ISO-8601 YYYY-MM-DD");
  }
}
