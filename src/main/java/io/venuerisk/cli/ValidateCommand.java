package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.SessionLimits;
import io.venuerisk.engine.Validation;
import io.venuerisk.io.CaseFile;
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
      "Score a labelled case file (JSON Lines or CSV of scenarios, each with a label:",
      "attack, plot, secured_no_incident or ordinary, and a source) and report, for the",
      "residual and the inherent risk: the AUC of attacks and plots against ordinary events",
      "and against secured events, the share of attacks and plots at ELEVATED or above, the",
      "share of ordinary events there, the tiers by label, and the cases furthest from",
      "their label. With --rules twice, compares two rule sets side by side. The shipped",
      "case set is scenarios/validation/ (docs/validation.md).",
    },
    footer = {
      "%nExample:%n  java -jar target/venue-risk.jar validate scenarios/validation/cases.jsonl",
    })
public final class ValidateCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    md
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin RuleSetsOption ruleSets = new RuleSetsOption();
  @Mixin UnsafeRulesOption unsafe = new UnsafeRulesOption();
  @Mixin DataOptions data = new DataOptions();
  @Mixin LimitOptions limits = new LimitOptions();

  @Parameters(
      paramLabel = "CASES",
      arity = "1..*",
      description = "Labelled case files (.jsonl or .csv).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    List<String> rules = ruleSets.rules;
    if (rules.size() > 2) {
      throw new ParameterException(
          spec.commandLine(), "validate compares at most two rule sets, got " + rules.size());
    }
    SessionLimits bounds = limits.limits(spec.commandLine());
    ReferenceData ref = data.referenceData();
    ScenarioJson json = new ScenarioJson(ref);
    PrintWriter err = spec.commandLine().getErr();
    List<LabelledCase> cases = new ArrayList<>();
    int rejected = 0;
    for (Path f : files) {
      List<InputException> bad = new ArrayList<>();
      cases.addAll(CaseFile.read(json, f, bad::add));
      for (InputException e : bad) {
        err.println("venue-risk: " + e.getMessage());
      }
      rejected += bad.size();
    }
    if (cases.isEmpty()) {
      throw InputException.of(files.get(0).toString(), "no readable case; nothing to validate");
    }
    List<String> sets = rules.isEmpty() ? List.of(RuleSetsOption.SHIPPED) : rules;
    List<Validation> runs = new ArrayList<>();
    for (String r : sets) {
      RuleBase rb = RuleSetsOption.load(r, unsafe, ref, err);
      runs.add(Validation.of(new Engine(rb, ref, bounds), cases));
    }
    String name = String.join(", ", files.stream().map(Path::toString).toList());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> ValidationReport.writeJson(out, name, runs);
      case md -> ValidationReport.writeText(out, name, runs, true);
      case text -> ValidationReport.writeText(out, name, runs, false);
    }
    out.flush();
    if (rejected > 0) {
      err.println("venue-risk: " + rejected + " case(s) could not be read and were not scored");
      return ExitCodes.INPUT;
    }
    return ExitCodes.OK;
  }
}
