package io.venuerisk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process: exit code, stdout and stderr, as a user would see them. */
record CommandRun(int exit, String out, String err) {
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VenueRisk.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** No stack trace and no Java exception name reached the user. */
  boolean clean() {
    // neither a stack trace nor the Java internals parsers put in their messages
    return !err.contains("\tat ")
        && !err.contains("Exception")
        && !out.contains("\tat ")
        && !err.contains("reference chain")
        && !err.contains("java.lang.");
  }
}
