package io.venuerisk.flink;

import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.InputException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code venue-risk-flink}: its options, their checks, and the Flink
 * configuration they give ({@link Setup}). {@link FlinkJob} builds the stream graph from them and
 * runs it. See docs/flink.md.
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
public final class FlinkJobOptions implements Callable<Integer> {
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

  /** The job's command line, with its exit codes for failures (the tests run it, too). */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FlinkJobOptions());
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

  /** Runs the job with these options: {@link FlinkJob#run}. */
  @Override
  public Integer call() throws Exception {
    return FlinkJob.run(this);
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

  /** An input that cannot be read, or an output folder that cannot take the results: exit 3. */
  static final class InputProblem extends RuntimeException {
    InputProblem(String message) {
      super(message, null, false, false);
    }
  }
}
