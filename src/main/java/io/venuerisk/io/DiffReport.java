package io.venuerisk.io;

import io.venuerisk.engine.RuleMeta;
import io.venuerisk.engine.RuleSetDiff;
import io.venuerisk.engine.RuleSetDiff.FindingChange;
import io.venuerisk.engine.RuleSetDiff.RuleChange;
import io.venuerisk.engine.RuleSetDiff.ScenarioDiff;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code diff} prints: the rules two rule sets add, remove or edit, and for each event whose
 * residual or inherent risk moves (or whose findings change), the rules that caused it.
 */
public final class DiffReport {
  private DiffReport() {}

  public record Json(
      String a,
      String b,
      List<RuleChangeView> ruleChanges,
      List<EventView> events,
      Summary summary) {}

  public record RuleChangeView(String rule, String change, List<String> details) {}

  public record Side(double score, Tier tier, double inherentScore, Tier inherentTier) {
    static Side of(Assessment x) {
      return new Side(x.score(), x.tier(), x.inherent().score(), x.inherent().tier());
    }
  }

  public record CauseView(
      String rule, String exposure, String change, double pointsA, double pointsB) {}

  public record EventView(
      String id,
      Side a,
      Side b,
      double scoreChange,
      boolean tierChanged,
      double inherentChange,
      boolean inherentTierChanged,
      List<CauseView> causes) {}

  public record Summary(
      long events, long scoreChanged, long tierChanged, long inherentChanged, long unchanged) {}

  public static void writeJson(
      Writer out, String a, String b, List<RuleChange> rules, List<ScenarioDiff> diffs)
      throws IOException {
    List<RuleChangeView> rc =
        rules.stream().map(c -> new RuleChangeView(c.id(), c.kind(), details(c))).toList();
    List<EventView> events = new ArrayList<>();
    for (ScenarioDiff d : diffs) {
      if (!d.changed()) {
        continue;
      }
      List<CauseView> causes =
          d.causes().stream()
              .map(
                  c ->
                      new CauseView(
                          c.rule(),
                          c.exposure() == null ? null : c.exposure().code(),
                          c.kind(),
                          c.pointsBefore(),
                          c.pointsAfter()))
              .toList();
      events.add(
          new EventView(
              d.before().id(),
              Side.of(d.before()),
              Side.of(d.after()),
              round(d.after().score() - d.before().score()),
              d.tierChanged(),
              round(d.after().inherent().score() - d.before().inherent().score()),
              d.inherentTierChanged(),
              causes));
    }
    io.venuerisk.io.Json.write(out, new Json(a, b, rc, events, summary(diffs)));
  }

  /** Each changed field of a rule's metadata, as "what before -> after". */
  static List<String> details(RuleChange c) {
    List<String> out = new ArrayList<>();
    if (c.before() == null || c.after() == null) {
      return out;
    }
    RuleMeta m = c.before().meta();
    RuleMeta n = c.after().meta();
    for (RuleSetDiff.Field f : c.changed()) {
      out.add(
          switch (f) {
            // no @points means the rule's row of data/points.csv
            case POINTS -> "points " + points(m.points()) + " -> " + points(n.points());
            case CATEGORY -> "category " + m.category().code() + " -> " + n.category().code();
            case CITES ->
                "cites " + String.join(" ", m.cites()) + " -> " + String.join(" ", n.cites());
            case MEASURES -> "measures " + codes(m.measures()) + " -> " + codes(n.measures());
            case TITLE -> "title \"" + m.title() + "\" -> \"" + n.title() + "\"";
          });
    }
    return out;
  }

  private static String points(int points) {
    return points == 0 ? "from data" : String.format("%+d", points);
  }

  private static String codes(List<Measure> measures) {
    if (measures.isEmpty()) {
      return "(none)";
    }
    return String.join(" ", measures.stream().map(Measure::code).toList());
  }

  static Summary summary(List<ScenarioDiff> diffs) {
    return new Summary(
        diffs.size(),
        diffs.stream().filter(ScenarioDiff::scoreChanged).count(),
        diffs.stream().filter(ScenarioDiff::tierChanged).count(),
        diffs.stream().filter(d -> d.inherentScoreChanged() || d.inherentTierChanged()).count(),
        diffs.stream().filter(d -> !d.changed()).count());
  }

  public static void writeText(
      PrintWriter out, String a, String b, List<RuleChange> ruleChanges, List<ScenarioDiff> diffs) {
    out.println("A: " + a);
    out.println("B: " + b);
    out.println();
    out.println("Rules (B against A)");
    if (ruleChanges.isEmpty()) {
      out.println("  no rule added, removed or edited");
    }
    for (RuleChange c : ruleChanges) {
      String what =
          switch (c.kind()) {
            case "added" ->
                "added    "
                    + c.id()
                    + "  "
                    + c.after().file()
                    + ":"
                    + c.after().line()
                    + String.format("  %+d", c.after().meta().points());
            case "removed" ->
                "removed  " + c.id() + "  was " + c.before().file() + ":" + c.before().line();
            default -> "changed  " + c.id() + "  " + String.join("; ", details(c));
          };
      out.println("  " + what);
    }
    out.println();
    List<ScenarioDiff> changed = diffs.stream().filter(ScenarioDiff::changed).toList();
    out.println("Events (" + diffs.size() + " compared; residual risk, then inherent)");
    for (ScenarioDiff d : changed) {
      Assessment x = d.before();
      Assessment y = d.after();
      String tier = d.tierChanged() ? "  TIER " + x.tier() + " -> " + y.tier() : "";
      out.printf(
          "  %s  residual %s %s -> %s %s (%s)%s%n",
          x.id(),
          Numbers.score(x.score()),
          x.tier(),
          Numbers.score(y.score()),
          y.tier(),
          Numbers.points(y.score() - x.score()),
          tier);
      String itier =
          d.inherentTierChanged()
              ? "  TIER " + x.inherent().tier() + " -> " + y.inherent().tier()
              : "";
      out.printf(
          "  %s  inherent %s %s -> %s %s (%s)%s%n",
          " ".repeat(x.id().length()),
          Numbers.score(x.inherent().score()),
          x.inherent().tier(),
          Numbers.score(y.inherent().score()),
          y.inherent().tier(),
          Numbers.points(y.inherent().score() - x.inherent().score()),
          itier);
      for (FindingChange c : d.causes()) {
        String rule = c.rule() + (c.exposure() == null ? "" : " [" + c.exposure().code() + "]");
        String change =
            switch (c.kind()) {
              case "added" -> "added, " + Numbers.points(c.pointsAfter());
              case "removed" -> "removed, was " + Numbers.points(c.pointsBefore());
              default ->
                  Numbers.points(c.pointsBefore()) + " -> " + Numbers.points(c.pointsAfter());
            };
        out.printf("      %-36s %s%n", rule, change);
      }
      if (!d.scoreChanged() && !d.inherentScoreChanged()) {
        out.println("      (findings changed; the scores did not)");
      }
    }
    if (changed.isEmpty()) {
      out.println("  no event changes");
    }
    out.println();
    Summary s = summary(diffs);
    out.println(
        s.events()
            + " events: "
            + s.scoreChanged()
            + " change residual score, "
            + s.tierChanged()
            + " change residual tier, "
            + s.inherentChanged()
            + " change inherent risk, "
            + s.unchanged()
            + " unchanged");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
