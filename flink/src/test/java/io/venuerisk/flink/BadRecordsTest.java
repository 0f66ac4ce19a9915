package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records go to DIR/rejected with the messages batch prints for them, the others are scored as
 * batch scores them, and the job finishes (exit code 5, as batch's).
 */
class BadRecordsTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  @TempDir Path dir;

  @Test
  void badRecordsAreReportedAsBatchReportsThem() throws Exception {
    List<String> good = Files.readAllLines(Runs.generated(dir, 300), StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < good.size(); i++) {
      String line = good.get(i);
      switch (i) {
        case 10 -> line = "{\"id\": \"broken\", \"name\": "; // malformed JSON
        case 20 ->
            line =
                line.replaceFirst(
                    "\"type\":\"[a-z_]+\"", "\"type\":\"stadum\""); // nearest: stadium
        case 30 -> line = line.replaceFirst("\"date\":\"[0-9-]+\",", ""); // missing date
        case 40 -> line = line.replaceFirst("\"country\":\"[A-Z]+\"", "\"country\":\"DX\"");
        case 50 -> line = "[1, 2]"; // not an object
        case 60 -> line = "   "; // blank: skipped
        default -> {}
      }
      bytes.write(line.getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
      if (i == 70) {
        bytes.write(
            new byte[] {
              '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'
            }); // not UTF-8
      }
    }
    Path calendar = dir.resolve("calendar.jsonl");
    Files.write(calendar, bytes.toByteArray());
    Path array = dir.resolve("array.jsonl");
    Files.writeString(array, "[" + good.get(0) + "]\n");
    Path changes = dir.resolve("changes.jsonl");
    Files.write(
        changes,
        List.of(
            "{\"threatLevels\":[{\"country\":\"GB\",\"level\":\"SEVERE\",\"from\":\"2024-01-01\",\"source\":\"ok\"}]}",
            "{\"threatLevels\":[{\"country\":\"GB\",\"level\":\"SEVER\",\"from\":\"2024-01-01\"}]}"),
        StandardCharsets.UTF_8);
    Path context = dir.resolve("bad-level.json");
    Files.writeString(
        context,
        "{\"threatLevels\":[{\"country\":\"GB\",\"level\":\"SEVER\",\"from\":\"2024-01-01\"}]}\n");

    Runs.Run batch = Runs.batch(dir.resolve("batch.jsonl"), calendar.toString());
    assertThat(batch.exit()).as(batch.err()).isEqualTo(5);
    List<String> expected = new java.util.ArrayList<>(Runs.batchRejections(batch));
    assertThat(expected).hasSize(6);
    // a file that is not JSON Lines at all: batch refuses it whole (exit 3) with one message
    Runs.Run refused = Runs.batch(dir.resolve("refused.jsonl"), array.toString());
    assertThat(refused.exit()).isEqualTo(3);
    expected.addAll(Runs.batchRejections(refused));
    // a bad threat-level row: the message batch gives for the same row in a context file,
    // at its line
    Runs.Run level =
        Runs.batch(
            dir.resolve("level.jsonl"), calendar.toString(), "--context", context.toString());
    assertThat(level.exit()).isEqualTo(3);
    List<String> levelMessage = Runs.batchRejections(level);
    assertThat(levelMessage).hasSize(1);
    expected.add(levelMessage.get(0).replace(context + ":1:", changes + ":2:"));

    Path out = dir.resolve("out");
    Runs.Run job =
        Runs.flink(
            "--input",
            calendar.toString(),
            "--input",
            array.toString(),
            "--threat-levels",
            changes.toString(),
            "--output",
            out.toString(),
            "--parallelism",
            "2");
    assertThat(job.exit()).as(job.err()).isEqualTo(5);
    assertThat(Runs.parts(out.resolve("rejected"))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(Runs.results(out)).hasSize(good.size() - 6);
  }
}
