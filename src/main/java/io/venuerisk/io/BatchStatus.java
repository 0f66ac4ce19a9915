package io.venuerisk.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The lines {@code batch} prints on its error stream about the run as a whole: how it ended, what
 * it scored and rejected, how long it took, and where the report went.
 */
public final class BatchStatus {
  private BatchStatus() {}

  /**
   * The run was stopped by a signal.
   *
   * @param soFar the events scored and rejected before the signal
   * @param written the report was complete and in place before the signal came
   * @param out the report's file, null for standard output
   */
  public static String interrupted(String soFar, double seconds, boolean written, Path out) {
    return String.format(
        Locale.ROOT,
        "venue-risk: interrupted: %s, %.1f s; %s",
        soFar,
        seconds,
        written
            ? "the report was complete" + (out == null ? "" : " and is in " + out)
            : "nothing written" + (out == null ? "" : ", " + out + " untouched"));
  }

  /** Every record was rejected: no report was written. */
  public static String nothingScored(BatchSummary summary, double seconds, Path out) {
    return String.format(
        Locale.ROOT,
        "venue-risk: 0 events scored, %d rejected, %.1f s; no report written, since no"
            + " record could be scored%s",
        summary.rejected(),
        seconds,
        out == null ? "" : " (" + out + " untouched)");
  }

  /**
   * The run's last line: events by tier, rejected records, time, rule firings per event (what the
   * rule pack costs, for anyone who edits it) and the report written.
   */
  public static String done(BatchSummary summary, double seconds, long firings, Path out) {
    return String.format(
        Locale.ROOT,
        "venue-risk: %s scored (%s), %d rejected, %.1f s, %.1f rule firings per event%s",
        events(summary.events()),
        summary.tiers(),
        summary.rejected(),
        seconds,
        summary.events() == 0 ? 0.0 : (double) firings / summary.events(),
        out == null ? "" : "; wrote " + out + " (" + events(summary.shown()) + ")");
  }

  private static String events(long n) {
    return n + (n == 1 ? " event" : " events");
  }
}
