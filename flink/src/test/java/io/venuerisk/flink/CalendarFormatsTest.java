package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reads every calendar format batch reads, with batch's readers: the same results, the same
 * rejected messages, the same warnings; a file in another format than its name says is one message,
 * not one per line.
 */
class CalendarFormatsTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  static final String CAL = "../scenarios/calendars/";

  @TempDir Path dir;

  @Test
  void everyExampleCalendarInEveryFormatGivesBatchsResultsAndWarnings() throws Exception {
    // one registry for the calendars that name venues: their ids and names do not overlap
    ObjectMapper json = new ObjectMapper();
    ArrayNode all = json.createArrayNode();
    for (String r :
        List.of(
            "christmas-markets-venues.json",
            "hamburg-2026-venues.json",
            "birmingham-2026-venues.json")) {
      all.addAll((ArrayNode) json.readTree(Path.of(CAL + r).toFile()));
    }
    Path venues = dir.resolve("venues.json");
    json.writeValue(venues.toFile(), all);
    List<String> calendars =
        List.of(
            CAL + "euro-2024.csv",
            CAL + "paris-2024-olympics.json",
            CAL + "christmas-markets-2026.ics",
            CAL + "hamburg-2026.jsonl",
            CAL + "birmingham-2026.ics");
    List<String> batchArgs = new ArrayList<>(calendars);
    batchArgs.addAll(List.of("--venues", venues.toString()));
    Runs.Run batch = Runs.batch(dir.resolve("batch.jsonl"), batchArgs.toArray(String[]::new));
    assertThat(batch.exit()).as(batch.err()).isZero();

    List<String> job = new ArrayList<>();
    for (String c : calendars) {
      job.addAll(List.of("--input", c));
    }
    Path out = dir.resolve("out");
    job.addAll(
        List.of("--venues", venues.toString(), "--output", out.toString(), "--parallelism", "2"));
    Runs.Run run = Runs.flink(job.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains(" results, 0 rejected, 1 warning, ");
    var expected = Runs.byId(dir.resolve("batch.jsonl"));
    assertThat(expected).hasSize(51 + 21 + 14 + 21 + 69);
    Runs.assertSameResults(expected, Runs.results(out));
    // the recurring series cut at the window: batch's warning, word for word
    List<String> warned =
        batch
            .err()
            .lines()
            .filter(l -> l.startsWith("venue-risk: warning: "))
            .map(l -> l.substring("venue-risk: warning: ".length()))
            .toList();
    assertThat(warned).hasSize(1);
    assertThat(Runs.parts(out.resolve("warnings"))).isEqualTo(warned);
    assertThat(Runs.parts(out.resolve("rejected"))).isEmpty();
  }

  @Test
  void aFileInAnotherFormatThanItsNameIsOneMessageNotOnePerLine() throws Exception {
    Path csvAsLines = dir.resolve("euro.jsonl");
    Files.copy(Path.of(CAL + "euro-2024.csv"), csvAsLines);
    Path linesAsCsv = dir.resolve("hamburg.csv");
    Files.copy(Path.of(CAL + "hamburg-2026.jsonl"), linesAsCsv);
    String venues = CAL + "hamburg-2026-venues.json";
    List<String> expected = new ArrayList<>();
    for (Path p : List.of(csvAsLines, linesAsCsv)) {
      Runs.Run refused = Runs.batch(dir.resolve("refused.jsonl"), p.toString(), "--venues", venues);
      assertThat(refused.exit()).as(refused.err()).isEqualTo(3);
      expected.addAll(Runs.batchRejections(refused));
    }
    assertThat(expected).hasSize(2);
    assertThat(expected.get(0)).contains("the file holds a CSV calendar");
    Path out = dir.resolve("out");
    Runs.Run job =
        Runs.flink(
            "--input",
            csvAsLines.toString(),
            "--input",
            linesAsCsv.toString(),
            "--input",
            CAL + "paris-2024-olympics.json",
            "--venues",
            venues,
            "--output",
            out.toString(),
            "--parallelism",
            "2");
    assertThat(job.exit()).as(job.err()).isEqualTo(5);
    assertThat(Runs.parts(out.resolve("rejected"))).containsExactlyInAnyOrderElementsOf(expected);
    // the other input is read
    Runs.Run paris = Runs.batch(dir.resolve("paris.jsonl"), CAL + "paris-2024-olympics.json");
    Runs.assertSameResults(Runs.byId(dir.resolve("paris.jsonl")), Runs.results(out));
    assertThat(paris.exit()).isZero();
  }

  @Test
  void anIcsWithoutARegistryOrAnUnknownExtensionIsAUsageErrorAndABadRegistryExitCodeThree()
      throws Exception {
    Runs.Run ics =
        Runs.flink("--input", CAL + "birmingham-2026.ics", "--output", dir.resolve("a").toString());
    assertThat(ics.exit()).isEqualTo(2);
    assertThat(ics.err())
        .contains(
            "iCalendar events name their venue in LOCATION: give the venue registry with --venues"
                + " FILE");
    Runs.Run ext = Runs.flink("--input", "../README.md", "--output", dir.resolve("b").toString());
    assertThat(ext.exit()).isEqualTo(2);
    assertThat(ext.err()).contains("cannot tell the format of ../README.md from its extension");
    Path bad = dir.resolve("venues.json");
    Files.writeString(bad, "[{\"name\":\"no id\",\"type\":\"stadium\",\"country\":\"GB\"}]");
    Runs.Run registry =
        Runs.flink(
            "--input",
            CAL + "birmingham-2026.ics",
            "--venues",
            bad.toString(),
            "--output",
            dir.resolve("c").toString());
    assertThat(registry.exit()).isEqualTo(3);
    assertThat(registry.err())
        .isEqualTo(
            "venue-risk-flink: "
                + bad
                + ":1: record 1: id: required field is missing; expected the id that calendars use"
                + " to name the venue\n");
  }
}
