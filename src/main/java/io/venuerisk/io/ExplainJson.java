package io.venuerisk.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.engine.RuleMeta;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Category;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.Finding;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Recommendation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON of {@code explain --format json}, for the command and for the server. */
public final class ExplainJson {
  private ExplainJson() {}

  /** One firing as shown: the log's record plus where the rule is written. */
  public record Shown(FiringLog.Firing firing, RuleInfo info, int points) {}

  /** Each firing of the log with where its rule is written and what it scored. */
  public static List<Shown> shown(List<RuleInfo> rules, FiringLog log) {
    Map<String, RuleInfo> catalogue = catalogue(rules);
    List<Shown> shown = new ArrayList<>();
    for (FiringLog.Firing f : log.firings()) {
      shown.add(new Shown(f, catalogue.get(f.rule().id()), points(f)));
    }
    return shown;
  }

  /** Catalogue rules whose category is that of a fired rule, but which did not fire themselves. */
  public static List<RuleInfo> notFired(List<RuleInfo> rules, FiringLog log) {
    return notFired(catalogue(rules).values(), log);
  }

  private static Map<String, RuleInfo> catalogue(List<RuleInfo> rules) {
    Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
    for (RuleInfo r : rules) {
      catalogue.putIfAbsent(r.meta().id(), r);
    }
    return catalogue;
  }

  /** What the firing scored: the points of the findings it inserted; 0 for classification. */
  public static int points(FiringLog.Firing f) {
    return f.rule().category().dimension() == Dimension.NONE ? 0 : f.points();
  }

  /** Catalogue rules whose category is that of a fired rule, but which did not fire themselves. */
  private static List<RuleInfo> notFired(Collection<RuleInfo> catalogue, FiringLog log) {
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

  /**
   * The measures the rule calls for; for a rule without {@code @measures} (the credit and
   * recommendation rules), the measure its firing credited or recommended.
   */
  public static List<Measure> measures(FiringLog.Firing f) {
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

  public static ObjectNode json(
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
