package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.ScenarioCheck;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.JUnitXml;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.io.TestReport;
import io.venuerisk.model.InputException;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code venue-risk test [DIR|FILE...]}: the regression runner. Scores each scenario file and
 * checks the {@code expect} object stored in it, through {@link ScenarioSuite}, the runner the
 * project's own test suite uses for {@code scenarios/}.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check the expectations stored in scenario files.",
      "",
      "Check the expectations stored in scenario files (the \"expect\" object: tier,",
      "score range, rules that must and must not fire): PASS or FAIL per scenario",
      "with what differed, then a summary. A folder means its *.json files (not its",
      "sub-folders). A file without an \"expect\" object is listed as SKIP and does",
      "not fail the run.",
    },
    footer = {
      "%nExamples:%n  java -jar target/venue-risk.jar test",
      "  java -jar target/venue-risk.jar test scenarios --junit scenarios.xml",
      "  java -jar target/venue-risk.jar test scenarios --rules my-rules/",
    })
public final class TestCommand implements Callable<Integer> {
  static final Path DEFAULT_FOLDER = Path.of("scenarios");

  @Spec CommandSpec spec;
  @Mixin FormatOption format;
  @Mixin EngineOptions engineOptions;

  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "0..*",
      description = "Scenario folders or files (default: scenarios/).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description =
          "Also write a JUnit XML report to FILE (written whole, then renamed into place).")
  Path junit;

  @Override
  public Integer call() throws IOException {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    List<Path> files = files(paths.isEmpty() ? List.of(DEFAULT_FOLDER) : paths);
    Engine engine = engineOptions.engine(rules, data);
    ScenarioJson json = new ScenarioJson(data);
    List<JUnitXml.Case> cases = new ArrayList<>();
    for (Path f : files) {
      long start = System.nanoTime();
      ScenarioCheck c = ScenarioSuite.check(engine, json, f);
      cases.add(new JUnitXml.Case(c, (System.nanoTime() - start) / 1e9));
    }
    if (junit != null) {
      String suite =
          "venue-risk test "
              + String.join(
                  " ",
                  (paths.isEmpty() ? List.of(DEFAULT_FOLDER) : paths)
                      .stream().map(Path::toString).toList());
      AtomicOutput.write(junit, w -> JUnitXml.write(w, suite, cases));
    }
    List<ScenarioCheck> checks = cases.stream().map(JUnitXml.Case::check).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      TestReport.writeJson(out, checks);
    } else {
      TestReport.writeText(out, checks);
    }
    out.flush();
    boolean bad =
        checks.stream().anyMatch(c -> c.error() != null || (!c.passed() && !c.unchecked()));
    return bad ? ExitCodes.EXPECTATIONS : ExitCodes.OK;
  }

  /** The files to run: each folder's scenario files, each file as given (a missing one fails). */
  static List<Path> files(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> inside = ScenarioSuite.files(p);
        if (inside.isEmpty()) {
          throw InputException.of(p.toString(), "holds no scenario files (*.json)");
        }
        out.addAll(inside);
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
