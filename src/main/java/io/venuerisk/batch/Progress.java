package io.venuerisk.batch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr: events scored of the estimated total (records read so far,
 * scaled by the share of input bytes they took), rate and time left. Drawn only when stderr is a
 * terminal, so logs and pipes get the final summary only.
 */
final class Progress implements AutoCloseable {
  private static final long EVERY_MS = 250;

  final AtomicLong bytesRead = new AtomicLong();

  /** Records read so far, scored or rejected: with the bytes, an estimate of the total. */
  final AtomicLong records = new AtomicLong();

  final AtomicLong scored = new AtomicLong();
  private final long totalBytes;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  private Progress(PrintWriter err, long totalBytes, boolean draw) {
    this.err = err;
    this.totalBytes = Math.max(1, totalBytes);
    if (draw) {
      thread = new Thread(this::loop, "venue-risk-progress");
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  static Progress start(PrintWriter err, long totalBytes, boolean draw) {
    return new Progress(err, totalBytes, draw);
  }

  /** True if file descriptor 2 is a terminal (Linux: /proc/self/fd/2 links to a tty). */
  static boolean stderrIsTerminal() {
    if (System.getenv("TERM") != null && System.getenv("TERM").equals("dumb")) {
      return false;
    }
    try {
      String link = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return link.startsWith("/dev/pts/") || link.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(EVERY_MS);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        draw();
      }
    }
  }

  private synchronized void draw() {
    double seconds = (System.nanoTime() - start) / 1e9;
    long n = scored.get();
    long bytes = bytesRead.get();
    // the total is not known while streaming: estimate it from the bytes per record so far
    double total = bytes == 0 ? 0 : (double) records.get() * totalBytes / bytes;
    double share = total < 1 ? 0 : Math.min(1.0, n / total);
    int width = 24;
    int filled = (int) Math.round(share * width);
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    String left = share > 0.005 ? clock(seconds * (1 - share) / share) : "--:--";
    err.print(
        String.format(
            java.util.Locale.ROOT,
            "\r[%s] %3.0f%%  %,d of ~%,.0f records  %,.0f/s  %s left ",
            bar,
            share * 100,
            n,
            total,
            n / Math.max(seconds, 0.001),
            left));
    err.flush();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      err.print("\r" + " ".repeat(79) + "\r");
      err.flush();
    }
  }
}
