package io.venuerisk.flink;

import io.venuerisk.io.ContextFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * {@code venue-risk-flink}: the venue-risk rules as a Flink job. {@code java -jar
 * flink/target/venue-risk-flink.jar ...} runs it on an embedded Flink; {@code flink run
 * flink/target/venue-risk-flink.jar ...} on a cluster. {@link FlinkJobOptions} reads the command
 * line; this class wires the stream graph (sources, {@link Pipeline}, sinks) and runs it. See
 * docs/flink.md.
 */
public final class FlinkJob {
  private FlinkJob() {}

  public static void main(String[] args) {
    // embedded, Flink logs through the core's slf4j-simple: its start-up notes are not for a
    // planner (a cluster logs through its own log4j, which this does not touch)
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.flink") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.flink", "error");
    }
    System.exit(FlinkJobOptions.commandLine().execute(args));
  }

  /**
   * Checks the options, builds the job and runs it; with results in files, prints their counts.
   *
   * @return the exit code: 5 when some records were rejected, else 0
   */
  static int run(FlinkJobOptions options) throws Exception {
    long started = System.nanoTime();
    FlinkJobOptions.Setup s = options.setup();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(s.config());
    if (options.parallelism != null) {
      env.setParallelism(options.parallelism);
    }
    build(env, options, s);
    JobExecutionResult result = env.execute("venue-risk " + String.join(" ", s.describe()));
    PrintWriter err = options.spec.commandLine().getErr();
    if (options.output == null || result == null || !result.isJobExecutionResult()) {
      return 0; // detached, or results in Kafka: nothing to count here
    }
    long results = countLines(new Path(options.output, "assessments"));
    long rejected = countLines(new Path(options.output, "rejected"));
    long warnings = countLines(new Path(options.output, "warnings"));
    err.println(
        String.format(
            Locale.ROOT,
            "venue-risk-flink: %d results, %d rejected%s, %.1f s; wrote %s",
            results,
            rejected,
            warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"),
            (System.nanoTime() - started) / 1e9,
            options.output));
    err.flush();
    return rejected > 0 ? 5 : 0;
  }

  /** Sources, the pipeline and sinks on {@code env}. */
  static void build(
      StreamExecutionEnvironment env, FlinkJobOptions options, FlinkJobOptions.Setup s) {
    DataStream<RawRecord> records = null;
    for (int i = 0; i < options.inputs.size(); i++) {
      String in = options.inputs.get(i);
      io.venuerisk.io.CalendarFormat f = s.formats().get(i);
      FileSource<RawRecord> source =
          FileSource.forRecordStreamFormat(
                  f == io.venuerisk.io.CalendarFormat.jsonl
                      ? new JsonLinesFormat(in, i)
                      : new WholeFileFormat(in, i, f, s.venues()),
                  new Path(in))
              .build();
      DataStream<RawRecord> one =
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "calendar " + in)
              .uid("calendar " + in);
      records = records == null ? one : records.union(one);
    }
    if (options.kafkaInput != null) {
      DataStream<RawRecord> one =
          env.fromSource(
                  KafkaIO.source(
                      options.brokers,
                      options.kafkaInput,
                      options.kafkaGroup,
                      options.kafkaBounded),
                  WatermarkStrategy.noWatermarks(),
                  "kafka " + options.kafkaInput)
              .uid("kafka " + options.kafkaInput);
      records = records == null ? one : records.union(one);
    }
    DataStream<RawRecord> levels = null;
    if (options.threatLevels != null) {
      FileSource<RawRecord> source =
          FileSource.forRecordStreamFormat(
                  new LinesFormat(options.threatLevels, (int) ContextFile.MAX_BYTES),
                  new Path(options.threatLevels))
              .build();
      levels =
          env.fromSource(
                  source, WatermarkStrategy.noWatermarks(), "threat levels " + options.threatLevels)
              .setParallelism(1)
              .uid("threat levels file");
    } else if (options.kafkaThreatLevels != null) {
      levels =
          env.fromSource(
                  KafkaIO.source(
                      options.brokers,
                      options.kafkaThreatLevels,
                      options.kafkaGroup,
                      options.kafkaBounded),
                  WatermarkStrategy.noWatermarks(),
                  "kafka " + options.kafkaThreatLevels)
              .setParallelism(1)
              .uid("threat levels kafka");
    }
    Pipeline.Outputs out =
        Pipeline.build(env, records, levels, s.venues(), s.emit(), options.debounce);
    if (options.output != null) {
      out.results()
          .sinkTo(
              fileSink(
                  new Path(options.output, "assessments"),
                  ".jsonl",
                  (Result r, OutputStream o) -> o.write(r.line.getBytes(StandardCharsets.UTF_8))))
          .name("assessments")
          .uid("assessments-files");
    }
    if (options.kafkaOutput != null) {
      out.results()
          .sinkTo(KafkaIO.results(options.brokers, options.kafkaOutput))
          .name("kafka " + options.kafkaOutput)
          .uid("assessments-kafka");
    }
    if (options.kafkaRejected != null) {
      out.rejected()
          .sinkTo(KafkaIO.messages(options.brokers, options.kafkaRejected))
          .name("kafka " + options.kafkaRejected)
          .uid("rejected-kafka");
    } else if (options.output != null) {
      out.rejected()
          .sinkTo(
              fileSink(
                  new Path(options.output, "rejected"),
                  ".txt",
                  (String m, OutputStream o) ->
                      o.write((m + "\n").getBytes(StandardCharsets.UTF_8))))
          .name("rejected")
          .uid("rejected-files");
    } else {
      out.rejected().print("rejected").name("rejected");
    }
    if (options.output != null) {
      out.warnings()
          .sinkTo(
              fileSink(
                  new Path(options.output, "warnings"),
                  ".txt",
                  (String m, OutputStream o) ->
                      o.write((m + "\n").getBytes(StandardCharsets.UTF_8))))
          .name("warnings")
          .uid("warnings-files");
    } else {
      out.warnings().print("warning").name("warnings");
    }
  }

  static <T> FileSink<T> fileSink(Path dir, String suffix, Encoder<T> encoder) {
    return FileSink.forRowFormat(dir, encoder)
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(suffix).build())
        .build();
  }

  /** Lines in the finished part files of a folder (in-progress files are hidden, with a dot). */
  private static long countLines(Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem();
    if (!fs.exists(dir)) {
      return 0;
    }
    long n = 0;
    for (FileStatus f : fs.listStatus(dir)) {
      if (f.isDir() || f.getPath().getName().startsWith(".")) {
        continue;
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
        while (r.readLine() != null) {
          n++;
        }
      }
    }
    return n;
  }
}
