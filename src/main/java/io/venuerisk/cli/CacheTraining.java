package io.venuerisk.cli;

import java.io.PrintWriter;

/**
 * The training run of {@code bin/venue-risk}'s start-up cache: {@code assess}, {@code explain},
 * {@code plan} and {@code batch} of shipped files, one after the other in one JVM, so that the AOT
 * cache or AppCDS archive the JVM writes at exit holds the classes that each of the four loads, not
 * only those of one command (an {@code assess} alone leaves about 200 classes of {@code explain}
 * and of {@code batch} to load from the jar on every run).
 *
 * <p>{@code java -XX:AOTCacheOutput=FILE -cp venue-risk.jar io.venuerisk.cli.CacheTraining SCENARIO
 * CALENDAR}; output goes where the launcher sends it (nowhere). The exit code is the worst of the
 * four, so a failed command leaves the launcher without a cache rather than with one trained on an
 * error path.
 */
public final class CacheTraining {
  private CacheTraining() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CacheTraining SCENARIO CALENDAR");
      System.exit(ExitCodes.USAGE);
    }
    String[][] runs = {
      {"assess", args[0]},
      {"explain", args[0]},
      {"plan", args[0]},
      {"batch", args[1], "--quiet"},
    };
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int worst = 0;
    for (String[] run : runs) {
      worst = Math.max(worst, VenueRisk.run(run, out, err));
    }
    System.exit(worst);
  }
}
