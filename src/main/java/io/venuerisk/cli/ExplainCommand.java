package io.venuerisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.engine.RuleMeta;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.FactText;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Category;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.Finding;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Recommendation;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
      "4:rule folder (--rules) does not compile, breaks a rule convention or is refused as unsafe",
      "9:the rules fired more than --max-firings per event or ran past --rule-timeout",
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

  /** One firing as shown: the log's record plus where the rule is written. */
  record Shown(FiringLog.Firing firing, RuleInfo info, int points) {}

  @Override
  public Integer call() throws IOException {
    CompletableFuture<RuleBase> rules = engineOptions.startRules(spec.commandLine().getErr());
    ReferenceData data = engineOptions.referenceData();
    Scenario scenario = ScenarioFiles.read(new ScenarioJson(data), file);
    Engine engine = engineOptions.engine(rules, data);
    FiringLog log = new FiringLog();
    Assessment a = engine.assessGroup(List.of(scenario), log).get(0);

    Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
    for (RuleInfo r : engine.rules().rules()) {
      catalogue.putIfAbsent(r.meta().id(), r);
    }
    List<Shown> shown = new ArrayList<>();
    for (FiringLog.Firing f : log.firings()) {
      shown.add(new Shown(f, catalogue.get(f.rule().id()), points(f)));
    }
    List<RuleInfo> notFired = notFired(catalogue.values(), log);

    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      AssessmentJson.write(out, json(a, shown, notFired, data.statements(), engine.rules().origin()));
    } else {
      text(out, a, shown, notFired, data.statements(), engine.rules().origin());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** What the firing scored: the points of the findings it inserted; 0 for classification. */
  static int points(FiringLog.Firing f) {
    return f.rule().category().dimension() == Dimension.NONE ? 0 : f.points();
  }

  /** Catalogue rules whose category is that of a fired rule, but which did not fire themselves. */
  static List<RuleInfo> notFired(Collection<RuleInfo> catalogue, FiringLog log) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Set<String> fired = new HashSet<>(log.firedRuleIds());
    for (FiringLog.Firing f : log.firings()) {
      categories.add(f.rule().category());
    }
    return catalogue.stream()
        .filter(r -> categories.contains(r.meta().category()) && !fired.contains(r.meta().id()))
        .sorted(Comparator.comparing((RuleInfo r) -> r.meta().category()).thenComparing(r -> r.meta().id()))
        .toList();
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
      List<Measure> measures = measures(f.firing());
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

  /**
   * The measures the rule calls for; for a rule without {@code @measures} (the credit and
   * recommendation rules), the measure its firing credited or recommended.
   */
  private static List<Measure> measures(FiringLog.Firing f) {
    if (!f.rule().measures().isEmpty()) {
      return f.rule().measures();
    }
    List<Measure> out = new ArrayList<>();
    for (Object o : f.inserted()) {
      if (o instanceof Finding fi) {
        fi.measures().stream().filter(m -> !out.contains(m)).forEach(out::add);
      } else if (o instanceof Recommendation r) {
        r.missing().stream().map(m -> m.measure()).filter(m -> !out.contains(m)).forEach(out::add);
      }
    }
    return out;
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

  private static ObjectNode json(
      Assessment a,
      List<Shown> shown,
      List<RuleInfo> notFired,
      Map<String, GuideStatement> statements,
      String origin) {
    ObjectNode o = AssessmentJson.mapper().createObjectNode();
    o.put("id", a.scenario().id());
    o.put("name", a.scenario().name());
    o.put("score", a.score());
    o.put("tier", a.tier().name());
    ObjectNode dims = o.putObject("dimensions");
    for (Dimension d : Dimension.values()) {
      if (d != Dimension.NONE) {
        dims.put(d.code(), a.dimensions().getOrDefault(d, 0));
      }
    }
    o.put("rules", origin);
    ArrayNode firings = o.putArray("firings");
    for (Shown f : shown) {
      RuleMeta m = f.firing().rule();
      ObjectNode x = firings.addObject();
      x.put("sequence", f.firing().sequence());
      x.put("rule", m.id());
      x.put("title", m.title());
      x.put("category", m.category().code());
      x.put("dimension", m.category().dimension().code());
      x.put("points", f.points());
      if (f.info() != null) {
        x.put("file", f.info().file());
        x.put("line", f.info().line());
      }
      ArrayNode facts = x.putArray("facts");
      for (Object fact : f.firing().facts()) {
        ObjectNode y = facts.addObject();
        y.put("type", FactText.type(fact));
        y.put("description", FactText.describe(fact));
      }
      ArrayNode cites = x.putArray("cites");
      for (String c : m.cites()) {
        ObjectNode y = cites.addObject();
        y.put("id", c);
        GuideStatement g = statements.get(c);
        if (g == null) {
          y.putNull("text");
        } else {
          y.put("text", g.text());
        }
      }
      ArrayNode measures = x.putArray("measures");
      measures(f.firing()).forEach(ms -> measures.add(ms.code()));
    }
    ArrayNode nf = o.putArray("notFired");
    for (RuleInfo r : notFired) {
      ObjectNode x = nf.addObject();
      x.put("rule", r.meta().id());
      x.put("title", r.meta().title());
      x.put("category", r.meta().category().code());
      x.put("points", r.meta().points());
      x.put("file", r.file());
      x.put("line", r.line());
      ArrayNode cites = x.putArray("cites");
      r.meta().cites().forEach(cites::add);
    }
    return o;
  }
}
