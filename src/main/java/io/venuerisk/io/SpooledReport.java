package io.venuerisk.io;

import io.venuerisk.engine.OutOfHeap;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report whose head (counts per tier, a chart) is known only after the last row: rows go to a
 * temporary file as they come, and {@link #end} writes the head, then the rows, then the tail.
 * Memory stays flat however many rows there are.
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

  @Override
  public void add(String row) throws IOException {
    rows.write(row);
  }

  @Override
  public void end(BatchSummary summary) throws IOException {
    try {
      rows.close();
      head(out, summary);
      try (Reader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
        r.transferTo(out);
      }
      tail(out, summary);
    } finally {
      Files.deleteIfExists(spool);
      OutOfHeap.forget(spool.toFile());
    }
  }

  abstract void head(Writer out, BatchSummary summary) throws IOException;

  abstract void tail(Writer out, BatchSummary summary) throws IOException;
}
