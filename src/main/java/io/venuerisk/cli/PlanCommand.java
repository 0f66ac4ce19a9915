package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.MeasurePlanner;
import io.venuerisk.engine.MeasurePlanner.Option;
import io.venuerisk.engine.MeasurePlanner.Plan;
import io.venuerisk.engine.MeasurePlanner.Step;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.PlanJson;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

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
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, whether or not the target tier can be reached",
      "1:internal error (a bug; rerun with --verbose and report it)",
      "2:usage error (for example an unknown tier)",
      "3:invalid scenario file",
      "4:rule folder (--rules) does not compile or breaks a rule convention",
    },
    footer = {
      "%nExample:%n  java -jar target/venue-risk.jar plan --target-tier MODERATE \\",
      "      scenarios/christmas-market-cologne-2026.json",
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
      description = "The tier to reach: LOW, MODERATE, ELEVATED, HIGH or SEVERE (default: one tier"
          + " below the current one, or LOW).")
  Tier target;

  @Override
  public Integer call() throws IOException {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    Scenario scenario = ScenarioFiles.read(new ScenarioJson(data), file);
    Engine engine = engineOptions.engine(rules, data);
    MeasurePlanner planner = new MeasurePlanner(engine);
    Tier goal = target != null ? target : MeasurePlanner.defaultTarget(engine.assess(scenario).tier());
    Plan plan = planner.plan(scenario, goal);
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      AssessmentJson.write(out, PlanJson.json(plan));
    } else {
      text(out, plan);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Tiers by name, in any case. */
  static final class TierConverter implements ITypeConverter<Tier> {
    @Override
    public Tier convert(String value) {
      try {
        return Tier.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown tier '" + value + "'; expected one of "
            + Arrays.stream(Tier.values()).map(Enum::name).collect(Collectors.joining(", ")));
      }
    }
  }

  private static void text(PrintWriter out, Plan p) {
    Assessment b = p.baseline();
    Scenario s = b.scenario();
    out.println(s.id() + "  " + s.name());
    out.println("  Now " + b.score() + "/100 " + b.tier() + "; target " + p.target() + " (below "
        + floorOfNext(p.target()) + ")");
    out.println("  In place: " + (s.measures().isEmpty() ? "no measure stated"
        : s.measures().stream().map(Measure::code).collect(Collectors.joining(", "))));
    out.println();
    out.println("Measures not in place, each scored on its own (score with it, points it takes off)");
    for (Option o : p.options()) {
      if (o.rawReduction() <= 0) {
        continue;
      }
      String clamped = o.reduction() == o.rawReduction() ? ""
          : " (" + o.rawReduction() + " raw points; the score is capped at 100)";
      out.printf("  %-28s %3d %-9s -%d%s%n", o.measure().code(), o.after().score(), o.after().tier(),
          o.reduction(), clamped);
    }
    List<String> idle = p.options().stream().filter(o -> o.rawReduction() <= 0)
        .map(o -> o.measure().code()).toList();
    if (!idle.isEmpty()) {
      out.println("  no effect on this event: " + String.join(", ", idle));
    }
    out.println();
    if (b.tier().compareTo(p.target()) <= 0) {
      out.println("Already at or below " + p.target() + ": nothing to add to reach the target.");
      return;
    }
    out.println(p.reached() ? "Plan: the smallest set found that reaches " + p.target()
        : "Best effort: no set of measures reaches " + p.target());
    out.printf("  %-32s %3d %s%n", "now", b.score(), b.tier());
    int i = 0;
    for (Step st : p.steps()) {
      out.printf("  %2d. + %-26s %3d %s%n", ++i, st.measure().code(), st.after().score(), st.after().tier());
    }
    out.println();
    if (p.reached()) {
      out.println("  " + p.steps().size() + " measure(s): "
          + p.steps().stream().map(st -> st.measure().code()).collect(Collectors.joining(", ")));
      return;
    }
    Assessment f = p.floor();
    int residual = f.dimensions().getOrDefault(Dimension.EXPOSURE, 0)
        + f.dimensions().getOrDefault(Dimension.MITIGATION, 0);
    out.println("  With every measure in place the score is still " + f.score() + " (" + f.tier() + "):");
    out.println("  " + p.threatContext() + " points of threat context (target " + dim(f, Dimension.TARGET)
        + ", context " + dim(f, Dimension.CONTEXT) + "): who is present, where and when.");
    out.println("     A venue's measures cannot lower them; only another date, place or event profile can.");
    out.println("  " + residual + " points of residual exposure (exposure " + dim(f, Dimension.EXPOSURE)
        + ", mitigation " + dim(f, Dimension.MITIGATION) + "):");
    out.println("     the guidance's measures reduce an exposure; they do not remove it.");
  }

  private static String floorOfNext(Tier t) {
    return t == Tier.SEVERE ? "101" : Integer.toString(Tier.values()[t.ordinal() + 1].floor());
  }

  private static String dim(Assessment a, Dimension d) {
    return String.format("%+d", a.dimensions().getOrDefault(d, 0));
  }
}
