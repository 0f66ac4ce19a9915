package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event sent again with its id replaces the earlier version, and the events it related to,
 * before and after, are scored against the new version: the result is batch's on the calendar of
 * latest versions.
 */
class UpsertTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path stream;
  private Map<String, String> expected;

  @BeforeEach
  void calendars() throws Exception {
    List<String> first = Files.readAllLines(Runs.generated(dir, 1200), StandardCharsets.UTF_8);
    List<String> updates = new ArrayList<>();
    for (int i = 0; i + 7 < first.size(); i++) {
      ObjectNode e = (ObjectNode) JSON.readTree(first.get(i));
      if (i % 30 == 0) {
        // moves to another event's venue and city: leaves its old peers, joins new ones
        e.set("venue", JSON.readTree(first.get(i + 7)).get("venue"));
      } else if (i % 45 == 0) {
        e.put("date", LocalDate.parse(e.get("date").asText()).plusDays(1).toString());
        if (e.has("endDate")) {
          e.put("endDate", LocalDate.parse(e.get("endDate").asText()).plusDays(1).toString());
        }
      } else if (i % 50 == 0) {
        ((ObjectNode) e.get("event")).put("expectedAttendance", 55000); // now a mass gathering
      } else if (i == 101) {
        updates.add(first.get(i)); // sent again unchanged
        continue;
      } else {
        continue;
      }
      updates.add(JSON.writeValueAsString(e));
    }
    List<String> all = new ArrayList<>(first);
    all.addAll(updates);
    stream = dir.resolve("with-updates.jsonl");
    Files.write(stream, all, StandardCharsets.UTF_8);

    // batch scores a calendar of distinct events: the latest version of each, in date order
    Map<String, String> latest = new LinkedHashMap<>();
    for (String line : all) {
      latest.put(Runs.id(line), line);
    }
    List<String> current = new ArrayList<>(latest.values());
    current.sort((a, b) -> date(a).compareTo(date(b)));
    Path currentFile = dir.resolve("latest.jsonl");
    Files.write(currentFile, current, StandardCharsets.UTF_8);
    Runs.Run batch = Runs.batch(dir.resolve("batch.jsonl"), currentFile.toString());
    assertThat(batch.exit()).as(batch.err()).isZero();
    expected = Runs.byId(dir.resolve("batch.jsonl"));
    assertThat(updates).hasSizeGreaterThan(60);
  }

  private static String date(String line) {
    try {
      return JSON.readTree(line).get("date").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void oneResultPerEventForItsLatestVersion() throws Exception {
    Path out = dir.resolve("final");
    Runs.Run job =
        Runs.flink("--input", stream.toString(), "--output", out.toString(), "--parallelism", "2");
    assertThat(job.exit()).as(job.err()).isZero();
    Runs.assertSameResults(expected, Runs.results(out));
  }

  @Test
  void anUpsertStreamEndsAtTheLatestVersionOfEveryEvent() throws Exception {
    Path out = dir.resolve("changes");
    Runs.Run job =
        Runs.flink(
            "--input",
            stream.toString(),
            "--output",
            out.toString(),
            "--parallelism",
            "2",
            "--emit",
            "changes",
            "--debounce",
            "5");
    assertThat(job.exit()).as(job.err()).isZero();
    Runs.assertSameResults(expected, Runs.latest(out));
  }
}
