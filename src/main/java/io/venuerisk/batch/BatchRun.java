package io.venuerisk.batch;

import io.venuerisk.engine.Engine;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.BatchReport;
import io.venuerisk.io.BatchSummary;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.InputException;
import io.venuerisk.model.OutputException;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scores calendars as a stream: read a record, find its peers ({@link PeerWindow}), score chunks of
 * released events on a bounded pool of threads, and write the report sorted by risk at the end (or
 * in input order as the rows come, with {@code --sort input}). Results do not depend on the number
 * of threads or on how events fall into chunks, because each event's session sees only its own
 * peers: the output bytes are the same either way.
 *
 * <p>This class holds what was asked for and tells rejected records and warnings; a {@link
 * ReadingPass} reads, scores and writes, and its {@link OrderingCollector} puts the rows in the
 * report's order. A calendar out of date order by more than the reorder buffer takes a second pass
 * that sorts it by date in temporary files.
 */
public final class BatchRun {
  /** Events scored in one Drools session; sessions of tens of events amortise session set-up. */
  public static final int CHUNK = 32;

  /** Events held to put a roughly date-ordered calendar in order (docs/batch.md). */
  public static final int REORDER = 10_000;

  /**
   * Bytes of events, and of report rows, held in memory before a sorted run is written to a
   * temporary file (a calendar out of date order, rows sorted by {@code --sort}): 16 MB, or a
   * thirty-second of the heap when that is smaller. The sizes are estimates, and the objects behind
   * them take more; small runs keep a large calendar's heap near a small one's, and merging more
   * runs costs little (one read buffer each).
   */
  static final long SPILL_BYTES =
      Math.max(1L << 20, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32));

  /**
   * A calendar file and its format.
   *
   * @param name what messages call the file: the path as given, or for a calendar that came another
   *     way (an upload spooled to a temporary file) the name its sender gave it
   */
  public record Input(Path path, CalendarFormat format, String name) {
    public Input(Path path, CalendarFormat format) {
      this(path, format, path.toString());
    }

    /** The name without its folders, as the report's summary lists inputs. */
    String shortName() {
      int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(java.io.File.separatorChar));
      return name.substring(cut + 1);
    }
  }

  /** The order of the report's rows. */
  public enum Sort {
    input,
    score,
    date,
    id
  }

  /**
   * What {@code batch} was asked for.
   *
   * @param minTier null for every tier
   * @param top 0 for every event, else the highest-scoring {@code top}
   * @param sort null when not given: score order (highest residual, then inherent risk first)
   * @param reorder events held to put the calendar in date order (0: sort it by date in temporary
   *     files, for a calendar in any order)
   */
  public record Options(
      int threads, Tier minTier, int top, Sort sort, boolean progress, int reorder) {}

  // what each pass reads with
  final Engine engine;
  final ScenarioJson json;
  final VenueRegistry venues;
  final List<Input> inputs;
  final Supplier<BatchReport> reports;
  final Options options;
  final PrintWriter err;
  private Consumer<InputException> rejections;
  private Consumer<InputException> warnings;
  private volatile ReadingPass current;
  private final io.venuerisk.io.RejectionSummary tally = new io.venuerisk.io.RejectionSummary();

  public BatchRun(
      Engine engine,
      ScenarioJson json,
      VenueRegistry venues,
      List<Input> inputs,
      Supplier<BatchReport> reports,
      Options options,
      PrintWriter err) {
    this.engine = engine;
    this.json = json;
    this.venues = venues;
    this.inputs = List.copyOf(inputs);
    this.reports = reports;
    this.options = options;
    this.err = err;
  }

  /**
   * Hands each rejected record to {@code listener} instead of printing it on the error writer (a
   * server answers with them); a record is handed over once even if the calendar is read again.
   */
  public BatchRun onRejected(Consumer<InputException> listener) {
    this.rejections = listener;
    return this;
  }

  /**
   * Hands each warning (a recurring event cut at the expansion window) to {@code listener} instead
   * of printing it on the error writer; a warning is handed over once even if the calendar is read
   * again.
   */
  public BatchRun onWarning(Consumer<InputException> listener) {
    this.warnings = listener;
    return this;
  }

  /**
   * Writes the report to {@code output} and commits it.
   *
   * @throws InputException when a file cannot be read as a calendar at all (nothing is written)
   * @throws OutputException when the report cannot be written (nothing is written)
   */
  public BatchSummary run(AtomicOutput output) {
    long totalBytes = 0;
    for (Input in : inputs) {
      try {
        totalBytes += Files.size(in.path());
      } catch (IOException e) {
        throw InputException.of(in.name(), "cannot read: " + e.getMessage());
      }
    }
    ReadingPass first = new ReadingPass(this, options.reorder(), 0, 0, totalBytes);
    current = first;
    try {
      return first.run(output);
    } catch (ReadingPass.Reread r) {
      err.println(
          "venue-risk: "
              + r.getMessage()
              + "; reading the calendar again and sorting it by"
              + " date in temporary files, to keep every event's peers exact (see docs/batch.md)");
      err.flush();
      ReadingPass second = new ReadingPass(this, 0, first.reported(), first.warned(), totalBytes);
      current = second;
      return second.run(output);
    }
  }

  /**
   * What the batch has done so far, for the summary of an interrupted run (read from another
   * thread; the counts may lag by an event): "1200 events scored (SEVERE 3, ...), 2 rejected".
   */
  public String soFar() {
    ReadingPass p = current;
    if (p == null) {
      return "0 events scored, 0 rejected";
    }
    long n = p.summary().events();
    return n
        + (n == 1 ? " event" : " events")
        + " scored ("
        + p.summary().tiers()
        + "), "
        + p.rejected()
        + " rejected";
  }

  /**
   * "31 of 31 records: date: ...", when most records were rejected for the same reason (see {@link
   * io.venuerisk.io.RejectionSummary}); empty otherwise.
   */
  public java.util.Optional<String> rejectionSummary(BatchSummary summary) {
    return tally.summary(summary.events() + summary.rejected());
  }

  /** A rejected record, told once: to the listener, or as a line on the error writer. */
  void tellRejected(InputException error) {
    tally.add(error);
    if (rejections != null) {
      rejections.accept(error);
    } else {
      err.println("venue-risk: " + error.getMessage());
    }
  }

  /** A warning, told once: to the listener, or as a line on the error writer. */
  void tellWarning(InputException warning) {
    if (warnings != null) {
      warnings.accept(warning);
    } else {
      err.println("venue-risk: warning: " + warning.getMessage());
    }
  }

  /** True when no record could be scored: no report was written. */
  public static boolean nothingScored(BatchSummary summary) {
    return summary.events() == 0 && summary.rejected() > 0;
  }

  /** True if stderr is a terminal, where a progress bar may be drawn. */
  public static boolean stderrIsTerminal() {
    return Progress.stderrIsTerminal();
  }
}
