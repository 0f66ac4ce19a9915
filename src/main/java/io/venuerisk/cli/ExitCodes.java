package io.venuerisk.cli;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.engine.RulesException;
import io.venuerisk.engine.SessionLimitException;
import io.venuerisk.model.InputException;
import io.venuerisk.model.OutputException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exit codes, declared once: the constants the commands return, the one mapping from a failure
 * to its code ({@link #of}), and the table every command's {@code --help} renders ({@link #HELP}).
 */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /** A bug: please report it with the output of --verbose. */
  public static final int INTERNAL = 1;

  /** Wrong command-line usage. */
  public static final int USAGE = 2;

  /** A scenario, calendar, registry or data file is invalid or unreadable. */
  public static final int INPUT = 3;

  /** A rule folder does not compile or breaks a rule convention. */
  public static final int RULES = 4;

  /** A batch finished but rejected some records (each is reported). */
  public static final int REJECTED = 5;

  /** Scenario expectations failed (venue-risk test). */
  public static final int EXPECTATIONS = 6;

  /** An output file could not be written; any previous file is untouched. */
  public static final int OUTPUT = 7;

  /** {@code diff --exit-code}: some event changes score or tier between the two rule sets. */
  public static final int CHANGED = 8;

  /**
   * The rules fired more often than --max-firings per event or ran longer than --rule-timeout (the
   * message names the rule).
   */
  public static final int LIMIT = 9;

  /** The Java heap ran out; the message says how to give the JVM more. */
  public static final int MEMORY = 10;

  /** What each code means, in the order {@code --help} lists them. */
  static final Map<String, String> HELP = help();

  private static Map<String, String> help() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(" " + OK, "success");
    m.put(" " + INTERNAL, "internal error (a bug: rerun with --verbose and report the trace)");
    m.put(" " + USAGE, "usage error: unknown option, bad option value, missing argument");
    m.put(
        " " + INPUT,
        "invalid input: a scenario, calendar, registry, context or data file (each is"
            + " reported in one line; the others are still read), or a --rules folder that does not exist");
    m.put(
        " " + RULES,
        "a rule folder does not compile, breaks a rule convention or is refused by the rule check");
    m.put(
        " " + REJECTED,
        "batch, convert: finished, but some records were rejected (each is reported)");
    m.put(" " + EXPECTATIONS, "test: some scenario expectations failed");
    m.put(" " + OUTPUT, "an output file could not be written (any previous file is untouched)");
    m.put(" " + CHANGED, "diff --exit-code: some event changes residual or inherent risk");
    m.put(
        " " + LIMIT,
        "the rules fired more than --max-firings per event or ran past --rule-timeout");
    m.put(
        MEMORY + "",
        "out of memory: rerun with a larger Java heap (JAVA_OPTS=-Xmx2g, or java -Xmx2g -jar)");
    return Collections.unmodifiableMap(m);
  }

  /**
   * The one mapping from a failure to its exit code, printing the one line the user reads: no stack
   * trace, since the user fixes input or rules, not code.
   */
  static int of(Throwable ex, PrintWriter err) {
    // wrapped when it struck another thread, such as the one building the rules
    if (OutOfHeap.caused(ex)) {
      // in a command-line process this prints the line and halts, needing no heap; in a caller's
      // own JVM (the tests) it returns, and the line is printed here, once
      OutOfHeap.exit();
      if (memoryReported.compareAndSet(false, true)) {
        err.println(outOfMemory());
      }
      return MEMORY;
    }
    if (ex instanceof InputException ie) {
      err.println("venue-risk: " + ie.getMessage());
      return INPUT;
    }
    if (ex instanceof RulesException re) {
      re.problems().forEach(p -> err.println("venue-risk: rules: " + p));
      return RULES;
    }
    if (ex instanceof SessionLimitException le) {
      err.println("venue-risk: rules: " + le.getMessage());
      return LIMIT;
    }
    if (ex instanceof OutputException oe) {
      err.println("venue-risk: " + oe.getMessage());
      return OUTPUT;
    }
    err.println(
        "venue-risk: internal error: "
            + ex
            + " (a bug: rerun with --verbose and report the trace)");
    return INTERNAL;
  }

  /** Whether this JVM has said that the heap is full: it is said once. */
  private static final AtomicBoolean memoryReported = new AtomicBoolean();

  /**
   * The one line for a full heap: how large it was and how to give it more, with {@code
   * bin/venue-risk} and with plain {@code java}. Written with little memory, since there is none.
   */
  static String outOfMemory() {
    long max = Runtime.getRuntime().maxMemory();
    long mb = max == Long.MAX_VALUE ? 0 : max >> 20;
    String more = mb <= 0 ? "4g" : mb * 2 >= 1024 ? ((mb * 2 + 1023) / 1024) + "g" : (mb * 2) + "m";
    return "venue-risk: out of memory"
        + (mb > 0 ? " (the Java heap is at most " + mb + " MB)" : "")
        + "; give the JVM more heap: JAVA_OPTS=-Xmx"
        + more
        + " bin/venue-risk ..., or java -Xmx"
        + more
        + " -jar venue-risk.jar ...";
  }
}
