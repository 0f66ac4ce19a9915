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
 * the rows, then the tail. Memory stays flat however many rows there are.
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
      head(out, summary);
      try (BufferedReader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
        long n = 0;
        String line;
        while ((line = r.readLine()) != null) {
          render(out, CalendarRow.parse(line), n++, summary);
        }
      }
      tail(out, summary);
    } finally {
      Files.deleteIfExists(spool);
      OutOfHeap.forget(spool.toFile());
    }
  }

  abstract void head(Writer out, BatchSummary summary) throws IOException;

  /** Writes the row, the {@code index}th of the report (from 0). */
  abstract void render(Writer out, CalendarRow row, long index, BatchSummary summary)
      throws IOException;

  abstract void tail(Writer out, BatchSummary summary) throws IOException;
}
