package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.MeasurePlanner;
import io.venuerisk.engine.MeasurePlanner.Plan;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.PlanReport;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code venue-risk plan FILE}: which protective measures to add, each judged by scoring the
 * scenario again with it in place, and the fewest that reach a target tier.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Rank the missing protective measures and plan the fewest to reach a tier.",
      "",
      "Rank the protective measures not in place by how much each lowers the score,",
      "each judged by scoring the scenario again with the measure added (never",
      "estimated); then the smallest set found that reaches the target tier, adding",
      "the best measure at each step, with the score after each step. When no set",
      "reaches the target, says so and why: who is present, where and when (the",
      "target and context dimensions) is threat context a venue cannot lower.",
      "",
      "Measures are named in plain words as the venue's country understands them",
      "(data/measures.csv), with their codes. Measures that protect named people",
      "(close protection) are listed apart and planned only after the crowd's.",
      "--exclude leaves out measures the venue cannot have or has ruled out.",
    },
    footer = {
      "%nExamples:%n  java -jar target/venue-risk.jar plan --target-tier MODERATE \\",
      "      scenarios/christmas-market-cologne-2026.json",
      "  java -jar target/venue-risk.jar plan --exclude armed_security,close_protection \\",
      "      scenarios/party-leader-rally-birmingham-2027.json",
    })
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FormatOption format;
  @Mixin EngineOptions engineOptions;

  @Parameters(paramLabel = "FILE", arity = "1", description = "A scenario JSON file.")
  Path file;

  @picocli.CommandLine.Option(
      names = "--target-tier",
      paramLabel = "TIER",
      converter = TierConverter.class,
      description =
          "The tier to reach: LOW, MODERATE, ELEVATED, HIGH or SEVERE (default: one tier"
              + " below the current one, or LOW).")
  Tier target;

  @picocli.CommandLine.Option(
      names = "--exclude",
      paramLabel = "MEASURE",
      split = ",",
      converter = MeasureConverter.class,
      description =
          "Never add this measure (a code of security.measures, such as armed_security);"
              + " repeat the option or separate codes with commas.")
  List<Measure> exclude = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    Scenario scenario = ScenarioFiles.read(new ScenarioJson(data), file);
    Engine engine = engineOptions.engine(rules, data);
    MeasurePlanner planner = new MeasurePlanner(engine);
    Tier goal =
        target != null ? target : MeasurePlanner.defaultTarget(engine.assess(scenario).tier());
    Plan plan = planner.plan(scenario, goal, Set.copyOf(exclude));
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      PlanReport.writeJson(out, plan);
    } else {
      PlanReport.writeText(out, plan);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Measure codes, with the nearest code for a typo. */
  static final class MeasureConverter implements ITypeConverter<Measure> {
    @Override
    public Measure convert(String value) {
      return Measure.parse(value)
          .orElseThrow(() -> new TypeConversionException(Measure.unknown(value)));
    }
  }

  /** Tiers by name, in any case. */
  static final class TierConverter implements ITypeConverter<Tier> {
    @Override
    public Tier convert(String value) {
      return Tier.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown tier '"
                          + value
                          + "'; expected one of "
                          + Arrays.stream(Tier.values())
                              .map(Enum::name)
                              .collect(Collectors.joining(", "))));
    }
  }
}
