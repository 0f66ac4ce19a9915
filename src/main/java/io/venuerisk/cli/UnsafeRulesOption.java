package io.venuerisk.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --allow-unsafe-rules}: lift the rule check for a folder the user trusts. */
public final class UnsafeRulesOption {
  @Option(
      names = "--allow-unsafe-rules",
      description =
          "Load a --rules folder even if its rules reach outside the engine (files, network,"
              + " processes, reflection, class loading, System.exit). Only for a folder you trust.")
  boolean allowUnsafe;

  /** Says on stderr that the folder is not checked, when it is not. */
  void warn(String folder, PrintWriter err) {
    if (allowUnsafe) {
      err.println(
          "venue-risk: warning: --allow-unsafe-rules: the rules in "
              + folder
              + " are not checked and may read files, open connections or run programs");
      err.flush();
    }
  }
}
