package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** What a planner reads in one screen: score, tier, the strongest reasons, the measures to add. */
public final class AssessmentText {
  /** Reasons shown before "… more": enough to explain a tier, short enough for one screen. */
  public static final int TOP_REASONS = 8;

  public static final int TOP_MEASURES = 6;

  private AssessmentText() {}

  public static void write(PrintWriter out, Assessment a, Style style) {
    Scenario s = a.scenario();
    out.println(style.bold(s.id()) + "  " + s.name());
    String when = s.endDate().equals(s.date()) ? s.date().toString() : s.date() + " to " + s.endDate();
    String where = join(", ", s.venue().name(), s.city(), s.country());
    out.println(
        "  " + when + "  " + where + "  (" + s.eventType().words() + " at "
            + s.venueType().withArticle() + ", " + s.attendance() + " people)");
    out.println();
    out.println(
        "  Score " + style.bold(a.score() + "/100") + "  " + style.tier(a.tier(), a.tier().name())
            + "   " + dimensions(a));
    out.println();
    List<Finding> positive = a.findings().stream().filter(f -> f.points() > 0).toList();
    out.println("  Strongest reasons");
    if (positive.isEmpty()) {
      out.println("    none: no scoring rule matched");
    }
    int shown = 0;
    for (Finding f : positive) {
      if (shown++ == TOP_REASONS) {
        out.println(
            "    ... " + (positive.size() - TOP_REASONS)
                + " more (see --format json or `venue-risk explain`)");
        break;
      }
      out.printf("    %+4d  %-24s %s  [%s]%n", f.points(), f.rule(), f.rationale(),
          String.join(" ", f.cites()));
    }
    List<Finding> credits = a.findings().stream().filter(f -> f.points() < 0).toList();
    if (!credits.isEmpty()) {
      out.println();
      out.println("  Credit for measures in place");
      for (ExposureSummary e : a.exposures()) {
        if (e.credit() > 0) {
          out.printf("    %+4d  %s: %s%n", -e.credit(), e.exposure().label(),
              e.inPlace().stream().map(m -> m.code()).collect(Collectors.joining(", ")));
        }
      }
    }
    if (!a.exposures().isEmpty()) {
      out.println();
      out.println("  Exposures (points - credit = residual)");
      for (ExposureSummary e : a.exposures()) {
        out.printf("    %-24s %3d - %2d = %3d   %s%n", e.exposure().code(), e.points(), e.credit(),
            e.residual(), e.tactic().label());
      }
    }
    out.println();
    out.println("  Measures to add (points each would take off)");
    if (a.recommendedMeasures().isEmpty()) {
      out.println("    none: every measure the guidance ties to these exposures is in place");
    }
    int m = 0;
    for (RecommendedMeasure r : a.recommendedMeasures()) {
      if (m++ == TOP_MEASURES) {
        out.println("    ... " + (a.recommendedMeasures().size() - TOP_MEASURES) + " more");
        break;
      }
      out.printf("    %4d  %-28s against %s%n", -r.reduction(), r.measure().code(),
          r.reduces().stream().map(k -> k.code()).collect(Collectors.joining(", ")));
    }
    for (String note : a.notes()) {
      out.println();
      out.println("  Note: " + note);
    }
  }

  private static String dimensions(Assessment a) {
    StringBuilder sb = new StringBuilder();
    for (Dimension d : Dimension.values()) {
      if (d == Dimension.NONE) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("  ");
      }
      sb.append(d.code()).append(' ').append(String.format("%+d", a.dimensions().getOrDefault(d, 0)));
    }
    return sb.toString();
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
