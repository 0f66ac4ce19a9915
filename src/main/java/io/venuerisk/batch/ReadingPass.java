package io.venuerisk.batch;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.BatchReport;
import io.venuerisk.io.BatchSummary;
import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.OutputException;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.Scenario;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One reading of the inputs: each record read goes through the {@link PeerWindow}, the events it
 * releases are scored in chunks on a bounded pool of threads, and their rows go to an {@link
 * OrderingCollector} for the report. With a reorder buffer, the events stream through the peer
 * window as they are read; with none ({@code reorder == 0}), they are first sorted by start date in
 * temporary files and the report's rows sorted back into their order the same way, so memory stays
 * flat for a calendar in any order. A calendar further out of date order than the buffer ends the
 * pass with {@link Reread}, and {@link BatchRun} reads it again without one.
 */
final class ReadingPass {
  private final BatchRun batch;
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
  private OrderingCollector collector;
  private List<PeerWindow.Item> chunk = new ArrayList<>(BatchRun.CHUNK);
  private ExecutorService pool;
  private Semaphore inFlight;

  ReadingPass(
      BatchRun batch, int reorder, long alreadyReported, long alreadyWarned, long totalBytes) {
    this.batch = batch;
    this.reorder = reorder;
    this.alreadyReported = alreadyReported;
    this.alreadyWarned = alreadyWarned;
    this.totalBytes = totalBytes;
    List<String> names = new ArrayList<>();
    for (BatchRun.Input in : batch.inputs) {
      names.add(in.shortName());
    }
    summary.inputs(String.join(", ", names));
  }

  /** The counts so far; read from another thread for an interrupted run's summary. */
  BatchSummary summary() {
    return summary;
  }

  long rejected() {
    return rejected;
  }

  /** Rejected records told so far, so that a second pass tells each once. */
  long reported() {
    return reported;
  }

  /** Warnings told so far, so that a second pass tells each once. */
  long warned() {
    return warned;
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
            BatchRun.SPILL_BYTES,
            null)) {
      return run(output, events);
    }
  }

  /**
   * @param spill null to stream the calendar as it comes, else the sort that puts it in date order
   */
  private BatchSummary run(AtomicOutput output, SpillSort<ScenarioCodec.Numbered> spill) {
    int threads = Math.max(1, batch.options.threads());
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
    BatchReport report = batch.reports.get();
    try (Progress progress = Progress.start(batch.err, totalBytes, batch.options.progress())) {
      Writer writer = output.open();
      report.begin(writer);
      collector = new OrderingCollector(report, summary, batch.options, progress, spill == null);
      PeerWindow window = new PeerWindow(spill == null ? reorder : 1, this::released);
      for (BatchRun.Input in : batch.inputs) {
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
      BatchRun.Input in,
      PeerWindow window,
      Progress progress,
      SpillSort<ScenarioCodec.Numbered> spill)
      throws IOException {
    String file = in.name();
    ScenarioJson fileJson =
        io.venuerisk.io.Reading.forFile(batch.json, batch.venues, in.format(), in.path(), file);
    CalendarReader reader = in.format().reader(fileJson, batch.venues);
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
                batch.tellRejected(error);
              }
            }

            @Override
            public void warning(InputException warning) {
              warned++;
              if (warned > alreadyWarned) {
                batch.tellWarning(warning);
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
          batch.tellWarning(w);
        }
      }
    }
    batch.err.flush();
  }

  private void released(PeerWindow.Item item) {
    chunk.add(item);
    if (chunk.size() >= BatchRun.CHUNK) {
      submit();
    }
  }

  private void submit() {
    if (chunk.isEmpty()) {
      return;
    }
    List<PeerWindow.Item> items = chunk;
    chunk = new ArrayList<>(BatchRun.CHUNK);
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
    List<Assessment> results = batch.engine.assessWithGroups(group, peers);
    List<OrderingCollector.Row> rows = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Assessment a = results.get(i);
      summary.facts(a);
      rows.add(
          new OrderingCollector.Row(
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

  /** The calendar is out of date order by more than the reorder buffer. */
  static final class Reread extends RuntimeException {
    Reread(String message) {
      super(message, null, false, false);
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
