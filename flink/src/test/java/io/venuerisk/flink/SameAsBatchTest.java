package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated calendar through the job and through batch: every event's result is the same line.
 */
class SameAsBatchTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  @TempDir Path dir;

  @Test
  void everyEventScoresAsInBatch() throws Exception {
    // 3,000 events over 12 days in 200 cities: same-day crowds, multi-day events, back to back
    Path calendar = Runs.generated(dir, 3000);
    Runs.Run batch = Runs.batch(dir.resolve("batch.jsonl"), calendar.toString());
    assertThat(batch.exit()).as(batch.err()).isZero();
    Map<String, String> expected = Runs.byId(dir.resolve("batch.jsonl"));
    assertThat(Runs.crossEventFindings(expected)).isGreaterThan(500);

    Path out = dir.resolve("out");
    Runs.Run job =
        Runs.flink(
            "--input", calendar.toString(), "--output", out.toString(), "--parallelism", "2");
    assertThat(job.exit()).as(job.err()).isZero();
    assertThat(job.err()).contains("3000 results, 0 rejected");

    Map<String, String> actual = Runs.results(out);
    Runs.assertSameResults(expected, actual);
  }
}
