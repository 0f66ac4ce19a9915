package io.venuerisk.flink;

import io.venuerisk.io.ContextFile;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code venue-risk-flink}: the venue-risk rules as a Flink job. {@code java -jar
 * flink/target/venue-risk-flink.jar ...} runs it on an embedded Flink; {@code flink run
 * flink/target/venue-risk-flink.jar ...} on a cluster. See docs/flink.md.
 */
@Command(
    name = "venue-risk-flink",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    version = "venue-risk-flink 0.1.0",
    description = {
      "Score a calendar stream on Apache Flink with the rules `batch` uses: the same result per",
      "event. A calendar is any format batch reads (JSON Lines, CSV, a JSON array, iCalendar",
      "with --venues), or a Kafka topic of JSON Lines. Events sharing a city and a day, or a",
      "venue back to back, are related by key, across tasks. An event sent again with its id",
      "replaces the earlier version and re-scores the events it relates to; a threat-level",
      "change re-scores the events it covers. Bad records go to the rejected output with",
      "batch's messages. See docs/flink.md.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the job failed (the cause is printed)",
      "2:usage error",
      "3:an input or the venue registry cannot be read, or the output folder is not empty",
      "5:the job finished but rejected some records (each is in DIR/rejected)",
    },
    footer = {
      "%nExamples:",
      "  java -jar flink/target/venue-risk-flink.jar --input calendar.jsonl --output out/ --parallelism 2",
      "  java -jar flink/target/venue-risk-flink.jar --input scenarios/calendars/birmingham-2026.ics \\",
      "      --venues scenarios/calendars/birmingham-2026-venues.json --output out/",
      "  flink run flink/target/venue-risk-flink.jar --input /data/calendar.jsonl --output /data/out",
      "  java -jar flink/target/venue-risk-flink.jar --kafka-brokers localhost:9092 \\",
      "      --kafka-input calendar --kafka-output assessments --kafka-threat-levels threat-levels",
    })
public final class FlinkJob implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "A calendar (repeatable), in any format batch reads; the format comes from the"
              + " extension (.jsonl, .csv, .json, .ics). On a cluster, a path or URI every task"
              + " manager can read.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--input-format",
      paramLabel = "F",
      description = "Read every --input as ${COMPLETION-CANDIDATES} instead of going by extension.")
  io.venuerisk.io.CalendarFormat inputFormat;

  @Option(
      names = "--venues",
      paramLabel = "FILE",
      description =
          "Venue registry: a JSON array of venue objects with an id. iCalendar LOCATION names a"
              + " venue by id or name; other records may give only venue.id. Read by the client"
              + " and sent with the job.")
  String venues;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "A new or empty folder: results in DIR/assessments/part-*.jsonl (one line per"
              + " event, as `batch --format jsonl`), rejected records in DIR/rejected/part-*.txt.")
  String output;

  @Option(
      names = "--threat-levels",
      paramLabel = "FILE",
      description =
          "Threat-level changes, in order: each line a context document holding"
              + " threatLevels rows (docs/context.md); a later row sets its country's level on its days.")
  String threatLevels;

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description =
          "Tasks per stage (default: the cluster's default; embedded: the number of processors).")
  Integer parallelism;

  @Option(
      names = "--emit",
      paramLabel = "WHEN",
      description =
          "final: one result per event at the end of a bounded input (the default for"
              + " files); changes: a result after every change, an upsert stream by event id (the"
              + " default for Kafka).")
  String emit;

  @Option(
      names = "--debounce",
      paramLabel = "MS",
      defaultValue = "200",
      description =
          "With --emit changes, milliseconds of changes to one event gathered into one"
              + " scoring (default: ${DEFAULT-VALUE}).")
  long debounce;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "MS",
      description =
          "Checkpoint every MS milliseconds; 0 for none (default: none for files, 10000"
              + " for Kafka). With checkpoints, a file job ends at the first checkpoint after its input.")
  Long checkpointInterval;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "URI",
      description = "Where checkpoints are kept (default: the cluster's; embedded: in memory).")
  String checkpointDir;

  @Option(
      names = "--kafka-brokers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers.")
  String brokers;

  @Option(
      names = "--kafka-input",
      paramLabel = "TOPIC",
      description = "Calendar topic: one scenario per message.")
  String kafkaInput;

  @Option(
      names = "--kafka-output",
      paramLabel = "TOPIC",
      description =
          "Results topic: key the event id, value its JSON line (compact it to keep each"
              + " event's current result).")
  String kafkaOutput;

  @Option(
      names = "--kafka-threat-levels",
      paramLabel = "TOPIC",
      description = "Threat-level changes topic (one partition: order is what a change means).")
  String kafkaThreatLevels;

  @Option(
      names = "--kafka-rejected",
      paramLabel = "TOPIC",
      description =
          "Rejected records' messages (default: DIR/rejected with --output, else the task managers' stderr).")
  String kafkaRejected;

  @Option(
      names = "--kafka-group",
      paramLabel = "ID",
      defaultValue = "venue-risk",
      description = "Consumer group (default: ${DEFAULT-VALUE}).")
  String kafkaGroup;

  @Option(
      names = "--kafka-bounded",
      description =
          "Read the Kafka topics up to their latest offsets at start, then finish (allows --emit final).")
  boolean kafkaBounded;

  public static void main(String[] args) {
    // embedded, Flink logs through the core's slf4j-simple: its start-up notes are not for a
    // planner (a cluster logs through its own log4j, which this does not touch)
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.flink") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.flink", "error");
    }
    System.exit(commandLine().execute(args));
  }

  /** The job's command line, with its exit codes for failures (the tests run it, too). */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FlinkJob());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof InputProblem p) {
            cmd.getErr().println("venue-risk-flink: " + p.getMessage());
            return 3;
          }
          Throwable root = e;
          while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
          }
          cmd.getErr().println("venue-risk-flink: the job failed: " + root);
          if (Boolean.getBoolean("venue-risk.verbose")) {
            e.printStackTrace(cmd.getErr());
          }
          return 1;
        });
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Setup s = setup();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(s.config);
    if (parallelism != null) {
      env.setParallelism(parallelism);
    }
    build(env, s);
    JobExecutionResult result = env.execute("venue-risk " + String.join(" ", s.describe));
    PrintWriter err = spec.commandLine().getErr();
    if (output == null || result == null || !result.isJobExecutionResult()) {
      return 0; // detached, or results in Kafka: nothing to count here
    }
    long results = countLines(new Path(output, "assessments"));
    long rejected = countLines(new Path(output, "rejected"));
    long warnings = countLines(new Path(output, "warnings"));
    err.println(
        String.format(
            Locale.ROOT,
            "venue-risk-flink: %d results, %d rejected%s, %.1f s; wrote %s",
            results,
            rejected,
            warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"),
            (System.nanoTime() - started) / 1e9,
            output));
    err.flush();
    return rejected > 0 ? 5 : 0;
  }

  /** Checked options and the Flink configuration they give. */
  record Setup(
      Configuration config,
      Pipeline.Emit emit,
      boolean bounded,
      List<String> describe,
      List<io.venuerisk.io.CalendarFormat> formats,
      WholeFileFormat.Registry venues) {}

  Setup setup() throws IOException {
    CommandLine cl = spec.commandLine();
    boolean kafka = brokers != null;
    if (!kafka
        && (kafkaInput != null
            || kafkaOutput != null
            || kafkaThreatLevels != null
            || kafkaRejected != null)) {
      throw new ParameterException(cl, "the --kafka-* topics need --kafka-brokers HOST:PORT");
    }
    if (inputs.isEmpty() && kafkaInput == null) {
      throw new ParameterException(cl, "give the calendar: --input FILE or --kafka-input TOPIC");
    }
    if (output == null && kafkaOutput == null) {
      throw new ParameterException(
          cl, "give where results go: --output DIR or --kafka-output TOPIC");
    }
    if (!inputs.isEmpty() && kafkaInput != null) {
      // a later version of an event wins by its position: record numbers in files and offsets in a
      // topic are not one order, so the two sources are not mixed
      throw new ParameterException(
          cl, "give the calendar from one place: --input FILE... or --kafka-input TOPIC");
    }
    if (threatLevels != null && kafkaThreatLevels != null) {
      throw new ParameterException(
          cl, "give threat-level changes from one place: --threat-levels or --kafka-threat-levels");
    }
    if (parallelism != null && (parallelism < 1 || parallelism > 1024)) {
      throw new ParameterException(cl, "--parallelism must be between 1 and 1024");
    }
    boolean bounded = kafkaInput == null && kafkaThreatLevels == null || kafkaBounded;
    Pipeline.Emit when;
    if (emit == null) {
      when = bounded ? Pipeline.Emit.FINAL : Pipeline.Emit.CHANGES;
    } else {
      try {
        when = Pipeline.Emit.valueOf(emit.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            cl, "--emit: unknown value '" + emit + "'; expected final or changes");
      }
    }
    if (when == Pipeline.Emit.FINAL && !bounded) {
      throw new ParameterException(
          cl, "--emit final needs a bounded input: files, or Kafka with --kafka-bounded");
    }
    if (debounce < 1) {
      throw new ParameterException(cl, "--debounce must be 1 ms or more");
    }
    long interval = checkpointInterval != null ? checkpointInterval : bounded ? 0 : 10_000;
    if (interval < 0) {
      throw new ParameterException(cl, "--checkpoint-interval must be 0 (none) or more");
    }
    List<io.venuerisk.io.CalendarFormat> formats = new ArrayList<>();
    for (String in : inputs) {
      formats.add(format(cl, in));
    }
    if (venues == null && formats.contains(io.venuerisk.io.CalendarFormat.ics)) {
      throw new ParameterException(
          cl,
          "iCalendar events name their venue in LOCATION: give the venue registry with --venues FILE");
    }
    for (String in : inputs) {
      checkReadable(in);
    }
    WholeFileFormat.Registry registry = venues == null ? null : registry(venues);
    if (threatLevels != null) {
      if (threatLevels.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new InputProblem(
            threatLevels
                + ": expected threat-level changes as JSON Lines (one context document per line), not CSV");
      }
      checkReadable(threatLevels);
    }
    if (output != null) {
      checkEmpty(output);
    }
    Configuration config = new Configuration();
    // every type the job moves is a Flink POJO: a Kryo fallback would be a mistake, caught here
    config.set(PipelineOptions.GENERIC_TYPES, false);
    if (interval > 0) {
      config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(interval));
    }
    if (checkpointDir != null) {
      config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
    }
    List<String> describe = new ArrayList<>(inputs);
    if (kafkaInput != null) {
      describe.add("kafka:" + kafkaInput);
    }
    return new Setup(config, when, bounded, describe, formats, registry);
  }

  /** The format of an input: --input-format, else its extension, as batch decides it. */
  private io.venuerisk.io.CalendarFormat format(CommandLine cl, String in) {
    if (inputFormat != null) {
      return inputFormat;
    }
    return io.venuerisk.io.CalendarFormat.of(java.nio.file.Path.of(new Path(in).getName()))
        .orElseThrow(
            () ->
                new ParameterException(
                    cl,
                    "cannot tell the format of "
                        + in
                        + " from its extension; expected .json, .jsonl, .csv or .ics, or give --input-format"));
  }

  /**
   * The venue registry, read and checked here, so that a bad one stops the job before it starts.
   */
  private static WholeFileFormat.Registry registry(String name) throws IOException {
    checkReadable(name);
    Path p = new Path(name);
    byte[] bytes;
    try (java.io.InputStream in = p.getFileSystem().open(p)) {
      bytes = in.readNBytes(REGISTRY_BYTES + 1);
    }
    if (bytes.length > REGISTRY_BYTES) {
      throw new InputProblem(ScenarioJson.tooLarge(name, REGISTRY_BYTES).getMessage());
    }
    try {
      VenueRegistry.read(name, bytes);
    } catch (InputException e) {
      throw new InputProblem(e.getMessage());
    }
    return new WholeFileFormat.Registry(name, bytes);
  }

  /** The largest venue registry, as batch reads it (64 MiB). */
  private static final int REGISTRY_BYTES = 64 << 20;

  /** Sources, the pipeline and sinks on {@code env}. */
  void build(StreamExecutionEnvironment env, Setup s) {
    DataStream<RawRecord> records = null;
    for (int i = 0; i < inputs.size(); i++) {
      String in = inputs.get(i);
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
    if (kafkaInput != null) {
      DataStream<RawRecord> one =
          env.fromSource(
                  KafkaIO.source(brokers, kafkaInput, kafkaGroup, kafkaBounded),
                  WatermarkStrategy.noWatermarks(),
                  "kafka " + kafkaInput)
              .uid("kafka " + kafkaInput);
      records = records == null ? one : records.union(one);
    }
    DataStream<RawRecord> levels = null;
    if (threatLevels != null) {
      FileSource<RawRecord> source =
          FileSource.forRecordStreamFormat(
                  new LinesFormat(threatLevels, (int) ContextFile.MAX_BYTES),
                  new Path(threatLevels))
              .build();
      levels =
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "threat levels " + threatLevels)
              .setParallelism(1)
              .uid("threat levels file");
    } else if (kafkaThreatLevels != null) {
      levels =
          env.fromSource(
                  KafkaIO.source(brokers, kafkaThreatLevels, kafkaGroup, kafkaBounded),
                  WatermarkStrategy.noWatermarks(),
                  "kafka " + kafkaThreatLevels)
              .setParallelism(1)
              .uid("threat levels kafka");
    }
    Pipeline.Outputs out = Pipeline.build(env, records, levels, s.venues(), s.emit(), debounce);
    if (output != null) {
      out.results()
          .sinkTo(
              fileSink(
                  new Path(output, "assessments"),
                  ".jsonl",
                  (Result r, OutputStream o) -> o.write(r.line.getBytes(StandardCharsets.UTF_8))))
          .name("assessments")
          .uid("assessments-files");
    }
    if (kafkaOutput != null) {
      out.results()
          .sinkTo(KafkaIO.results(brokers, kafkaOutput))
          .name("kafka " + kafkaOutput)
          .uid("assessments-kafka");
    }
    if (kafkaRejected != null) {
      out.rejected()
          .sinkTo(KafkaIO.messages(brokers, kafkaRejected))
          .name("kafka " + kafkaRejected)
          .uid("rejected-kafka");
    } else if (output != null) {
      out.rejected()
          .sinkTo(
              fileSink(
                  new Path(output, "rejected"),
                  ".txt",
                  (String m, OutputStream o) ->
                      o.write((m + "\n").getBytes(StandardCharsets.UTF_8))))
          .name("rejected")
          .uid("rejected-files");
    } else {
      out.rejected().print("rejected").name("rejected");
    }
    if (output != null) {
      out.warnings()
          .sinkTo(
              fileSink(
                  new Path(output, "warnings"),
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

  private static void checkReadable(String name) throws IOException {
    Path p = new Path(name);
    FileSystem fs = p.getFileSystem();
    if (!fs.exists(p)) {
      throw new InputProblem(name + ": no such file");
    }
    if (fs.getFileStatus(p).isDir()) {
      throw new InputProblem(name + ": a folder; give each calendar file with its own --input");
    }
  }

  private static void checkEmpty(String name) throws IOException {
    Path p = new Path(name);
    FileSystem fs = p.getFileSystem();
    if (!fs.exists(p)) {
      return;
    }
    FileStatus st = fs.getFileStatus(p);
    FileStatus[] inside = st.isDir() ? fs.listStatus(p) : null;
    if (inside == null || inside.length > 0) {
      throw new InputProblem(
          name
              + ": "
              + (inside == null ? "not a folder" : "not empty")
              + "; give a new or empty folder for --output (the job adds part files, it never replaces them)");
    }
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

  /** An input that cannot be read, or an output folder that cannot take the results: exit 3. */
  static final class InputProblem extends RuntimeException {
    InputProblem(String message) {
      super(message, null, false, false);
    }
  }
}
