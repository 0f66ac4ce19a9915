package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.Explanation;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.ExplainReport;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code venue-risk explain FILE}: every rule that fired for a scenario, in firing order, with the
 * facts Drools matched, what the firing scored, the guide statements it cites and the measures it
 * calls for; then the rules of the same categories that did not fire.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show every rule that fired for a scenario, with the facts it matched.",
      "",
      "Show why a scenario scored what it did: how the likelihood, each tactic's consequence",
      "and the vulnerability its measures leave were formed, with the numbers of docs/scoring.md;",
      "each rule that fired, in firing order, with the facts it matched (as Drools reports",
      "the match), what it added and to which factor, the guide statements it cites (id",
      "and text) and the measures it calls for; then the rules of the same categories",
      "that did not fire.",
    },
    footer = {
      "%nExample:%n  java -jar target/venue-risk.jar explain \\",
      "      scenarios/christmas-market-cologne-2026.json",
    })
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FormatOption format;
  @Mixin EngineOptions engineOptions;

  @Parameters(paramLabel = "FILE", arity = "1", description = "A scenario JSON file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    Scenario scenario = ScenarioFiles.read(new ScenarioJson(data), file);
    Engine engine = engineOptions.engine(rules, data);
    Explanation x = Explanation.of(engine, scenario);
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      ExplainReport.writeJson(out, x, data.statements());
    } else {
      ExplainReport.writeText(out, x, data.statements());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
