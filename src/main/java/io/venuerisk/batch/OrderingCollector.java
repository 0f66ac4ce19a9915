package io.venuerisk.batch;

import io.venuerisk.io.BatchReport;
import io.venuerisk.io.BatchSummary;
import io.venuerisk.model.Tier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Puts rows back in input order, counts them, filters, and writes or sorts them. Streaming, rows
 * wait in memory only until the ones before them arrive; sorted (by {@code --sort}, or back into
 * input order after the calendar was sorted by date) they go through a temporary sort that spills
 * to disk, so no order of rows holds the report in memory. {@code --top} keeps its N.
 */
final class OrderingCollector implements AutoCloseable {
  record Row(
      long seq, double score, double inherent, Tier tier, LocalDate date, String id, String text) {}

  static final SpillSort.Codec<Row> ROWS =
      new SpillSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Row r) throws IOException {
          out.writeLong(r.seq());
          out.writeDouble(r.score());
          out.writeDouble(r.inherent());
          out.writeByte(r.tier().ordinal());
          out.writeLong(r.date().toEpochDay());
          out.writeUTF(r.id());
          byte[] text = r.text().getBytes(StandardCharsets.UTF_8);
          out.writeInt(text.length);
          out.write(text);
        }

        @Override
        public Row read(DataInputStream in) throws IOException {
          long seq = in.readLong();
          double score = in.readDouble();
          double inherent = in.readDouble();
          Tier tier = Tier.values()[in.readByte()];
          LocalDate date = LocalDate.ofEpochDay(in.readLong());
          String id = in.readUTF();
          byte[] text = in.readNBytes(in.readInt());
          return new Row(
              seq, score, inherent, tier, date, id, new String(text, StandardCharsets.UTF_8));
        }

        @Override
        public long size(Row r) {
          return 120 + 2L * (r.id().length() + r.text().length());
        }
      };

  final BatchReport report;
  private final BatchSummary summary;
  private final BatchRun.Options options;
  private final Progress progress;

  /** Rows in input order: written as they come, once the rows before them have come. */
  private final boolean streaming;

  private final Map<Long, Row> waiting = new HashMap<>();
  private long waitingBytes;
  private long next;
  private final PriorityQueue<Row> top;

  /** Rows sorted for the report, in temporary files past {@link BatchRun#SPILL_BYTES}. */
  private SpillSort<Row> sorted;

  long shown;

  /**
   * @param inOrder whether rows come in input order (give or take the reorder window), not in date
   *     order
   */
  OrderingCollector(
      BatchReport report,
      BatchSummary summary,
      BatchRun.Options options,
      Progress progress,
      boolean inOrder) {
    this.report = report;
    this.summary = summary;
    this.options = options;
    this.progress = progress;
    boolean inputOrder = options.top() <= 0 && options.sort() == BatchRun.Sort.input;
    this.streaming = inOrder && inputOrder;
    this.top = options.top() > 0 ? new PriorityQueue<>(best().reversed()) : null;
    this.sorted =
        streaming || top != null
            ? null
            : new SpillSort<>(ROWS, order(options), BatchRun.SPILL_BYTES, null);
  }

  @Override
  public void close() {
    if (sorted != null) {
      sorted.close();
    }
  }

  /** The order of the report's rows. */
  static Comparator<Row> order(BatchRun.Options options) {
    BatchRun.Sort sort = options.sort() != null ? options.sort() : BatchRun.Sort.score;
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
    if (waitingBytes > BatchRun.SPILL_BYTES) {
      // a calendar shuffled within the reorder window, with large rows (JSON): every row from
      // here on goes through a sort back into input order, rather than waiting in memory
      sorted =
          new SpillSort<>(ROWS, Comparator.comparingLong(Row::seq), BatchRun.SPILL_BYTES, null);
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
