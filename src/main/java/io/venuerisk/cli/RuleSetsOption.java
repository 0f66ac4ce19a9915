package io.venuerisk.cli;

import io.venuerisk.engine.RuleBase;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR|shipped}, repeatable: the rule sets a command compares ({@code diff}, {@code
 * validate}). The word {@value #SHIPPED} names the rules shipped in the jar.
 */
public final class RuleSetsOption {
  /** The value of --rules that names the rules shipped in the jar. */
  static final String SHIPPED = "shipped";

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = {
        "A rule folder, or the word \""
            + SHIPPED
            + "\" for the rules shipped in the jar (write ./"
            + SHIPPED
            + " for a folder of that name); repeatable."
      })
  List<String> rules = new ArrayList<>();

  /** Loads one rule set, checked as every --rules folder is unless the user lifts the check. */
  static RuleBase load(String spec, UnsafeRulesOption unsafe, ReferenceData data, PrintWriter err) {
    if (SHIPPED.equals(spec)) {
      return RuleBase.shipped();
    }
    unsafe.warn(spec, err);
    return RuleBase.fromFolder(Path.of(spec), data.statements().keySet(), unsafe.allowUnsafe);
  }
}
