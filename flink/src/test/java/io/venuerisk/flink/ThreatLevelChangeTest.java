package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat-level changes: each sets a country's level on its days, a later one winning over an
 * earlier one on the days both cover. The result is batch's with a context file that declares the
 * levels so set.
 */
class ThreatLevelChangeTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  @TempDir Path dir;
  private Path calendar;
  private Path context;
  private Path changes;
  private Map<String, String> expected;

  @BeforeEach
  void calendars() throws Exception {
    calendar = Runs.generated(dir, 1500); // 2024-01-01 to 2024-01-06
    changes = dir.resolve("changes.jsonl");
    Files.write(
        changes,
        List.of(
            "{\"threatLevels\":[{\"country\":\"GB\",\"level\":\"SEVERE\",\"from\":\"2024-01-02\",\"to\":\"2024-01-05\",\"source\":\"change 1\"}]}",
            "",
            "{\"threatLevels\":[{\"country\":\"GB\",\"level\":\"moderate\",\"from\":\"2024-01-03\",\"to\":\"2024-01-03\",\"source\":\"change 2\"}]}",
            "{\"threatLevels\":[{\"country\":\"NL\",\"level\":\"5\",\"from\":\"2024-01-04\",\"source\":\"change 3\"}]}"),
        StandardCharsets.UTF_8);
    // the same levels as batch reads them: the later GB change cuts the earlier one in two
    context = dir.resolve("levels.json");
    Files.writeString(
        context,
        """
        {"threatLevels": [
          {"country": "GB", "level": "SEVERE", "from": "2024-01-02", "to": "2024-01-02", "source": "change 1"},
          {"country": "GB", "level": "SEVERE", "from": "2024-01-04", "to": "2024-01-05", "source": "change 1"},
          {"country": "GB", "level": "MODERATE", "from": "2024-01-03", "to": "2024-01-03", "source": "change 2"},
          {"country": "NL", "level": "5", "from": "2024-01-04", "source": "change 3"}
        ]}
        """,
        StandardCharsets.UTF_8);
    Runs.Run batch =
        Runs.batch(
            dir.resolve("batch.jsonl"), calendar.toString(), "--context", context.toString());
    assertThat(batch.exit()).as(batch.err()).isZero();
    expected = Runs.byId(dir.resolve("batch.jsonl"));
    // the changes matter: without them some GB and NL events score otherwise
    Runs.Run plain = Runs.batch(dir.resolve("plain.jsonl"), calendar.toString());
    assertThat(plain.exit()).isZero();
    Map<String, String> before = Runs.byId(dir.resolve("plain.jsonl"));
    long changed =
        expected.keySet().stream().filter(id -> !expected.get(id).equals(before.get(id))).count();
    assertThat(changed).isGreaterThan(100);
  }

  /**
   * A declared level's source names the file that declared it ("user-declared: FILE; ..."): here
   * the job's file of changes, where batch names its context file. Nothing else differs.
   */
  private Map<String, String> declaredIn(Map<String, String> results) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    results.forEach(
        (id, line) ->
            out.put(
                id,
                line.replace(
                    "user-declared: " + changes + ";", "user-declared: " + context + ";")));
    return out;
  }

  @Test
  void eventsScoreAgainstTheLevelsTheChangesSet() throws Exception {
    Path out = dir.resolve("final");
    Runs.Run job =
        Runs.flink(
            "--input",
            calendar.toString(),
            "--threat-levels",
            changes.toString(),
            "--output",
            out.toString(),
            "--parallelism",
            "2");
    assertThat(job.exit()).as(job.err()).isZero();
    Runs.assertSameResults(expected, declaredIn(Runs.results(out)));
  }

  @Test
  void anUpsertStreamEndsAtTheLevelsTheChangesSet() throws Exception {
    Path out = dir.resolve("changes");
    Runs.Run job =
        Runs.flink(
            "--input",
            calendar.toString(),
            "--threat-levels",
            changes.toString(),
            "--output",
            out.toString(),
            "--parallelism",
            "2",
            "--emit",
            "changes",
            "--debounce",
            "5");
    assertThat(job.exit()).as(job.err()).isZero();
    Runs.assertSameResults(expected, declaredIn(Runs.latest(out)));
  }
}
