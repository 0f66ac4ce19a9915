package io.venuerisk.io;

import io.venuerisk.engine.MeasurePlanner.Option;
import io.venuerisk.engine.MeasurePlanner.Plan;
import io.venuerisk.engine.MeasurePlanner.Step;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code plan} prints: the measures ranked by what each takes off, and the plan to a tier. */
public final class PlanReport {
  private PlanReport() {}

  public record Json(
      String id,
      double score,
      Tier tier,
      AssessmentJson.RiskView inherent,
      Tier targetTier,
      List<String> inPlace,
      List<OptionView> options,
      PlanView plan,
      FloorView allMeasures) {}

  public record OptionView(String measure, double score, Tier tier, double reduction) {}

  public record StepView(String measure, double score, Tier tier) {}

  public record PlanView(
      boolean reached, List<StepView> steps, double finalScore, Tier finalTier) {}

  /**
   * The residual with every measure in place and the vulnerability it leaves; {@code heldBy} names
   * the inherent risk when it keeps the event above the target whatever is added.
   */
  public record FloorView(double score, Tier tier, double vulnerability, String heldBy) {}

  public static void writeJson(Writer out, Plan p) throws IOException {
    Assessment b = p.baseline();
    Assessment f = p.floor();
    io.venuerisk.io.Json.write(
        out,
        new Json(
            b.id(),
            b.score(),
            b.tier(),
            new AssessmentJson.RiskView(b.inherent().score(), b.inherent().tier()),
            p.target(),
            b.scenario().measures().stream().map(Measure::code).toList(),
            p.options().stream()
                .map(
                    o ->
                        new OptionView(
                            o.measure().code(), o.after().score(), o.after().tier(), o.reduction()))
                .toList(),
            new PlanView(
                p.reached(),
                p.steps().stream()
                    .map(
                        st ->
                            new StepView(
                                st.measure().code(), st.after().score(), st.after().tier()))
                    .toList(),
                p.end().score(),
                p.end().tier()),
            new FloorView(
                f.score(),
                f.tier(),
                f.factors().vulnerability(),
                p.heldByInherentRisk() ? heldBy(p) : null)));
  }

  public static void writeText(PrintWriter out, Plan p) {
    Assessment b = p.baseline();
    Scenario s = b.scenario();
    out.println(s.id() + "  " + s.name());
    out.println(
        "  Residual risk "
            + Numbers.score(b.score())
            + " "
            + b.tier()
            + "  (inherent "
            + Numbers.score(b.inherent().score())
            + " "
            + b.inherent().tier()
            + "); target "
            + p.target()
            + " (below "
            + floorOfNext(p.target())
            + ")");
    out.println(
        "  In place: "
            + (s.measures().isEmpty()
                ? "no measure stated"
                : s.measures().stream().map(Measure::code).collect(Collectors.joining(", "))));
    out.println();
    out.println(
        "Measures not in place, each added on its own (residual with it, points it takes off)");
    for (Option o : p.options()) {
      if (o.reduction() <= 0) {
        continue;
      }
      out.printf(
          "  %-28s %5s %-9s -%s%n",
          o.measure().code(),
          Numbers.score(o.after().score()),
          o.after().tier(),
          Numbers.score(o.reduction()));
    }
    List<String> idle =
        p.options().stream().filter(o -> o.reduction() <= 0).map(o -> o.measure().code()).toList();
    if (!idle.isEmpty()) {
      out.println("  no effect on this event: " + String.join(", ", idle));
    }
    out.println();
    if (b.tier().compareTo(p.target()) <= 0) {
      out.println("Already at or below " + p.target() + ": nothing to add to reach the target.");
      return;
    }
    out.println(
        p.reached()
            ? "Plan: the measures that reach " + p.target() + ", largest gain first"
            : "Best effort: no set of measures reaches " + p.target());
    out.printf("  %-32s %5s %s%n", "now", Numbers.score(b.score()), b.tier());
    int i = 0;
    for (Step st : p.steps()) {
      out.printf(
          "  %2d. + %-26s %5s %s%n",
          ++i, st.measure().code(), Numbers.score(st.after().score()), st.after().tier());
    }
    out.println();
    if (p.reached()) {
      out.println(
          "  "
              + p.steps().size()
              + " measure(s): "
              + p.steps().stream()
                  .map(st -> st.measure().code())
                  .collect(Collectors.joining(", ")));
      return;
    }
    Assessment f = p.floor();
    out.println(
        "  With every measure in place the residual risk is still "
            + Numbers.score(f.score())
            + " ("
            + f.tier()
            + "):");
    out.println("  " + heldBy(p) + ".");
    out.println(
        "     A venue's measures cannot lower the inherent risk; only another date, place or");
    out.println("     event profile can.");
  }

  /** Why the target is out of reach: the inherent risk and what the measures can take off it. */
  static String heldBy(Plan p) {
    Assessment f = p.floor();
    return "the inherent risk is "
        + Numbers.score(f.inherent().score())
        + " "
        + f.inherent().tier()
        + " (attractiveness "
        + Numbers.share(f.factors().attractiveness().value())
        + ", threat "
        + Numbers.share(f.factors().threat().value())
        + ", impact "
        + Numbers.share(f.factors().impact().value())
        + "), and every measure together leaves "
        + Numbers.percent(f.factors().vulnerability())
        + " of the vulnerability: layered measures reduce an exposure, they never remove it";
  }

  private static String floorOfNext(Tier t) {
    return t == Tier.SEVERE ? "100.1" : Numbers.score(Tier.values()[t.ordinal() + 1].floor());
  }
}
