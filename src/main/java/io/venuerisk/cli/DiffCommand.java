package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleSetDiff;
import io.venuerisk.engine.RuleSetDiff.RuleChange;
import io.venuerisk.engine.RuleSetDiff.ScenarioDiff;
import io.venuerisk.engine.SessionLimits;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.DiffReport;
import io.venuerisk.io.EventFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code venue-risk diff --rules A --rules B FILE...}: scores the same events with two rule sets
 * and shows which events change score or tier, and the rules that caused each change.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compare two rule sets over the same events.",
      "",
      "Score the same events with two rule sets, A and B, to review a rule change",
      "like a code change: the rules added, removed or edited (by id), each event",
      "whose residual or inherent risk or findings change, and the rules that caused it (findings",
      "added, removed or with changed points). FILE is a scenario file or a",
      "calendar (.json array, .jsonl, .csv, .ics with --venues); a calendar's events",
      "are scored together, so cross-event rules see each other as in batch.",
      "Differences are a normal result: the exit code is 0 whether or not there",
      "are any, unless --exit-code is given.",
    },
    footer = {
      "%nExample:%n  java -jar target/venue-risk.jar diff --rules shipped \\",
      "      --rules src/test/resources/rules-variants/points-changed scenarios/*.json",
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FormatOption format;

  @Mixin RuleSetsOption ruleSets = new RuleSetsOption();
  @Mixin UnsafeRulesOption unsafe = new UnsafeRulesOption();
  @Mixin DataOptions data = new DataOptions();
  @Mixin LimitOptions limits = new LimitOptions();

  @Option(
      names = "--venues",
      paramLabel = "FILE",
      description =
          "Venue registry for calendars (needed for .ics): a JSON array of venue objects"
              + " with an id, as for batch.")
  Path venues;

  @Mixin DateOrderOption dateOrder = new DateOrderOption();

  @Option(
      names = "--exit-code",
      description =
          "Exit with 8 when some event changes residual or inherent risk (for scripts and CI).")
  boolean exitCode;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Scenario files or calendars (.json array, .jsonl, .csv, .ics).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    List<String> rules = ruleSets.rules;
    if (rules.size() != 2) {
      throw new ParameterException(
          spec.commandLine(), "diff needs --rules exactly twice (A then B), got " + rules.size());
    }
    SessionLimits bounds = limits.limits(spec.commandLine());
    ReferenceData ref = data.referenceData();
    PrintWriter warn = spec.commandLine().getErr();
    // one after the other on one thread: the two builds share the compiler, and reading the
    // events overlaps them anyway
    CompletableFuture<RuleBase[]> bases =
        CompletableFuture.supplyAsync(
            () ->
                new RuleBase[] {
                  RuleSetsOption.load(rules.get(0), unsafe, ref, warn),
                  RuleSetsOption.load(rules.get(1), unsafe, ref, warn)
                });
    ScenarioJson json = dateOrder.calendars(new ScenarioJson(ref));
    if (venues == null
        && files.stream().anyMatch(f -> CalendarFormat.of(f).orElse(null) == CalendarFormat.ics)) {
      throw new ParameterException(
          spec.commandLine(),
          "iCalendar events name their venue in LOCATION: give the venue registry with --venues FILE");
    }
    VenueRegistry registry = venues == null ? null : VenueRegistry.read(venues);
    PrintWriter err = spec.commandLine().getErr();
    List<List<Scenario>> groups = new ArrayList<>();
    int rejected = 0;
    for (Path f : files) {
      List<InputException> bad = new ArrayList<>();
      try {
        groups.add(
            EventFiles.read(
                json,
                registry,
                f,
                bad::add,
                w -> err.println("venue-risk: warning: " + w.getMessage())));
      } catch (InputException e) {
        if (files.size() == 1) {
          throw e;
        }
        bad.add(e);
      }
      for (InputException e : bad) {
        err.println("venue-risk: " + e.getMessage());
      }
      rejected += bad.size();
    }
    RuleBase[] rb = EngineOptions.join(bases);
    // a diff compares scores and findings and shows no band
    Engine a = new Engine(rb[0], ref, bounds).withoutBand();
    Engine b = new Engine(rb[1], ref, bounds).withoutBand();
    List<RuleChange> ruleChanges = RuleSetDiff.rules(rb[0].rules(), rb[1].rules());
    List<ScenarioDiff> diffs = new ArrayList<>();
    for (List<Scenario> group : groups) {
      // one file, one group: a scenario file scores as assess scores it, a calendar's events
      // see each other through the cross-event rules as in batch
      List<Assessment> before = a.assessGroup(group, null);
      List<Assessment> after = b.assessGroup(group, null);
      for (int i = 0; i < group.size(); i++) {
        diffs.add(RuleSetDiff.scenario(before.get(i), after.get(i)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      DiffReport.writeJson(out, rb[0].origin(), rb[1].origin(), ruleChanges, diffs);
    } else {
      DiffReport.writeText(out, rb[0].origin(), rb[1].origin(), ruleChanges, diffs);
    }
    out.flush();
    if (rejected > 0) {
      err.println(
          "venue-risk: " + rejected + " scenario(s) could not be read and were not compared");
      return ExitCodes.INPUT;
    }
    boolean moved =
        diffs.stream()
            .anyMatch(
                d ->
                    d.scoreChanged()
                        || d.tierChanged()
                        || d.inherentScoreChanged()
                        || d.inherentTierChanged());
    return exitCode && moved ? ExitCodes.CHANGED : ExitCodes.OK;
  }
}
