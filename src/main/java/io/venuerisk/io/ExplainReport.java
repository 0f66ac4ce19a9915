package io.venuerisk.io;

import io.venuerisk.engine.Explanation;
import io.venuerisk.engine.Explanation.Shown;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.engine.RuleMeta;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Category;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Factor;
import io.venuerisk.model.Finding;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code explain} prints: how the risk was formed, every firing with the facts Drools matched,
 * what it added, the guide statements it cites (with their text) and its measures, then the rules
 * of the same categories that did not fire.
 */
public final class ExplainReport {
  private ExplainReport() {}

  public record Json(
      String id,
      String name,
      double score,
      Tier tier,
      AssessmentJson.RiskView inherent,
      AssessmentJson.RiskView residual,
      AssessmentJson.BandView band,
      Formation.Steps formation,
      String rules,
      List<FiringView> firings,
      List<NotFiredView> notFired,
      List<MeasureText.View> measureNames) {}

  public record FactView(String type, String description) {}

  public record CiteView(String id, String text) {}

  public record FiringView(
      int sequence,
      String rule,
      String title,
      String category,
      String factor,
      double points,
      String file,
      Integer line,
      List<FactView> facts,
      List<CiteView> cites,
      List<String> measures) {}

  public record NotFiredView(
      String rule,
      String title,
      String category,
      int points,
      String file,
      int line,
      List<String> cites) {}

  public static void writeJson(Writer out, Explanation x, Map<String, GuideStatement> statements)
      throws IOException {
    io.venuerisk.io.Json.write(out, json(x, statements));
  }

  /** What {@link #writeJson} writes, for a caller that lays the JSON out itself. */
  public static Json json(Explanation x, Map<String, GuideStatement> statements) {
    Assessment a = x.assessment();
    AssessmentJson.Result r = AssessmentJson.of(a);
    List<FiringView> firings = new ArrayList<>();
    for (Shown f : x.firings()) {
      RuleMeta m = f.firing().rule();
      List<FactView> facts = new ArrayList<>();
      for (Object fact : f.firing().facts()) {
        facts.add(new FactView(FactText.type(fact), FactText.describe(fact)));
      }
      List<CiteView> cites = new ArrayList<>();
      for (String c : m.cites()) {
        GuideStatement g = statements.get(c);
        cites.add(new CiteView(c, g == null ? null : g.text()));
      }
      firings.add(
          new FiringView(
              f.firing().sequence(),
              m.id(),
              m.title(),
              m.category().code(),
              m.category().factor().code(),
              f.points(),
              f.info() == null ? null : f.info().file(),
              f.info() == null ? null : f.info().line(),
              facts,
              cites,
              measures(a, f.firing()).stream().map(Measure::code).toList()));
    }
    List<NotFiredView> notFired = new ArrayList<>();
    for (RuleInfo ri : x.notFired()) {
      notFired.add(
          new NotFiredView(
              ri.meta().id(),
              ri.meta().title(),
              ri.meta().category().code(),
              ri.meta().points(),
              ri.file(),
              ri.line(),
              ri.meta().cites()));
    }
    return new Json(
        a.id(),
        a.scenario().name(),
        a.score(),
        a.tier(),
        r.inherent(),
        r.residual(),
        r.band(),
        Formation.of(a),
        x.origin(),
        firings,
        notFired,
        MeasureText.views(a, named(a, x)));
  }

  public static void writeText(
      PrintWriter out, Explanation x, Map<String, GuideStatement> statements) {
    Assessment a = x.assessment();
    Scenario s = a.scenario();
    out.println(s.id() + "  " + s.name());
    out.println(
        "  Residual risk "
            + Numbers.score(a.score())
            + " "
            + a.tier()
            + "   inherent "
            + Numbers.score(a.inherent().score())
            + " "
            + a.inherent().tier()
            + "   ("
            + x.origin()
            + ")");
    out.println();
    Formation.write(out, a);
    out.println();
    out.println("Rules fired, in firing order (" + x.firings().size() + " firings)");
    Set<String> citedAlready = new HashSet<>();
    for (Shown f : x.firings()) {
      RuleMeta m = f.firing().rule();
      out.println();
      out.printf("%3d. %s  %s%n", f.firing().sequence(), m.id(), m.title());
      String where = f.info() == null ? "" : "  " + f.info().file() + ":" + f.info().line();
      out.println("     " + scored(m.category(), f.points()) + where);
      List<Object> facts = f.firing().facts();
      for (int i = 0; i < facts.size(); i++) {
        Object fact = facts.get(i);
        out.printf(
            "     %-9s %s %s%n",
            i == 0 ? "matched" : "", FactText.type(fact), FactText.describe(fact));
      }
      for (String c : m.cites()) {
        GuideStatement g = statements.get(c);
        String text =
            g == null ? "(not a guide statement)" : citedAlready.add(c) ? g.text() : "(text above)";
        out.printf("     %-9s %s  %s%n", c.equals(m.cites().get(0)) ? "cites" : "", c, text);
      }
      List<Measure> measures = measures(a, f.firing());
      if (!measures.isEmpty()) {
        out.printf(
            "     %-9s %s%n",
            "measures",
            measures.stream()
                .map(ms -> MeasureText.named(a, ms))
                .collect(Collectors.joining(", ")));
      }
    }
    out.println();
    out.println("Rules of the same categories that did not fire (" + x.notFired().size() + ")");
    Category current = null;
    for (RuleInfo r : x.notFired()) {
      if (r.meta().category() != current) {
        current = r.meta().category();
        out.println("  " + current.code());
      }
      out.printf(
          "    %-30s %+4d  %-20s %s%n",
          r.meta().id(), r.meta().points(), r.file() + ":" + r.line(), r.meta().title());
    }
    if (x.notFired().isEmpty()) {
      out.println("  none");
    }
  }

  private static String scored(Category c, double points) {
    if (c.factor() == Factor.NONE) {
      return c.code() + ", no points";
    }
    String what = c == Category.EXPOSURE ? "use of its tactic in the region" : c.factor().code();
    String category =
        c.code().equals(c.factor().code()) || c == Category.EXPOSURE ? "" : " (" + c.code() + ")";
    return Numbers.points(points) + " " + what + category;
  }

  /**
   * The measures the rule calls for, or those its findings name; only those that answer an exposure
   * of this event, as the assessment's findings give them (a measure that answers none would take
   * nothing off).
   */
  private static List<Measure> measures(Assessment a, FiringLog.Firing f) {
    List<Measure> out = new ArrayList<>();
    if (!f.rule().measures().isEmpty()) {
      out.addAll(f.rule().measures());
    } else {
      for (Object o : f.inserted()) {
        if (o instanceof Finding fi) {
          fi.measures().stream().filter(m -> !out.contains(m)).forEach(out::add);
        }
      }
    }
    Set<Measure> useful = EnumSet.noneOf(Measure.class);
    for (ExposureSummary e : a.exposures()) {
      e.inPlace().forEach(m -> useful.add(m.measure()));
      useful.addAll(e.missing());
    }
    out.retainAll(useful);
    return out;
  }

  /** Every measure the explanation names. */
  private static Set<Measure> named(Assessment a, Explanation x) {
    Set<Measure> out = MeasureText.named(a);
    for (Shown f : x.firings()) {
      out.addAll(measures(a, f.firing()));
    }
    return out;
  }
}
