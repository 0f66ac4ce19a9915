package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails after a checkpoint, in the middle of the calendar; the job restarts from that
 * checkpoint (the file is not read again from its start) and still gives batch's result for every
 * event: the events read before the failure come back from checkpointed state.
 */
class RestartTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  static final AtomicBoolean checkpointed = new AtomicBoolean();
  static final AtomicBoolean failed = new AtomicBoolean();
  static final AtomicLong readAfterRestart = new AtomicLong();

  @TempDir java.nio.file.Path dir;

  @Test
  void checkpointedStateSurvivesATaskFailure() throws Exception {
    int events = 2000;
    java.nio.file.Path calendar = Runs.generated(dir, events);
    Runs.Run batch = Runs.batch(dir.resolve("batch.jsonl"), calendar.toString());
    assertThat(batch.exit()).as(batch.err()).isZero();
    Map<String, String> expected = Runs.byId(dir.resolve("batch.jsonl"));

    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    FileSource<RawRecord> source =
        FileSource.forRecordStreamFormat(
                new JsonLinesFormat(calendar.toString(), 0), new Path(calendar.toString()))
            .build();
    DataStream<RawRecord> records =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "calendar")
            .map(new FailOnce(events / 2))
            .name("fail once");
    Pipeline.Outputs out = Pipeline.build(env, records, null, null, Pipeline.Emit.FINAL, 200);
    java.nio.file.Path output = dir.resolve("out");
    out.results()
        .sinkTo(
            FlinkJob.fileSink(
                new Path(output.resolve("assessments").toString()),
                ".jsonl",
                (Result r, java.io.OutputStream o) ->
                    o.write(r.line.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    checkpointed.set(false);
    failed.set(false);
    readAfterRestart.set(0);
    env.execute("restart");

    assertThat(failed).as("the task failed once").isTrue();
    // resumed from the checkpoint's position, not from the start of the file
    assertThat(readAfterRestart.get()).isGreaterThan(0).isLessThan(events);
    Runs.assertSameResults(expected, Runs.results(output));
    assertThat(Files.exists(output.resolve("rejected"))).isFalse();
  }

  /**
   * Passes records on, slowly until a checkpoint has completed, then fails its task once, at the
   * first record past {@code after} (the sources read on and checkpoints go on meanwhile).
   */
  static final class FailOnce
      implements MapFunction<RawRecord, RawRecord>,
          CheckpointListener,
          org.apache.flink.streaming.api.checkpoint.CheckpointedFunction {
    private final long after;
    private long seen;
    // records this instance had passed on when each checkpoint was taken: a checkpoint taken before
    // any record (a slow start on a busy machine) would restart the source at the beginning
    private final java.util.Map<Long, Long> seenAt = new java.util.HashMap<>();

    FailOnce(long after) {
      this.after = after;
    }

    @Override
    public RawRecord map(RawRecord r) throws Exception {
      seen++;
      if (failed.get()) {
        readAfterRestart.incrementAndGet();
        return r;
      }
      if (!checkpointed.get()) {
        // let a checkpoint complete while most of the calendar is still unread: one usually does
        // within a dozen records; a machine too busy to complete one in 20 s per 1,000 records is
        // far beyond any CI run
        Thread.sleep(20);
      } else if (seen > after || r.record > after) {
        failed.set(true);
        throw new IllegalStateException("task failure for the test, after " + seen + " records");
      }
      return r;
    }

    @Override
    public void snapshotState(org.apache.flink.runtime.state.FunctionSnapshotContext context) {
      seenAt.put(context.getCheckpointId(), seen);
    }

    @Override
    public void initializeState(
        org.apache.flink.runtime.state.FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (seenAt.getOrDefault(checkpointId, 0L) > 0) {
        checkpointed.set(true);
      }
    }
  }
}
