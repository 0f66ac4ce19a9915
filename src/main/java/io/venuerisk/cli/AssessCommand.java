package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.AssessmentText;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.OutputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venue-risk assess FILE...}: score scenario files. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Score scenario files: score, tier, reasons and measures to add.",
      "",
      "Score one or more scenario files (JSON, see docs/scenario-format.md): score 0-100, tier,",
      "the reasons (fired rules with the guide statements they cite) and the measures to add.",
      "A measure may say how it is deployed, {\"measure\": \"bag_search\", \"placement\": \"entry\",",
      "\"exercised\": true}, and profile.officialsRank how senior the officials are.",
      "With several files and --format json, prints a JSON array in input order.",
      "A bad file is reported and skipped; the others are still scored (exit code 3).",
    },
    footer = {
      "%nExamples:",
      "  java -jar target/venue-risk.jar assess scenarios/christmas-market-cologne-2026.json",
      "  java -jar target/venue-risk.jar assess scenarios/remembrance-ceremony-london-2027.json",
    })
public final class AssessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FormatOption format;
  @Mixin EngineOptions engineOptions;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario JSON files.")
  List<Path> files;

  @Override
  public Integer call() {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    ScenarioJson json = new ScenarioJson(data);
    PrintWriter err = spec.commandLine().getErr();
    List<Scenario> scenarios = new ArrayList<>();
    int failed = 0;
    for (Path f : files) {
      try {
        scenarios.add(read(json, f));
      } catch (InputException e) {
        if (files.size() == 1) {
          throw e;
        }
        err.println("venue-risk: " + e.getMessage());
        failed++;
      }
    }
    Engine engine = engineOptions.engine(rules, data);
    List<Assessment> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      results.add(engine.assess(s));
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      print(out, results);
    } catch (java.io.IOException e) {
      throw new OutputException("cannot write output: " + e.getMessage(), e);
    }
    out.flush();
    return failed > 0 ? ExitCodes.INPUT : ExitCodes.OK;
  }

  /**
   * One scenario file. A calendar is the most common wrong file here: it gets one line pointing at
   * {@code batch}, not the JSON parser's complaint about its first byte.
   */
  private static Scenario read(ScenarioJson json, Path f) {
    // a .jsonl of one line would parse as a scenario: its extension says it is a calendar
    boolean byName = CalendarFormat.of(f).filter(c -> c != CalendarFormat.json).isPresent();
    Optional<CalendarFormat> calendar = byName ? CalendarFormat.calendarIn(f) : Optional.empty();
    if (calendar.isEmpty()) {
      try {
        return ScenarioFiles.read(json, f);
      } catch (InputException e) {
        calendar = CalendarFormat.calendarIn(f);
        if (calendar.isEmpty()) {
          throw e;
        }
      }
    }
    throw InputException.of(
        f.toString(),
        calendar.get().describe()
            + ", not a scenario file;"
            + " assess scores one scenario object per file: score a calendar with 'venue-risk batch "
            + f
            + (calendar.get() == CalendarFormat.ics ? " --venues FILE" : "")
            + "'");
  }

  private void print(PrintWriter out, List<Assessment> results) throws java.io.IOException {
    if (format.format == FormatOption.Format.json) {
      // one file gives one object, as the contract shows; several give an array in input order
      AssessmentJson.write(out, results, files.size() == 1 && results.size() == 1);
    } else {
      AssessmentText.writeAll(out, results, Terminal.style());
    }
  }
}
