package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.SessionLimits;
import io.venuerisk.engine.Validation;
import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.CaseFile;
import io.venuerisk.io.JsonLinesReport;
import io.venuerisk.io.RecordedResults;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ValidationReport;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venue-risk validate CASES}: how well the scores separate attacks from ordinary events. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure how well the scores rank real incidents: a labelled case set.",
      "",
      "Score labelled case files (JSON Lines or CSV of scenarios, each with a label: attack,",
      "plot, secured_no_incident or ordinary, and a source; ordinary cases may name the attack",
      "or plot they are a matched control for, matchedTo, or the crossover twin of,",
      "crossoverOf) and report, for the residual and the inherent risk, over all cases and per",
      "stratum of data/validation_strata.csv (Khorasan, Europe, Americas, the rest; before and",
      "after the guide):",
      "  the AUC of attacks and plots against ordinary events, matched controls and secured",
      "  events, and the win rate of each attack or plot over its matched controls and over",
      "  its crossover twin;",
      "each with a 95%% percentile bootstrap interval and its n. Beside the model, three",
      "baselines on the same cases and resamples (the number of measures listed, the crowd",
      "size, the geography points) and the model minus each, with a paired interval; then",
      "the tiers by label and the cases furthest from their label. With --rules twice, every",
      "figure for both packs and the second minus the first, paired on the same resamples,",
      "marked * when its interval excludes 0. The same input gives the same output, byte for",
      "byte. The shipped case set is scenarios/validation/ (docs/validation.md).",
    },
    footer = {
      "%nExamples:%n  java -jar target/venue-risk.jar validate scenarios/validation/cases.jsonl",
      "  java -jar target/venue-risk.jar validate --rules shipped --rules my-rules/ cases.jsonl",
      "  java -jar target/venue-risk.jar validate --resamples 10000 --seed 7 -f md cases.jsonl",
    })
public final class ValidateCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    md
  }

  /**
   * The most resamples a figure may draw: past this the intervals stop moving, the run does not.
   */
  static final int MAX_RESAMPLES = 100_000;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--resamples",
      paramLabel = "N",
      defaultValue = "" + Validation.Resampling.DEFAULT_RESAMPLES,
      description =
          "Bootstrap resamples per figure, 1 to "
              + MAX_RESAMPLES
              + " (default: ${DEFAULT-VALUE}). More narrows the wobble of the interval's"
              + " ends, not the interval.")
  int resamples;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + Validation.Resampling.DEFAULT_SEED,
      description =
          "Seed of the bootstrap's generator (default: ${DEFAULT-VALUE}): the same seed, the same"
              + " intervals.")
  long seed;

  @Option(
      names = "--versus",
      paramLabel = "RESULTS",
      description =
          "Compare with the results an earlier run recorded for these cases (--results-out, or"
              + " batch --format jsonl of the same scenarios, from any version): pack A is"
              + " RESULTS, pack B these rules, on the same cases and resamples. Measures a"
              + " change of the model, not only of a rule pack.")
  Path versus;

  @Option(
      names = "--results-out",
      paramLabel = "FILE",
      description =
          "Also write each case's result, as batch --format jsonl writes it, for a later"
              + " --versus (the file is replaced only when complete).")
  Path resultsOut;

  @Mixin RuleSetsOption ruleSets = new RuleSetsOption();
  @Mixin UnsafeRulesOption unsafe = new UnsafeRulesOption();
  @Mixin DataOptions data = new DataOptions();
  @Mixin LimitOptions limits = new LimitOptions();

  @Parameters(
      paramLabel = "CASES",
      arity = "1..*",
      description =
          "Labelled case files (.jsonl or .csv), read as one case set: a matched control in one"
              + " may name an attack in another.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    List<String> rules = ruleSets.rules;
    if (rules.size() > 2) {
      throw new ParameterException(
          spec.commandLine(), "validate compares at most two rule sets, got " + rules.size());
    }
    if (resamples < 1 || resamples > MAX_RESAMPLES) {
      throw new ParameterException(
          spec.commandLine(), "--resamples must be 1 to " + MAX_RESAMPLES + ", got " + resamples);
    }
    SessionLimits bounds = limits.limits(spec.commandLine());
    ReferenceData ref = data.referenceData();
    ScenarioJson json = new ScenarioJson(ref);
    PrintWriter err = spec.commandLine().getErr();
    List<InputException> bad = new ArrayList<>();
    List<LabelledCase> cases = CaseFile.read(json, files, bad::add);
    for (InputException e : bad) {
      err.println("venue-risk: " + e.getMessage());
    }
    if (cases.isEmpty()) {
      throw InputException.of(files.get(0).toString(), "no readable case; nothing to validate");
    }
    List<String> sets = rules.isEmpty() ? List.of(RuleSetsOption.SHIPPED) : rules;
    if (versus != null && sets.size() > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--versus compares recorded results with one rule set, got " + sets.size());
    }
    List<Engine> engines = new ArrayList<>();
    for (String r : sets) {
      RuleBase rb = RuleSetsOption.load(r, unsafe, ref, err);
      engines.add(new Engine(rb, ref, bounds));
    }
    List<Validation.Ranked> packs = new ArrayList<>();
    if (versus != null) {
      Map<String, Validation.Ranking> recorded = RecordedResults.read(versus);
      for (LabelledCase c : cases) {
        if (!recorded.containsKey(c.id())) {
          throw InputException.of(
              versus.toString(),
              "no result for case '"
                  + c.id()
                  + "'; record every case of the set (validate --results-out)");
        }
      }
      packs.add(new Validation.Ranked(versus.toString(), c -> recorded.get(c.id())));
    }
    engines.forEach(e -> packs.add(Validation.Ranked.of(e)));
    Validation v =
        Validation.ranked(
            packs, cases, ref.validationStrata(), new Validation.Resampling(resamples, seed));
    if (resultsOut != null) {
      Engine e = engines.get(0);
      JsonLinesReport lines = new JsonLinesReport();
      AtomicOutput.write(
          resultsOut,
          w -> {
            for (LabelledCase c : cases) {
              w.write(lines.row(e.assess(c.scenario())));
            }
          });
    }
    String name = String.join(", ", files.stream().map(Path::toString).toList());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> ValidationReport.writeJson(out, name, v);
      case md -> ValidationReport.writeText(out, name, v, true);
      case text -> ValidationReport.writeText(out, name, v, false);
    }
    out.flush();
    if (!bad.isEmpty()) {
      err.println("venue-risk: " + bad.size() + " case(s) could not be read and were not scored");
      return ExitCodes.INPUT;
    }
    return ExitCodes.OK;
  }
}
