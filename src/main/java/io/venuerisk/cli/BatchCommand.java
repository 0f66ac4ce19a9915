package io.venuerisk.cli;

import io.venuerisk.batch.BatchRun;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.BatchReport;
import io.venuerisk.io.BatchStatus;
import io.venuerisk.io.BatchSummary;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venue-risk batch FILE...}: score a calendar of events, streaming. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Score a calendar of events and write one report.",
      "",
      "Score a calendar of events (JSON array, JSON Lines, CSV with dotted headers, or iCalendar",
      "joined to a venue registry) and write one report: CSV, JSON Lines, JSON, Markdown or a",
      "self-contained HTML page. Events in the same city on the same day, and events back to back",
      "at one venue, are scored together (rules/calendar.drl); two events of one venue on one day",
      "whose startTime and endTime do not overlap are back to back, not concurrent. Streams:",
      "memory stays flat for a calendar in any order, however long (one out of date order is",
      "sorted in temporary files). Rows are sorted by risk, highest first. Bad records are",
      "reported on stderr and listed in the report; the rest are scored (exit code 5). In a CSV",
      "cell a measure may say how it is deployed: bag_search (entry, exercised). Every report",
      "gives each event's likelihood and consequence levels with their points, the band its",
      "residual score could move in were the unknown facts known, and its exposures per tactic",
      "with the vulnerability the measures in place leave. See docs/batch.md.",
    },
    footer = {
      "%nExamples:",
      "  java -jar target/venue-risk.jar batch scenarios/calendars/euro-2024.csv --top 10",
      "  java -jar target/venue-risk.jar batch scenarios/calendars/christmas-markets-2026.ics \\",
      "      --venues scenarios/calendars/christmas-markets-venues.json --format html --out markets.html",
    })
public final class BatchCommand implements Callable<Integer> {
  /** Report formats. */
  enum Format {
    csv,
    jsonl,
    json,
    md,
    html
  }

  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Calendar files; the format comes from the extension (.json, .jsonl, .csv, .ics).")
  List<Path> files;

  @Option(
      names = "--venues",
      paramLabel = "FILE",
      description =
          "Venue registry: a JSON array of venue objects with an id. iCalendar LOCATION"
              + " names a venue by id or name; other formats may give only venue.id.")
  Path venues;

  @Mixin DateOrderOption dateOrder = new DateOrderOption();

  @Option(
      names = "--input-format",
      paramLabel = "F",
      description = "Read every FILE as ${COMPLETION-CANDIDATES} instead of going by extension.")
  CalendarFormat inputFormat;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Write the report here (through a temporary file renamed when complete)"
              + " instead of stdout.")
  Path out;

  @Option(
      names = "--min-tier",
      paramLabel = "TIER",
      description =
          "List only events of this tier or higher: LOW, MODERATE, ELEVATED, HIGH, SEVERE.")
  String minTier;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "List only the N highest-scoring events (in score order unless --sort says otherwise).")
  Integer top;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description =
          "Row order: ${COMPLETION-CANDIDATES} (default: score, highest residual then inherent"
              + " risk first, ties in input order; input keeps the calendar's order).")
  BatchRun.Sort sort;

  @Option(
      names = {"--csv-bom", "--excel"},
      description =
          "Start a CSV report with a UTF-8 byte order mark, so that Excel reads names with"
              + " accents as UTF-8.")
  boolean bom;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Scoring threads (default: the number of processors).")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar (it is only drawn on a terminal).")
  boolean quiet;

  @Option(
      names = "--reorder-window",
      paramLabel = "N",
      defaultValue = "" + BatchRun.REORDER,
      description =
          "Events held to put a roughly date-ordered calendar in order (default:"
              + " ${DEFAULT-VALUE}). A calendar more out of order is read again and sorted by date in temporary files,"
              + " with the same results.")
  int reorder;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    List<BatchRun.Input> inputs = inputs();
    Tier tier = tier();
    if (top != null && top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be 1 or more");
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256");
    }
    if (reorder < 1) {
      throw new ParameterException(spec.commandLine(), "--reorder-window must be 1 or more");
    }
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    ScenarioJson json = dateOrder.calendars(new ScenarioJson(data));
    VenueRegistry registry = venues == null ? null : VenueRegistry.read(venues);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Engine engine = engineOptions.engine(rules, data);
    BatchRun.Options options =
        new BatchRun.Options(
            workers, tier, top == null ? 0 : top, sort, !quiet && progressAllowed(), reorder);
    BatchRun run =
        new BatchRun(
            engine,
            json,
            registry,
            inputs,
            () -> {
              BatchReport r = BatchReport.of(format.name(), bom);
              return r;
            },
            options,
            err);
    BatchSummary summary;
    // SIGINT or SIGTERM runs the JVM's shutdown hooks: AtomicOutput's deletes the temporary report,
    // and this one prints the summary so far (exit code 130 for SIGINT, 143 for SIGTERM;
    // docs/batch.md).
    AtomicReference<AtomicOutput> current = new AtomicReference<>();
    Thread interrupted =
        new Thread(
            () -> {
              AtomicOutput o = current.get();
              boolean written =
                  o != null && o.committed(); // the signal came after the report was out
              err.println(
                  BatchStatus.interrupted(
                      run.soFar(), (System.nanoTime() - start) / 1e9, written, out));
              err.flush();
            },
            "venue-risk-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    try (AtomicOutput output = AtomicOutput.to(out, stdout)) {
      current.set(output);
      summary = run.run(output);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException e) {
        // the JVM is already stopping: the hook reports the interruption
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    run.rejectionSummary(summary).ifPresent(line -> err.println("venue-risk: " + line));
    if (BatchRun.nothingScored(summary)) {
      err.println(BatchStatus.nothingScored(summary, seconds, out));
      err.flush();
      return ExitCodes.INPUT;
    }
    err.println(BatchStatus.done(summary, seconds, engine.firings(), out));
    err.flush();
    return summary.rejected() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
  }

  private boolean progressAllowed() {
    return BatchRun.stderrIsTerminal();
  }

  private List<BatchRun.Input> inputs() {
    List<BatchRun.Input> list = new ArrayList<>();
    List<CalendarFormat> formats = new ArrayList<>();
    for (Path f : files) {
      CalendarFormat fmt = CalendarInputs.format(spec.commandLine(), f, inputFormat);
      CalendarInputs.readable(f, true);
      formats.add(fmt);
      list.add(new BatchRun.Input(f, fmt));
    }
    CalendarInputs.venuesFor(spec.commandLine(), formats, venues);
    return list;
  }

  private Tier tier() {
    if (minTier == null) {
      return null;
    }
    return Tier.parse(minTier)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--min-tier: unknown tier '"
                        + minTier
                        + "'; expected LOW, MODERATE, ELEVATED, HIGH or SEVERE"));
  }
}
