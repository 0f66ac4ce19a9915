package io.venuerisk.io;

import io.venuerisk.engine.OutOfHeap;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report whose head (counts per tier, a chart, the reasons every event shares) and whose rows
 * (the reasons that set each event apart) are known only after the last row: each row's {@link
 * CalendarRow} goes to a temporary file as it comes, and {@link #end} writes the head, then renders
 * the rows, then the tail (or, for a page that holds its rows, the page around them). Memory stays
 * flat however many rows there are.
 */
abstract class SpooledReport implements BatchReport {
  private Writer out;
  private Path spool;
  private Writer rows;

  @Override
  public void begin(Writer out) throws IOException {
    this.out = out;
    this.spool = Files.createTempFile("venue-risk-rows-", ".tmp");
    spool.toFile().deleteOnExit();
    OutOfHeap.remove(spool.toFile());
    this.rows = new BufferedWriter(Files.newBufferedWriter(spool, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The event as the rows are rendered from at the end. */
  @Override
  public String row(io.venuerisk.model.Assessment a) {
    return CalendarRow.of(a, details(a)).line();
  }

  /** The event's findings and measures in full, for a format that shows them; null otherwise. */
  String details(io.venuerisk.model.Assessment a) {
    return null;
  }

  @Override
  public void add(String row) throws IOException {
    rows.write(row);
  }

  @Override
  public void end(BatchSummary summary) throws IOException {
    try {
      rows.close();
      write(
          out,
          summary,
          each -> {
            try (BufferedReader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
              long n = 0;
              String line;
              while ((line = r.readLine()) != null) {
                each.write(CalendarRow.parse(line), n++);
              }
            }
          });
    } finally {
      Files.deleteIfExists(spool);
      OutOfHeap.forget(spool.toFile());
    }
  }

  /**
   * Writes the report, {@code rows} where the rows go. By default the head, each row, the tail; a
   * page that holds its rows (HTML) writes itself around them.
   */
  void write(Writer out, BatchSummary summary, Rows rows) throws IOException {
    head(out, summary);
    rows.each((row, index) -> render(out, row, index, summary));
    tail(out, summary);
  }

  /** The spooled rows, read back in order. */
  @FunctionalInterface
  interface Rows {
    void each(RowWriter writer) throws IOException;
  }

  /** What writes the {@code index}th row of the report (from 0). */
  @FunctionalInterface
  interface RowWriter {
    void write(CalendarRow row, long index) throws IOException;
  }

  /** What comes before the rows: nothing unless the format says. */
  void head(Writer out, BatchSummary summary) throws IOException {}

  /** Writes the row, the {@code index}th of the report (from 0). */
  abstract void render(Writer out, CalendarRow row, long index, BatchSummary summary)
      throws IOException;

  /** What comes after the rows: nothing unless the format says. */
  void tail(Writer out, BatchSummary summary) throws IOException {}
}
