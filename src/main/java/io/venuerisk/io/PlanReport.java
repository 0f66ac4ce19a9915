package io.venuerisk.io;

import io.venuerisk.engine.MeasurePlanner.Option;
import io.venuerisk.engine.MeasurePlanner.Plan;
import io.venuerisk.engine.MeasurePlanner.Step;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.TacticReduction;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
      List<String> excluded,
      List<OptionView> options,
      PlanView plan,
      FloorView allMeasures,
      List<MeasureText.View> measureNames) {}

  /**
   * A measure added on its own; {@code protects} names the people it protects when it protects them
   * rather than the crowd (such measures are listed apart, and planned last).
   */
  public record OptionView(
      String measure,
      double score,
      Tier tier,
      double reduction,
      String protects,
      List<AssessmentJson.TacticView> byTactic) {}

  public record StepView(String measure, double score, Tier tier, String protects) {}

  public record PlanView(
      boolean reached, List<StepView> steps, double finalScore, Tier finalTier) {}

  /**
   * The residual with every measure in place and the vulnerability it leaves; {@code heldBy} names
   * the inherent risk when it keeps the event above the target whatever is added.
   */
  public record FloorView(double score, Tier tier, double vulnerability, String heldBy) {}

  public static void writeJson(Writer out, Plan p) throws IOException {
    io.venuerisk.io.Json.write(out, json(p));
  }

  /** What {@link #writeJson} writes, for a caller that lays the JSON out itself. */
  public static Json json(Plan p) {
    Assessment b = p.baseline();
    Assessment f = p.floor();
    Set<Measure> named = EnumSet.noneOf(Measure.class);
    named.addAll(b.scenario().measures());
    named.addAll(p.excluded());
    p.options().forEach(o -> named.add(o.measure()));
    return new Json(
        b.id(),
        b.score(),
        b.tier(),
        AssessmentJson.RiskView.of(b.inherent()),
        p.target(),
        AssessmentJson.codes(List.copyOf(named(b.scenario().measures()))),
        AssessmentJson.codes(p.excluded()),
        p.options().stream()
            .map(
                o ->
                    new OptionView(
                        o.measure().code(),
                        o.after().score(),
                        o.after().tier(),
                        o.reduction(),
                        b.name(o.measure()).protects(),
                        TacticReduction.between(b, o.after()).stream()
                            .map(
                                t -> new AssessmentJson.TacticView(t.exposure().code(), t.points()))
                            .toList()))
            .toList(),
        new PlanView(
            p.reached(),
            p.steps().stream()
                .map(
                    st ->
                        new StepView(
                            st.measure().code(),
                            st.after().score(),
                            st.after().tier(),
                            b.name(st.measure()).protects()))
                .toList(),
            p.end().score(),
            p.end().tier()),
        new FloorView(
            f.score(),
            f.tier(),
            f.trace().vulnerability(),
            p.heldByInherentRisk() ? heldBy(p) : null),
        MeasureText.views(b, named));
  }

  private static Set<Measure> named(Set<Measure> measures) {
    return measures.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(measures);
  }

  public static void writeText(PrintWriter out, Plan p) {
    Assessment b = p.baseline();
    Scenario s = b.scenario();
    Set<Measure> named = EnumSet.noneOf(Measure.class);
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
            + " or lower");
    out.println(
        "  In place: "
            + (s.measures().isEmpty() ? "no measure stated" : names(b, named(s.measures()))));
    named.addAll(s.measures());
    if (!p.excluded().isEmpty()) {
      out.println("  Left out (--exclude): " + names(b, p.excluded()));
      named.addAll(p.excluded());
    }
    out.println();
    // the measures that protect named people are listed apart: they do not protect the crowd
    List<Option> crowd = new ArrayList<>();
    Map<String, List<Option>> people = new LinkedHashMap<>();
    List<Measure> idle = new ArrayList<>();
    for (Option o : p.options()) {
      String protects = b.name(o.measure()).protects();
      if (o.reduction() <= 0) {
        idle.add(o.measure());
      } else if (protects == null) {
        crowd.add(o);
      } else {
        people.computeIfAbsent(protects, k -> new ArrayList<>()).add(o);
      }
      named.add(o.measure());
    }
    out.println(
        "Measures for the crowd not in place, each added on its own (points it takes off,"
            + " residual with it)");
    if (crowd.isEmpty()) {
      out.println("  none would take off 0.1 point or more");
    }
    crowd.forEach(o -> out.println(option(b, o)));
    if (!idle.isEmpty()) {
      out.println("  no effect on this event: " + names(b, idle));
    }
    for (Map.Entry<String, List<Option>> e : people.entrySet()) {
      out.println();
      out.println("For " + e.getKey() + " (protects them, not the crowd)");
      e.getValue().forEach(o -> out.println(option(b, o)));
    }
    out.println();
    if (b.tier().compareTo(p.target()) <= 0) {
      out.println("Already at or below " + p.target() + ": nothing to add to reach the target.");
      meanings(out, b, named);
      return;
    }
    out.println(
        p.reached()
            ? "Plan: the measures that reach " + p.target() + ", largest gain first"
            : "Best effort: no set of measures reaches " + p.target());
    out.printf("  now  %5s %s%n", Numbers.score(b.score()), b.tier());
    int i = 0;
    for (Step st : p.steps()) {
      String protects = b.name(st.measure()).protects();
      out.printf(
          "  %2d.  %5s %-9s + %s%s%n",
          ++i,
          Numbers.score(st.after().score()),
          st.after().tier(),
          MeasureText.named(b, st.measure()),
          protects == null ? "" : ", for " + protects);
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
      meanings(out, b, named);
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
    meanings(out, b, named);
  }

  /** " -7.7 21.8 MODERATE a stand-off perimeter (...) [standoff_perimeter]". */
  /**
   * " -8.5 25.3 MODERATE an armed response ... [armed_security] against marauding_firearms -7.4".
   */
  private static String option(Assessment b, Option o) {
    List<TacticReduction> byTactic = TacticReduction.between(b, o.after());
    return String.format(
        Locale.ROOT,
        "  %6s %5s %-9s %s%s",
        "-" + Numbers.score(o.reduction()),
        Numbers.score(o.after().score()),
        o.after().tier(),
        MeasureText.named(b, o.measure()),
        byTactic.isEmpty()
            ? ""
            : "  against "
                + byTactic.stream()
                    .map(t -> t.exposure().code() + " -" + Numbers.score(t.points()))
                    .collect(Collectors.joining(", ")));
  }

  private static String names(Assessment b, Collection<Measure> measures) {
    return measures.stream().map(m -> MeasureText.named(b, m)).collect(Collectors.joining(", "));
  }

  /** What the measures named mean where the venue is, when the table says. */
  private static void meanings(PrintWriter out, Assessment b, Set<Measure> named) {
    List<String> lines = MeasureText.meanings(b, named);
    if (!lines.isEmpty()) {
      out.println();
      out.println("What a measure means in " + b.scenario().country());
      lines.forEach(line -> out.println("  " + line));
    }
  }

  /** Why the target is out of reach: the inherent risk and what the measures can take off it. */
  static String heldBy(Plan p) {
    Assessment f = p.floor();
    return "the inherent risk is "
        + Numbers.score(f.inherent().score())
        + " "
        + f.inherent().tier()
        + " (likelihood "
        + f.inherent().likelihood().level()
        + ", consequence "
        + f.inherent().consequence().level()
        + "), and every measure together leaves "
        + Numbers.percent(f.trace().vulnerability())
        + " of the vulnerability: layered measures reduce an exposure, they never remove it";
  }
}
