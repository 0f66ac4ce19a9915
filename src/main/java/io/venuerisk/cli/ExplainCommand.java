package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.engine.RuleMeta;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.ExplainJson;
import io.venuerisk.io.ExplainJson.Shown;
import io.venuerisk.io.FactText;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Category;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
      "Show why a scenario scored what it did: each rule that fired, in firing order,",
      "with the facts it matched (as Drools reports the match), its points and score",
      "dimension, the guide statements it cites (id and text) and the measures it",
      "calls for; then the rules of the same categories that did not fire.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug; rerun with --verbose and report it)",
      "2:usage error",
      "3:invalid scenario file",
      "4:rule folder (--rules) does not compile or breaks a rule convention",
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
    FiringLog log = new FiringLog();
    Assessment a = engine.assessGroup(List.of(scenario), log).get(0);

    List<Shown> shown = ExplainJson.shown(engine.rules().rules(), log);
    List<RuleInfo> notFired = ExplainJson.notFired(engine.rules().rules(), log);

    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      AssessmentJson.write(out, ExplainJson.json(a, shown, notFired, data.statements(), engine.rules().origin()));
    } else {
      text(out, a, shown, notFired, data.statements(), engine.rules().origin());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void text(
      PrintWriter out,
      Assessment a,
      List<Shown> shown,
      List<RuleInfo> notFired,
      Map<String, GuideStatement> statements,
      String origin) {
    Scenario s = a.scenario();
    out.println(s.id() + "  " + s.name());
    out.println("  Score " + a.score() + "/100  " + a.tier() + "   " + dimensions(a) + "   (" + origin + ")");
    out.println();
    out.println("Rules fired, in firing order (" + shown.size() + " firings)");
    Set<String> citedAlready = new HashSet<>();
    for (Shown f : shown) {
      RuleMeta m = f.firing().rule();
      out.println();
      out.printf("%3d. %s  %s%n", f.firing().sequence(), m.id(), m.title());
      String where = f.info() == null ? "" : "  " + f.info().file() + ":" + f.info().line();
      out.println("     " + scored(m.category(), f.points()) + where);
      List<Object> facts = f.firing().facts();
      for (int i = 0; i < facts.size(); i++) {
        Object fact = facts.get(i);
        out.printf("     %-9s %s %s%n", i == 0 ? "matched" : "", FactText.type(fact), FactText.describe(fact));
      }
      for (String c : m.cites()) {
        GuideStatement g = statements.get(c);
        String text = g == null ? "(not a guide statement)"
            : citedAlready.add(c) ? g.text() : "(text above)";
        out.printf("     %-9s %s  %s%n", c.equals(m.cites().get(0)) ? "cites" : "", c, text);
      }
      List<Measure> measures = ExplainJson.measures(f.firing());
      if (!measures.isEmpty()) {
        out.printf("     %-9s %s%n", "measures",
            measures.stream().map(Measure::code).collect(Collectors.joining(", ")));
      }
    }
    out.println();
    out.println("Rules of the same categories that did not fire (" + notFired.size() + ")");
    Category current = null;
    for (RuleInfo r : notFired) {
      if (r.meta().category() != current) {
        current = r.meta().category();
        out.println("  " + current.code());
      }
      out.printf("    %-26s %+4d  %-20s %s%n", r.meta().id(), r.meta().points(),
          r.file() + ":" + r.line(), r.meta().title());
    }
    if (notFired.isEmpty()) {
      out.println("  none");
    }
  }

  private static String scored(Category c, int points) {
    if (c.dimension() == Dimension.NONE) {
      return c.code() + ", no points";
    }
    String dimension = c.dimension().code();
    return String.format("%+d %s", points, dimension)
        + (dimension.equals(c.code()) ? "" : " (" + c.code() + ")");
  }

  private static String dimensions(Assessment a) {
    StringBuilder sb = new StringBuilder();
    for (Dimension d : Dimension.values()) {
      if (d != Dimension.NONE) {
        sb.append(sb.length() == 0 ? "" : "  ")
            .append(d.code()).append(' ').append(String.format("%+d", a.dimensions().getOrDefault(d, 0)));
      }
    }
    return sb.toString();
  }

}
