package io.venuerisk.batch;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.BatchReport;
import io.venuerisk.io.BatchSummary;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.OutputException;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scores calendars as a stream: read a record, find its peers ({@link PeerWindow}), score chunks of
 * released events on a bounded pool of threads, and write the report sorted by risk at the end (or
 * in input order as the rows come, with {@code --sort input}). Results do not depend on the number
 * of threads or on how events fall into chunks, because each event's session sees only its own
 * peers: the output bytes are the same either way.
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

  private final Engine engine;
  private final ScenarioJson json;
  private final VenueRegistry venues;
  private final List<Input> inputs;
  private final Supplier<BatchReport> reports;
  private final Options options;
  private final PrintWriter err;
  private Consumer<InputException> rejections;
  private Consumer<InputException> warnings;
  private volatile Pass current;
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
    Pass first = new Pass(options.reorder(), 0, 0, totalBytes);
    current = first;
    try {
      return first.run(output);
    } catch (Reread r) {
      err.println(
          "venue-risk: "
              + r.getMessage()
              + "; reading the calendar again and sorting it by"
              + " date in temporary files, to keep every event's peers exact (see docs/batch.md)");
      err.flush();
      Pass second = new Pass(0, first.reported, first.warned, totalBytes);
      current = second;
      return second.run(output);
    }
  }

  /**
   * What the batch has done so far, for the summary of an interrupted run (read from another
   * thread; the counts may lag by an event): "1200 events scored (SEVERE 3, ...), 2 rejected".
   */
  public String soFar() {
    Pass p = current;
    if (p == null) {
      return "0 events scored, 0 rejected";
    }
    long n = p.summary.events();
    return n
        + (n == 1 ? " event" : " events")
        + " scored ("
        + p.summary.tiers()
        + "), "
        + p.rejected
        + " rejected";
  }

  /**
   * "31 of 31 records: date: ...", when most records were rejected for the same reason (see {@link
   * io.venuerisk.io.RejectionSummary}); empty otherwise.
   */
  public java.util.Optional<String> rejectionSummary(BatchSummary summary) {
    return tally.summary(summary.events() + summary.rejected());
  }

  /** True when no record could be scored: no report was written. */
  public static boolean nothingScored(BatchSummary summary) {
    return summary.events() == 0 && summary.rejected() > 0;
  }

  /** True if stderr is a terminal, where a progress bar may be drawn. */
  public static boolean stderrIsTerminal() {
    return Progress.stderrIsTerminal();
  }

  /** The calendar is out of date order by more than the reorder buffer. */
  private static final class Reread extends RuntimeException {
    Reread(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * One reading of the inputs. With a reorder buffer, the events stream through the peer window as
   * they are read; with none ({@code reorder == 0}), they are first sorted by start date in
   * temporary files and the report's rows sorted back into their order the same way, so memory
   * stays flat for a calendar in any order.
   */
  private final class Pass {
    private final int reorder;
    private final long alreadyReported;
    private final long alreadyWarned;
    private final long totalBytes;
    private final BatchSummary summary = new BatchSummary();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long seq;
    private volatile long rejected;
    private long reported;
    private long warned;
    private Collector collector;
    private List<PeerWindow.Item> chunk = new ArrayList<>(CHUNK);
    private ExecutorService pool;
    private Semaphore inFlight;

    Pass(int reorder, long alreadyReported, long alreadyWarned, long totalBytes) {
      this.reorder = reorder;
      this.alreadyReported = alreadyReported;
      this.alreadyWarned = alreadyWarned;
      this.totalBytes = totalBytes;
      List<String> names = new ArrayList<>();
      for (Input in : inputs) {
        names.add(in.shortName());
      }
      summary.inputs(String.join(", ", names));
    }

    BatchSummary run(AtomicOutput output) {
      if (reorder > 0) {
        return run(output, null);
      }
      try (SpillSort<ScenarioCodec.Numbered> events =
          new SpillSort<>(
              ScenarioCodec.NUMBERED,
              Comparator.comparingLong((ScenarioCodec.Numbered n) -> n.scenario().startDay())
                  .thenComparingLong(ScenarioCodec.Numbered::seq),
              SPILL_BYTES,
              null)) {
        return run(output, events);
      }
    }

    /**
     * @param spill null to stream the calendar as it comes, else the sort that puts it in date
     *     order
     */
    private BatchSummary run(AtomicOutput output, SpillSort<ScenarioCodec.Numbered> spill) {
      int threads = Math.max(1, options.threads());
      int permits = threads * 4;
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "venue-risk-score");
                t.setDaemon(true);
                return t;
              });
      inFlight = new Semaphore(permits);
      BatchReport report = reports.get();
      try (Progress progress = Progress.start(err, totalBytes, options.progress())) {
        Writer writer = output.open();
        report.begin(writer);
        collector = new Collector(report, summary, options, progress, spill == null);
        PeerWindow window = new PeerWindow(spill == null ? reorder : 1, this::released);
        for (Input in : inputs) {
          read(in, window, progress, spill);
        }
        if (spill != null) {
          // sorted by start date: the window releases each event as it passes, none out of order
          for (var it = spill.sorted(); it.hasNext(); ) {
            ScenarioCodec.Numbered n = it.next();
            window.add(n.seq(), n.scenario());
          }
        }
        window.finish();
        submit();
        inFlight.acquire(permits);
        rethrow();
        collector.finish();
        summary.rejected(rejected);
        summary.shown(collector.shown);
        if (summary.events() == 0 && rejected > 0) {
          // nothing could be scored: a report of no rows would pass for a clean calendar
          return summary;
        }
        report.end(summary);
        output.commit();
        return summary;
      } catch (IOException e) {
        throw new OutputException("cannot write the report: " + e.getMessage(), e);
      } catch (PeerWindow.OutOfOrder e) {
        throw new IllegalStateException("the sorted calendar came back out of order", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BatchException("interrupted", e);
      } finally {
        pool.shutdownNow();
        try {
          pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (collector != null) {
          collector.close(); // its temporary sort files, whether the run ended well or not
        }
        summary.rejections().close();
      }
    }

    private void read(
        Input in, PeerWindow window, Progress progress, SpillSort<ScenarioCodec.Numbered> spill)
        throws IOException {
      String file = in.name();
      ScenarioJson fileJson =
          io.venuerisk.io.Reading.forFile(json, venues, in.format(), in.path(), file);
      CalendarReader reader = in.format().reader(fileJson, venues);
      try (InputStream stream = new Counting(Files.newInputStream(in.path()), progress)) {
        reader.read(
            file,
            stream,
            new CalendarReader.Sink() {
              @Override
              public void scenario(Scenario scenario, long record, long line) {
                rethrow();
                progress.records.incrementAndGet();
                if (spill != null) {
                  spill.add(new ScenarioCodec.Numbered(seq++, scenario));
                  return;
                }
                try {
                  window.add(seq++, scenario);
                } catch (PeerWindow.OutOfOrder e) {
                  throw new Reread(file + ": record " + record + ": " + e.getMessage());
                }
              }

              @Override
              public void rejected(InputException error) {
                progress.records.incrementAndGet();
                progress.scored.incrementAndGet();
                rejected++;
                reported++;
                summary.rejections().add(error); // each pass's report lists them all
                if (reported > alreadyReported) {
                  tally.add(error);
                  if (rejections != null) {
                    rejections.accept(error);
                  } else {
                    err.println("venue-risk: " + error.getMessage());
                  }
                }
              }

              @Override
              public void warning(InputException warning) {
                warned++;
                if (warned > alreadyWarned) {
                  if (warnings != null) {
                    warnings.accept(warning);
                  } else {
                    err.println("venue-risk: warning: " + warning.getMessage());
                  }
                }
              }
            });
      } catch (Reread r) {
        pool.shutdownNow();
        throw r;
      }
      // values read in another spelling than the contract's: once per file, with their count
      if (fileJson.reading() != null) {
        for (InputException w : fileJson.reading().warnings()) {
          warned++;
          if (warned > alreadyWarned) {
            if (warnings != null) {
              warnings.accept(w);
            } else {
              err.println("venue-risk: warning: " + w.getMessage());
            }
          }
        }
      }
      err.flush();
    }

    private void released(PeerWindow.Item item) {
      chunk.add(item);
      if (chunk.size() >= CHUNK) {
        submit();
      }
    }

    private void submit() {
      if (chunk.isEmpty()) {
        return;
      }
      List<PeerWindow.Item> items = chunk;
      chunk = new ArrayList<>(CHUNK);
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BatchException("interrupted", e);
      }
      rethrow();
      pool.execute(
          () -> {
            try {
              score(items);
            } catch (Throwable t) {
              OutOfHeap.exitIf(t);
              failure.compareAndSet(null, t);
            } finally {
              inFlight.release();
            }
          });
    }

    private void score(List<PeerWindow.Item> items) {
      List<Scenario> group = new ArrayList<>(items.size());
      List<PeerGroup> peers = new ArrayList<>();
      for (PeerWindow.Item i : items) {
        group.add(i.scenario);
        peers.addAll(i.groups());
      }
      List<Assessment> results = engine.assessWithGroups(group, peers);
      List<Collector.Row> rows = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        Assessment a = results.get(i);
        summary.facts(a);
        rows.add(
            new Collector.Row(
                items.get(i).seq,
                a.score(),
                a.inherent().score(),
                a.tier(),
                a.scenario().date(),
                a.id(),
                collector.report.row(a)));
      }
      collector.deliver(rows);
    }

    private void rethrow() {
      Throwable t = failure.get();
      if (t == null) {
        return;
      }
      if (t instanceof UncheckedIOException io) {
        throw new OutputException("cannot write the report: " + io.getCause().getMessage(), io);
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new BatchException(t.toString(), t);
    }
  }

  /**
   * Puts rows back in input order, counts them, filters, and writes or sorts them. Streaming, rows
   * wait in memory only until the ones before them arrive; sorted (by {@code --sort}, or back into
   * input order after the calendar was sorted by date) they go through a temporary sort that spills
   * to disk, so no order of rows holds the report in memory. {@code --top} keeps its N.
   */
  private static final class Collector implements AutoCloseable {
    record Row(
        long seq,
        double score,
        double inherent,
        Tier tier,
        LocalDate date,
        String id,
        String text) {}

    static final SpillSort.Codec<Row> ROWS =
        new SpillSort.Codec<>() {
          @Override
          public void write(java.io.DataOutputStream out, Row r) throws IOException {
            out.writeLong(r.seq());
            out.writeDouble(r.score());
            out.writeDouble(r.inherent());
            out.writeByte(r.tier().ordinal());
            out.writeLong(r.date().toEpochDay());
            out.writeUTF(r.id());
            byte[] text = r.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
          }

          @Override
          public Row read(java.io.DataInputStream in) throws IOException {
            long seq = in.readLong();
            double score = in.readDouble();
            double inherent = in.readDouble();
            Tier tier = Tier.values()[in.readByte()];
            LocalDate date = LocalDate.ofEpochDay(in.readLong());
            String id = in.readUTF();
            byte[] text = in.readNBytes(in.readInt());
            return new Row(
                seq,
                score,
                inherent,
                tier,
                date,
                id,
                new String(text, java.nio.charset.StandardCharsets.UTF_8));
          }

          @Override
          public long size(Row r) {
            return 120 + 2L * (r.id().length() + r.text().length());
          }
        };

    final BatchReport report;
    private final BatchSummary summary;
    private final Options options;
    private final Progress progress;

    /** Rows in input order: written as they come, once the rows before them have come. */
    private final boolean streaming;

    private final Map<Long, Row> waiting = new HashMap<>();
    private long waitingBytes;
    private long next;
    private final PriorityQueue<Row> top;

    /** Rows sorted for the report, in temporary files past {@link #SPILL_BYTES}. */
    private SpillSort<Row> sorted;

    long shown;

    /**
     * @param inOrder whether rows come in input order (give or take the reorder window), not in
     *     date order
     */
    Collector(
        BatchReport report,
        BatchSummary summary,
        Options options,
        Progress progress,
        boolean inOrder) {
      this.report = report;
      this.summary = summary;
      this.options = options;
      this.progress = progress;
      boolean inputOrder = options.top() <= 0 && options.sort() == Sort.input;
      this.streaming = inOrder && inputOrder;
      this.top = options.top() > 0 ? new PriorityQueue<>(best().reversed()) : null;
      this.sorted =
          streaming || top != null
              ? null
              : new SpillSort<>(ROWS, order(options), SPILL_BYTES, null);
    }

    @Override
    public void close() {
      if (sorted != null) {
        sorted.close();
      }
    }

    /** The order of the report's rows. */
    static Comparator<Row> order(Options options) {
      Sort sort = options.sort() != null ? options.sort() : Sort.score;
      return switch (sort) {
        case input -> Comparator.comparingLong(Row::seq);
        case score -> best();
        case date -> Comparator.comparing(Row::date).thenComparingLong(Row::seq);
        case id -> Comparator.comparing(Row::id).thenComparingLong(Row::seq);
      };
    }

    /** Highest residual risk first, then highest inherent risk, then input order. */
    private static Comparator<Row> best() {
      return Comparator.comparingDouble((Row r) -> -r.score())
          .thenComparingDouble(r -> -r.inherent())
          .thenComparingLong(Row::seq);
    }

    synchronized void deliver(List<Row> rows) {
      if (!streaming || sorted != null) {
        // sorted or cut to the top N: the order they come in does not matter
        rows.forEach(this::emit);
        return;
      }
      for (Row r : rows) {
        waiting.put(r.seq(), r);
        waitingBytes += ROWS.size(r);
      }
      Row r;
      while ((r = waiting.remove(next)) != null) {
        next++;
        waitingBytes -= ROWS.size(r);
        emit(r);
      }
      if (waitingBytes > SPILL_BYTES) {
        // a calendar shuffled within the reorder window, with large rows (JSON): every row from
        // here on goes through a sort back into input order, rather than waiting in memory
        sorted = new SpillSort<>(ROWS, Comparator.comparingLong(Row::seq), SPILL_BYTES, null);
        waiting.values().forEach(this::emit);
        waiting.clear();
        waitingBytes = 0;
      }
    }

    private void emit(Row r) {
      summary.count(r.date(), r.tier());
      progress.scored.incrementAndGet();
      if (options.minTier() != null && r.tier().compareTo(options.minTier()) < 0) {
        return;
      }
      if (top != null) {
        top.add(r);
        if (top.size() > options.top()) {
          top.poll();
        }
      } else if (sorted != null) {
        sorted.add(r);
      } else {
        shown++;
        write(r);
      }
    }

    private void write(Row r) {
      try {
        report.add(r.text());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void finish() {
      if (!waiting.isEmpty()) {
        throw new IllegalStateException(waiting.size() + " results never came back in order");
      }
      if (sorted != null) {
        for (var it = sorted.sorted(); it.hasNext(); ) {
          shown++;
          write(it.next());
        }
      } else if (top != null) {
        List<Row> rows = new ArrayList<>(top);
        rows.sort(order(options));
        for (Row r : rows) {
          shown++;
          write(r);
        }
      }
    }
  }

  /** Counts bytes read, for the progress bar's share and time left. */
  private static final class Counting extends FilterInputStream {
    private final Progress progress;

    Counting(InputStream in, Progress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.bytesRead.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.bytesRead.addAndGet(n);
      }
      return n;
    }
  }
}
