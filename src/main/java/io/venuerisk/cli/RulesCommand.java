package io.venuerisk.cli;

import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleChecker;
import io.venuerisk.engine.RuleProblem;
import io.venuerisk.engine.RulesException;
import io.venuerisk.io.RulesReport;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.reference.RiskTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code venue-risk rules}: the rule catalogue and the guide-statement coverage matrix. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List the loaded rules, the guide coverage, or check a rule folder.",
      "",
      "List the loaded rules (id, title, file:line, category, points, cites, measures),",
      "or with --coverage every guide statement with the rules that encode it, or why none can.",
      "With --check DIR: compile and validate a rule folder, scoring nothing.",
    },
    footer = {
      "%nExamples:%n  java -jar target/venue-risk.jar rules --coverage --format md",
      "  java -jar target/venue-risk.jar rules --check my-rules/",
    })
public final class RulesCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    md
  }

  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--coverage", description = "Show the guide-statement coverage matrix.")
  boolean coverage;

  @Option(
      names = "--check",
      paramLabel = "DIR",
      description = {
        "Compile the .drl files of DIR with the classic compiler and check the rule conventions,"
            + " scoring nothing: syntax errors, unknown fact fields, a rule without @id or @cites,"
            + " a cite that is not a guide statement, an unknown @category, @points or @measures,"
            + " a duplicate id. Prints each problem with file and line (exit 4), or one OK line."
      })
  Path check;

  @Override
  public Integer call() throws IOException {
    if (check != null) {
      return check();
    }
    RuleBase rules = EngineOptions.join(engineOptions.startRules(spec.commandLine().getErr()));
    ReferenceData data = engineOptions.referenceData();
    PrintWriter out = spec.commandLine().getOut();
    if (coverage) {
      Coverage c = Coverage.of(rules, data.statements().values());
      switch (format) {
        case text -> RulesReport.coverageText(out, c);
        case md -> RulesReport.coverageMarkdown(out, c);
        case json -> RulesReport.coverageJson(out, c);
      }
    } else {
      switch (format) {
        case text -> RulesReport.catalogueText(out, rules.rules());
        case md -> RulesReport.catalogueMarkdown(out, rules.rules());
        case json -> RulesReport.catalogueJson(out, rules.rules());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * {@code --check DIR}: the same compilation and checks as {@code --rules DIR}, and no scoring.
   */
  private int check() throws IOException {
    if (engineOptions.rules != null || coverage) {
      throw new ParameterException(spec.commandLine(), "--check takes no --rules or --coverage");
    }
    ReferenceData data = engineOptions.referenceData();
    PrintWriter out = spec.commandLine().getOut();
    RuleBase rules;
    try {
      rules = RuleBase.fromFolder(check, data.statements().keySet());
      List<RuleProblem> unpriced =
          RuleChecker.points(rules, data.riskTables(), data.coverage().path(RiskTables.POINTS));
      if (!unpriced.isEmpty()) {
        throw new RulesException(unpriced);
      }
    } catch (RulesException e) {
      if (format != Format.json) {
        throw e; // one line per problem on stderr, exit 4, like every command
      }
      RulesReport.checkJson(out, check.toString(), false, 0, 0, e.problems());
      out.flush();
      spec.commandLine()
          .getErr()
          .println("venue-risk: rules: " + check + ": " + e.problems().size() + " problem(s)");
      return ExitCodes.RULES;
    }
    int count = rules.rules().size();
    int files = rules.sources().size();
    switch (format) {
      case json -> RulesReport.checkJson(out, check.toString(), true, count, files, List.of());
      default ->
          out.println(
              "OK "
                  + check
                  + ": "
                  + count
                  + " rules in "
                  + files
                  + " files compile and keep the rule conventions");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
