package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert}: exit code, stdout and stderr for calendars good and bad. */
class ConvertCommandTest {
  static final String CAL = "scenarios/calendars/";

  @TempDir Path tmp;

  @Test
  void everyShippedCalendarConvertedScoresByteForByteAsTheOriginal() throws Exception {
    String[][] calendars = {
      {CAL + "euro-2024.csv", null},
      {CAL + "paris-2024-olympics.json", null},
      {CAL + "christmas-markets-2026.ics", CAL + "christmas-markets-venues.json"},
      {CAL + "hamburg-2026.jsonl", CAL + "hamburg-2026-venues.json"},
      {CAL + "birmingham-2026.ics", CAL + "birmingham-2026-venues.json"},
    };
    for (String[] c : calendars) {
      List<String> convert = new ArrayList<>(List.of("convert", c[0], "--to", "jsonl"));
      List<String> batch = new ArrayList<>(List.of("batch", c[0], "--format", "jsonl", "--quiet"));
      if (c[1] != null) {
        convert.addAll(List.of("--venues", c[1]));
        batch.addAll(List.of("--venues", c[1]));
      }
      CommandRun converted = CommandRun.of(convert.toArray(String[]::new));
      assertThat(converted.exit()).as(c[0] + ": " + converted.err()).isZero();
      assertThat(converted.clean()).isTrue();
      long events = converted.out().lines().count();
      assertThat(converted.err())
          .as(c[0])
          .endsWith(
              "venue-risk: " + events + " events written, 0 rejected" + warnings(c[0]) + "\n");
      Path jsonl = tmp.resolve(Path.of(c[0]).getFileName() + ".jsonl");
      Files.writeString(jsonl, converted.out());
      // no registry needed any more: each line holds its venue in full
      CommandRun again = CommandRun.of("batch", jsonl.toString(), "--format", "jsonl", "--quiet");
      CommandRun original = CommandRun.of(batch.toArray(String[]::new));
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).as(c[0]).isEqualTo(original.out());
    }
  }

  private static String warnings(String calendar) {
    return calendar.contains("birmingham") ? ", 1 warning" : "";
  }

  @Test
  void aRecurringCalendarIsWrittenOccurrenceByOccurrenceWithTheWarningOnStderr() throws Exception {
    Path out = tmp.resolve("birmingham.jsonl");
    CommandRun r =
        CommandRun.of(
            "convert",
            CAL + "birmingham-2026.ics",
            "--venues",
            CAL + "birmingham-2026-venues.json",
            "--to",
            "jsonl",
            "--out",
            out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: warning: scenarios/calendars/birmingham-2026.ics: record 3: RRULE: the"
                + " series goes on past 2028-01-01: only its 24 occurrences from 2026-01-02 are"
                + " scored (at most 500 occurrences, and none 2 years after DTSTART or later; see"
                + " docs/batch.md) (UID bham26-street-food-friday)\n"
                + "venue-risk: 69 events written, 0 rejected, 1 warning; wrote "
                + out
                + "\n");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(69);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"id\":\"bham26-farmers-market#2026-03-07\",\"name\":\"Farmers' market\","
                + "\"date\":\"2026-03-07\",\"endDate\":\"2026-03-07\",\"startTime\":\"09:00\","
                + "\"endTime\":\"15:00\",\"venue\":{\"id\":"
                + "\"bham-victoria-square\",\"name\":\"Victoria Square\",\"type\":\"public_space\","
                + "\"indoor\":false,\"capacity\":8000,\"city\":\"Birmingham\",\"country\":\"GB\"},"
                + "\"event\":{\"type\":\"market\",\"expectedAttendance\":1500},\"profile\":"
                + "{\"westernAttendees\":true},\"security\":{\"measures\":[\"cctv\","
                + "\"police_presence\"]}}");
  }

  @Test
  void rejectedRecordsAreOneLineEachOnStderrTheOthersWrittenAndExitCodeFive() throws Exception {
    List<String> rows = new ArrayList<>(Files.readAllLines(Path.of(CAL + "euro-2024.csv")));
    rows.set(3, rows.get(3).replace(",DE,", ",DX,"));
    rows.set(5, rows.get(5).replace("sporting_event", "sports_event"));
    Path bad = tmp.resolve("euro.csv");
    Files.write(bad, rows);
    CommandRun r = CommandRun.of("convert", bad.toString(), "--to", "jsonl");
    CommandRun batch = CommandRun.of("batch", bad.toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.clean()).isTrue();
    assertThat(r.out().lines()).hasSize(49);
    List<String> messages = r.err().lines().toList();
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0)).startsWith("venue-risk: " + bad + ":4: record 3: venue.country:");
    assertThat(messages.get(1)).startsWith("venue-risk: " + bad + ":6: record 5: event.type:");
    assertThat(messages.get(2)).isEqualTo("venue-risk: 49 events written, 2 rejected");
    // word for word what batch says of the same records
    assertThat(batch.err()).contains(messages.get(0)).contains(messages.get(1));
  }

  @Test
  void aFileInAnotherFormatThanItsNameIsOneErrorAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out.jsonl");
    Files.writeString(out, "previous\n");
    Path lines = tmp.resolve("hamburg.csv");
    Files.copy(Path.of(CAL + "hamburg-2026.jsonl"), lines);
    CommandRun r =
        CommandRun.of(
            "convert",
            lines.toString(),
            "--venues",
            CAL + "hamburg-2026-venues.json",
            "--to",
            "jsonl",
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: "
                + lines
                + ":1: the file holds a JSON Lines calendar (its first line is a JSON object), not a"
                + " CSV calendar; name it .jsonl or give --input-format jsonl\n");
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("out.jsonl", "hamburg.csv");
    }
    // read as what it holds, it converts
    CommandRun asJsonLines =
        CommandRun.of(
            "convert",
            lines.toString(),
            "--input-format",
            "jsonl",
            "--venues",
            CAL + "hamburg-2026-venues.json",
            "--to",
            "jsonl");
    assertThat(asJsonLines.exit()).as(asJsonLines.err()).isZero();
    assertThat(asJsonLines.out().lines()).hasSize(21);
  }

  @Test
  void usageErrorsAreExitCodeTwoWithTheNearestOptionOrWhatIsMissing() {
    CommandRun noTo = CommandRun.of("convert", CAL + "euro-2024.csv");
    assertThat(noTo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noTo.out()).isEmpty();
    assertThat(noTo.err())
        .isEqualTo(
            "venue-risk convert: missing required option: '--to=FORMAT'; see 'venue-risk convert"
                + " --help'\n");
    CommandRun toCsv = CommandRun.of("convert", CAL + "euro-2024.csv", "--to", "csv");
    assertThat(toCsv.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(toCsv.err()).contains("--to").contains("jsonl");
    CommandRun ics = CommandRun.of("convert", CAL + "birmingham-2026.ics", "--to", "jsonl");
    assertThat(ics.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(ics.err())
        .isEqualTo(
            "venue-risk convert: iCalendar events name their venue in LOCATION: give the venue"
                + " registry with --venues FILE; see 'venue-risk convert --help'\n");
    CommandRun ext = CommandRun.of("convert", "README.md", "--to", "jsonl");
    assertThat(ext.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(ext.err()).contains("cannot tell the format of README.md");
  }

  @Test
  void aMissingCalendarIsExitCodeThreeAndAnUnwritableOutIsSeven() {
    CommandRun missing = CommandRun.of("convert", "nowhere.csv", "--to", "jsonl");
    assertThat(missing.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).isEqualTo("venue-risk: nowhere.csv: no such file\n");
    CommandRun unwritable =
        CommandRun.of(
            "convert",
            CAL + "euro-2024.csv",
            "--to",
            "jsonl",
            "--out",
            tmp.resolve("no/such/folder/out.jsonl").toString());
    assertThat(unwritable.exit()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(unwritable.err()).contains("no such folder").doesNotContain("\tat ");
  }
}
