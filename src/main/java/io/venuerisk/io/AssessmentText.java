package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a planner reads in one screen: residual and inherent risk, the factors, the strongest
 * reasons, the exposures with their measures, and the measures to add.
 */
public final class AssessmentText {
  /** Reasons shown before "… more": enough to explain a tier, short enough for one screen. */
  public static final int TOP_REASONS = 8;

  public static final int TOP_MEASURES = 6;

  private AssessmentText() {}

  /** Several results, separated by a rule. */
  public static void writeAll(PrintWriter out, List<Assessment> results, Style style) {
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        out.println();
        out.println("----");
        out.println();
      }
      write(out, results.get(i), style);
    }
  }

  public static void write(PrintWriter out, Assessment a, Style style) {
    Scenario s = a.scenario();
    out.println(style.bold(s.id()) + "  " + s.name());
    String when = s.schedule();
    String where = join(", ", s.venue().name(), s.city(), s.country());
    out.println(
        "  "
            + when
            + "  "
            + where
            + "  ("
            + s.eventType().words()
            + " at "
            + s.venueType().withArticle()
            + ", "
            + s.attendance()
            + " people)");
    out.println();
    out.println(
        "  Residual risk  "
            + style.bold(Numbers.score(a.score()))
            + "  "
            + style.tier(a.tier(), pad(a.tier().name(), 9))
            + inPlace(s));
    out.println(
        "  Inherent risk  "
            + Numbers.score(a.inherent().score())
            + "  "
            + style.tier(a.inherent().tier(), pad(a.inherent().tier().name(), 9))
            + "the event with no measures");
    out.println("  " + rating(a));
    out.println("  uncertainty    " + band(a));
    out.println();
    // exposures are listed with their measures below; these are the reasons the event is at risk
    List<Finding> positive =
        a.findings().stream().filter(f -> f.points() > 0 && f.exposure() == null).toList();
    out.println("  Strongest reasons");
    if (positive.isEmpty()) {
      out.println("    none: no scoring rule matched");
    }
    int shown = 0;
    for (Finding f : positive) {
      if (shown++ == TOP_REASONS) {
        out.println(
            "    ... "
                + (positive.size() - TOP_REASONS)
                + " more (see --format json or `venue-risk explain`)");
        break;
      }
      out.printf(
          "    %-14s %5s  %-24s %s  [%s]%n",
          f.factor().code(),
          Numbers.points(f.points()),
          f.rule(),
          f.rationale(),
          String.join(" ", f.cites()));
    }
    if (!a.exposures().isEmpty()) {
      out.println();
      out.println(
          "  Exposures (use here, consequence level, vulnerability left by the measures in place)");
      for (ExposureSummary e : a.exposures()) {
        out.printf(
            "    %-20s %5s  %d  %5s  %s%n",
            e.exposure().code(),
            Numbers.share(e.relativeWeight()),
            e.consequence().level(),
            Numbers.share(e.vulnerability()),
            e.inPlace().isEmpty()
                ? "no measure in place"
                : e.inPlace().stream()
                    .map(
                        m ->
                            MeasureText.label(a, m.measure())
                                + " -"
                                + Numbers.percent(m.effectiveness()))
                    .collect(Collectors.joining(", ")));
      }
    }
    Set<Measure> named = EnumSet.noneOf(Measure.class);
    named.addAll(s.measures());
    if (!a.measuresWithoutEffect().isEmpty()) {
      out.println();
      out.println("  Measures in place that answer none of these exposures");
      for (MeasureWithoutEffect m : a.measuresWithoutEffect()) {
        out.println(
            "    " + MeasureText.named(a, m.measure()) + ": " + MeasureText.withoutEffect(m));
      }
    }
    // measures that protect named people are not ranked with those that protect the crowd
    List<RecommendedMeasure> crowd = new ArrayList<>();
    Map<String, List<RecommendedMeasure>> people = new LinkedHashMap<>();
    for (RecommendedMeasure r : a.recommendedMeasures()) {
      String protects = a.name(r.measure()).protects();
      if (protects == null) {
        crowd.add(r);
      } else {
        people.computeIfAbsent(protects, k -> new ArrayList<>()).add(r);
      }
    }
    out.println();
    out.println("  Measures to add for the crowd (residual points each would take off on its own)");
    if (crowd.isEmpty()) {
      out.println(
          a.exposures().stream().allMatch(e -> e.missing().isEmpty())
              ? "    none: every measure the guidance ties to these exposures is in place"
              : "    none that would take off 0.1 point or more");
    }
    int m = 0;
    for (RecommendedMeasure r : crowd) {
      if (m++ == TOP_MEASURES) {
        out.println("    ... " + (crowd.size() - TOP_MEASURES) + " more");
        break;
      }
      named.add(r.measure());
      out.println(recommended(a, r));
    }
    for (Map.Entry<String, List<RecommendedMeasure>> e : people.entrySet()) {
      out.println();
      out.println("  For " + e.getKey() + " (protects them, not the crowd)");
      for (RecommendedMeasure r : e.getValue()) {
        named.add(r.measure());
        out.println(recommended(a, r));
      }
    }
    a.measuresWithoutEffect().forEach(w -> named.add(w.measure()));
    List<String> meanings = MeasureText.meanings(a, named);
    if (!meanings.isEmpty()) {
      out.println();
      out.println("  What a measure means in " + s.country());
      meanings.forEach(line -> out.println("    " + line));
    }
    if (a.threatLevel() != null) {
      var t = a.threatLevel();
      out.println();
      out.println(
          "  National threat level: "
              + t.country()
              + " "
              + t.level()
              + " ("
              + t.system()
              + "; "
              + t.rankName().code()
              + ", "
              + t.rank()
              + " of 5) "
              + (t.declared() ? "declared for this run" : "in force since " + t.asOf())
              + (t.uncertain() ? " (source not confirmed)" : ""));
    }
    if (a.martynsLaw() != null) {
      out.println();
      MartynsLawText.write(out, a.martynsLaw());
    }
    for (String note : a.notes()) {
      out.println();
      out.println("  Note: " + note);
    }
  }

  /**
   * " -7.7 a stand-off perimeter (...) [standoff_perimeter] against vehicle_ramming -5.1,
   * person_borne_ied -5.1": the score it takes off, then the risk points per tactic.
   */
  private static String recommended(Assessment a, RecommendedMeasure r) {
    return String.format(
        "    %5s  %s  against %s",
        "-" + Numbers.score(r.reduction()),
        MeasureText.named(a, r.measure()),
        r.byTactic().stream()
            .map(t -> t.exposure().code() + " -" + Numbers.score(t.points()))
            .collect(Collectors.joining(", ")));
  }

  private static String inPlace(Scenario s) {
    int n = s.measures().size();
    return n == 0
        ? "no measure stated"
        : "with the " + (n == 1 ? "measure" : n + " measures") + " in place";
  }

  /**
   * "likelihood 3 (38.2 points: possible: ...) consequence 4 (41.3: major: ...) band 28.1 to 45.0
   * (profile.officials moves it most)".
   */
  static String rating(Assessment a) {
    var r = a.residual();
    var i = a.inherent();
    return "likelihood "
        + i.likelihood().level()
        + " ("
        + Numbers.plain(i.likelihood().points())
        + " points, "
        + (r.likelihood().level() == i.likelihood().level()
            ? "with the measures the same level"
            : "with the measures " + r.likelihood().level())
        + "): "
        + i.likelihood().meaning()
        + "\n  consequence "
        + i.consequence().level()
        + " ("
        + Numbers.plain(i.consequence().points())
        + " points): "
        + i.consequence().meaning();
  }

  /** "28.1 to 45.0 were the unknown facts known; profile.officials moves it most". */
  static String band(Assessment a) {
    var b = a.band();
    if (b.field() == null) {
      return "no unknown fact would change the score";
    }
    return Numbers.score(b.low())
        + " to "
        + Numbers.score(b.high())
        + " were the unknown facts known; "
        + b.field()
        + " moves it most";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String join(String sep, String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (sb.length() > 0) {
          sb.append(sep);
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }

  /** Terminal styling; plain when output is not a terminal or NO_COLOR is set. */
  public record Style(boolean colour) {
    public static final Style PLAIN = new Style(false);

    String bold(String s) {
      return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    String tier(Tier t, String s) {
      if (!colour) {
        return s;
      }
      String code =
          switch (t) {
            case LOW -> "32";
            case MODERATE -> "36";
            case ELEVATED -> "33";
            case HIGH -> "31";
            case SEVERE -> "1;31";
          };
      return "\u001b[" + code + "m" + s + "\u001b[0m";
    }
  }
}
