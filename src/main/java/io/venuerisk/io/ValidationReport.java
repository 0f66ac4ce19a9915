package io.venuerisk.io;

import io.venuerisk.engine.Validation;
import io.venuerisk.engine.Validation.Comparison;
import io.venuerisk.engine.Validation.Counts;
import io.venuerisk.engine.Validation.Estimate;
import io.venuerisk.engine.Validation.Figure;
import io.venuerisk.engine.Validation.Metrics;
import io.venuerisk.engine.Validation.Miss;
import io.venuerisk.engine.Validation.Pack;
import io.venuerisk.engine.Validation.PackFigure;
import io.venuerisk.engine.Validation.Score;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.MeasuresBasis;
import io.venuerisk.model.Tier;
import io.venuerisk.model.ValidationStratum;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code validate} prints, for one rule pack or two: per stratum and comparison, the AUC or
 * win rate of the residual and the inherent risk with their 95% intervals (and with two packs the
 * second minus the first); the baselines over all cases with the model minus each; the tiers by
 * label and the cases furthest from their label. Text and Markdown show the baselines over all
 * cases; JSON has every figure. All of it worded here: {@link Validation} carries values only.
 */
public final class ValidationReport {
  private ValidationReport() {}

  /** The letters that name the packs in tables: A, then B. */
  private static final String[] PACK = {"A", "B"};

  // ------------------------------------------------------------------ words

  static String name(Comparison c) {
    return switch (c) {
      case VS_ORDINARY -> "vs ordinary events (AUC)";
      case VS_MATCHED_CONTROLS -> "vs matched controls (AUC)";
      case VS_SECURED -> "vs secured events (AUC)";
      case WINS_OVER_MATCHED_CONTROLS -> "over matched controls (win rate)";
      case WINS_OVER_CROSSOVER_TWINS -> "over crossover twins (win rate)";
    };
  }

  static String name(Score s) {
    return switch (s) {
      case RESIDUAL -> "residual risk";
      case INHERENT -> "inherent risk";
      case MEASURES_LISTED -> "measures listed (fewer first)";
      case CROWD_SIZE -> "crowd size";
      case GEOGRAPHY_POINTS -> "geography points";
    };
  }

  private static String key(Score s) {
    return switch (s) {
      case RESIDUAL -> "residual";
      case INHERENT -> "inherent";
      case MEASURES_LISTED -> "measuresListed";
      case CROWD_SIZE -> "crowdSize";
      case GEOGRAPHY_POINTS -> "geographyPoints";
    };
  }

  /** "4 / 4" for an AUC; "3 / 3, 4 pairs" for a win rate. */
  static String n(Figure f) {
    return f.comparison().paired()
        ? f.targeted()
            + " / "
            + f.others()
            + ", "
            + f.pairs()
            + (f.pairs() == 1 ? " pair" : " pairs")
        : f.targeted() + " / " + f.others();
  }

  /** Rounded to three decimals, with no negative zero. */
  private static double round3(double v) {
    double r = Math.round(v * 1000) / 1000.0;
    return r == 0 ? 0.0 : r;
  }

  /** "0.712 [0.601, 0.822]", or n/a. */
  static String estimate(Estimate e) {
    if (!e.known()) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, "%.3f [%.3f, %.3f]", round3(e.value()), round3(e.low()), round3(e.high()));
  }

  /** "+0.162 [+0.010, +0.300] *": the star when the interval leaves 0 out. */
  static String difference(Estimate e) {
    if (!e.known()) {
      return "n/a";
    }
    return String.format(
            Locale.ROOT,
            "%+.3f [%+.3f, %+.3f]",
            round3(e.value()),
            round3(e.low()),
            round3(e.high()))
        + (e.beyondNoise() ? " *" : "");
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : Numbers.percent(share);
  }

  private static String labels(Counts c) {
    List<String> parts = new ArrayList<>();
    for (CaseLabel l : CaseLabel.values()) {
      parts.add(c.labels().get(l) + " " + l.code());
    }
    return String.join(", ", parts);
  }

  private static int total(Counts c) {
    return c.labels().values().stream().mapToInt(Integer::intValue).sum();
  }

  // ------------------------------------------------------------------ text and Markdown

  public static void writeText(PrintWriter out, String cases, Validation v, boolean markdown) {
    Text t = new Text(out, markdown);
    t.heading(1, "Validation of " + cases);
    Counts c = v.counts();
    List<String> facts = new ArrayList<>();
    facts.add(
        total(c)
            + " cases: "
            + labels(c)
            + "; "
            + io.venuerisk.io.Text.count(c.matchedControls(), "matched control", "matched controls")
            + ", "
            + io.venuerisk.io.Text.count(c.crossoverTwins(), "crossover twin", "crossover twins"));
    List<String> basis = new ArrayList<>();
    for (MeasuresBasis m : MeasuresBasis.values()) {
      basis.add(c.measuresBasis().get(m) + " " + m.code());
    }
    basis.add(c.measuresBasisNotGiven() + " not given");
    facts.add("Measures basis: " + String.join(", ", basis));
    List<String> packs = new ArrayList<>();
    for (int p = 0; p < v.packs().size(); p++) {
      packs.add(PACK[p] + " = " + v.packs().get(p).rules());
    }
    facts.add("Rules: " + String.join(", ", packs));
    facts.add(
        String.format(
            Locale.ROOT,
            "95%% intervals: percentile bootstrap, %d resamples per figure, seed %d",
            v.resampling().resamples(),
            v.resampling().seed()));
    facts.add("AUC: chance 0.5, perfect 1; n = attacks and plots / the other group");
    facts.add(
        "Win rate: how often an attack or plot scores above its own controls (ties half),"
            + " averaged per case,");
    facts.add("  then over the cases; n = attacks and plots / controls, pairs");
    if (v.packs().size() > 1) {
      facts.add("B minus A: paired, the same resamples for both packs; * the interval excludes 0");
    }
    t.facts(facts);
    for (Score s : Score.MODEL) {
      modelTable(t, v, s);
    }
    if (v.packs().size() == 2) {
      geographyTable(t, v);
    }
    for (int p = 0; p < v.packs().size(); p++) {
      baselineTable(t, v, p);
    }
    for (int p = 0; p < v.packs().size(); p++) {
      tiers(t, v.packs().get(p), PACK[p]);
    }
  }

  private static void modelTable(Text t, Validation v, Score s) {
    int packs = v.packs().size();
    List<String> head = new ArrayList<>(List.of("n"));
    for (int p = 0; p < packs; p++) {
      head.add(PACK[p]);
    }
    if (packs == 2) {
      head.add("B minus A");
    }
    t.heading(2, Character.toUpperCase(name(s).charAt(0)) + name(s).substring(1));
    t.table(head, packs == 2 ? new int[] {36, 20, 22, 22, 25} : new int[] {36, 20, 22});
    for (ValidationStratum st : v.strata()) {
      t.group(st.name());
      for (Comparison c : Comparison.values()) {
        Figure f = v.figure(st, c);
        List<String> cells = new ArrayList<>(List.of(n(f)));
        for (int p = 0; p < packs; p++) {
          cells.add(estimate(f.estimate(p, s)));
        }
        if (packs == 2) {
          cells.add(difference(f.change().get(s)));
        }
        t.row(name(c), cells);
      }
    }
    t.end();
  }

  /** With two packs: the one baseline the rules give, for both, over all cases. */
  private static void geographyTable(Text t, Validation v) {
    t.heading(2, "Geography points, all cases: a baseline the rules give");
    t.table(List.of("n", "A", "B", "B minus A"), new int[] {36, 20, 22, 22, 25});
    for (Comparison c : Comparison.values()) {
      Figure f = v.figure(c);
      t.row(
          name(c),
          List.of(
              n(f),
              estimate(f.estimate(0, Score.GEOGRAPHY_POINTS)),
              estimate(f.estimate(1, Score.GEOGRAPHY_POINTS)),
              difference(f.change().get(Score.GEOGRAPHY_POINTS))));
    }
    t.end();
  }

  private static void baselineTable(Text t, Validation v, int p) {
    t.heading(
        2,
        "Baselines, all cases ("
            + PACK[p]
            + "), and the model minus each: the same cases and resamples");
    t.table(
        List.of("baseline", "residual risk minus it", "inherent risk minus it"),
        new int[] {36, 22, 27, 27});
    for (Comparison c : Comparison.values()) {
      Figure f = v.figure(c);
      t.group(name(c) + ", n " + n(f));
      PackFigure pf = f.packs().get(p);
      for (Score b : Score.BASELINES) {
        t.row(
            name(b),
            List.of(
                estimate(pf.scores().get(b)),
                difference(pf.overBaselines().get(Score.RESIDUAL).get(b)),
                difference(pf.overBaselines().get(Score.INHERENT).get(b))));
      }
    }
    t.end();
  }

  private static void tiers(Text t, Pack pack, String letter) {
    t.heading(2, "Tiers by label (" + letter + ": " + pack.rules() + "), residual / inherent");
    Metrics r = pack.residual();
    Metrics i = pack.inherent();
    List<String> head = new ArrayList<>();
    for (Tier tier : Tier.values()) {
      head.add(tier.name());
    }
    t.table(head, new int[] {20, 9, 9, 9, 9, 9});
    for (CaseLabel l : CaseLabel.values()) {
      int[] rt = r.tiers().getOrDefault(l, new int[Tier.values().length]);
      int[] it = i.tiers().getOrDefault(l, new int[Tier.values().length]);
      List<String> cells = new ArrayList<>();
      for (Tier tier : Tier.values()) {
        cells.add(rt[tier.ordinal()] + " / " + it[tier.ordinal()]);
      }
      t.row(l.code(), cells);
    }
    t.end();
    t.facts(
        List.of(
            "At ELEVATED or above, residual / inherent: attacks and plots "
                + percent(r.targetedElevated())
                + " / "
                + percent(i.targetedElevated())
                + " (n "
                + r.targeted()
                + "), ordinary events "
                + percent(r.ordinaryElevated())
                + " / "
                + percent(i.ordinaryElevated())
                + " (n "
                + r.ordinary()
                + ")"));
    t.heading(2, "Furthest from their label (" + letter + ": " + pack.rules() + ", residual risk)");
    List<String> lines = new ArrayList<>();
    for (Miss m : r.furthest()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-48s %-20s %5s %s",
              m.id(),
              m.label().code(),
              Numbers.score(m.score()),
              m.tier()));
    }
    t.list(lines);
  }

  /**
   * Text or Markdown, the same content: headings, lists of facts, tables whose rows may sit in
   * groups, and lists.
   */
  private static final class Text {
    private final PrintWriter out;
    private final boolean md;
    private int[] widths;
    private boolean grouped;

    Text(PrintWriter out, boolean md) {
      this.out = out;
      this.md = md;
    }

    void heading(int level, String text) {
      out.println(md ? "#".repeat(level) + " " + text : text);
      if (md || level == 1) {
        out.println();
      }
    }

    /** Lines of their own: a list in Markdown. */
    void facts(List<String> lines) {
      for (String l : lines) {
        // a line that starts with spaces goes on with the one before
        out.println(md && !l.startsWith(" ") ? "- " + l : l);
      }
      out.println();
    }

    /** A table: the label column, then these headers. */
    void table(List<String> head, int[] widths) {
      this.widths = widths;
      this.grouped = false;
      if (md) {
        out.println("| | " + String.join(" | ", head) + " |");
        out.println("|---" + "|---:".repeat(head.size()) + "|");
      } else {
        line("", head);
      }
    }

    /** A heading row; the rows after it are indented under it. */
    void group(String name) {
      grouped = true;
      if (md) {
        out.println("| **" + name + "** |" + " |".repeat(widths.length - 1));
      } else {
        out.println("  " + name);
      }
    }

    void row(String label, List<String> cells) {
      if (md) {
        out.println("| " + label + " | " + String.join(" | ", cells) + " |");
      } else {
        line((grouped ? "    " : "  ") + label, cells);
      }
    }

    private void line(String label, List<String> cells) {
      StringBuilder sb = new StringBuilder(pad(label, widths[0] + 4));
      for (int i = 0; i < cells.size(); i++) {
        sb.append(pad(cells.get(i), widths[i + 1])).append("  ");
      }
      out.println(sb.toString().stripTrailing());
    }

    void end() {
      out.println();
    }

    void list(List<String> lines) {
      for (String l : lines) {
        out.println((md ? "- " : "  ") + l);
      }
      out.println();
    }

    private static String pad(String s, int width) {
      return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
  }

  // ------------------------------------------------------------------ JSON

  public record Json(
      String cases,
      CountsView counts,
      ResamplingView resampling,
      List<RuleSetView> ruleSets,
      List<FigureView> figures) {}

  public record CountsView(
      int cases,
      Map<String, Integer> labels,
      int matchedControls,
      int crossoverTwins,
      Map<String, Integer> measuresBasis) {}

  public record ResamplingView(int resamples, long seed, String interval) {}

  public record RuleSetView(String rules, MetricsView residual, MetricsView inherent) {}

  public record MetricsView(
      int targeted,
      Double targetedElevated,
      int ordinary,
      Double ordinaryElevated,
      Map<String, Map<String, Integer>> tiers,
      List<MissView> furthest) {}

  public record MissView(String id, String label, double score, Tier tier, double distance) {}

  public record FigureView(
      String stratum,
      String dimension,
      String comparison,
      String statistic,
      int targeted,
      int others,
      int pairs,
      List<Map<String, Object>> ruleSets,
      Map<String, EstimateView> change) {}

  public record EstimateView(Double value, Double low, Double high, Boolean beyondNoise) {}

  public static void writeJson(Writer out, String cases, Validation v) throws IOException {
    Counts c = v.counts();
    Map<String, Integer> labels = new LinkedHashMap<>();
    for (CaseLabel l : CaseLabel.values()) {
      labels.put(l.code(), c.labels().get(l));
    }
    Map<String, Integer> basis = new LinkedHashMap<>();
    for (MeasuresBasis m : MeasuresBasis.values()) {
      basis.put(m.code(), c.measuresBasis().get(m));
    }
    basis.put("not_given", c.measuresBasisNotGiven());
    List<RuleSetView> sets = new ArrayList<>();
    for (Pack p : v.packs()) {
      sets.add(new RuleSetView(p.rules(), view(p.residual()), view(p.inherent())));
    }
    List<FigureView> figures = new ArrayList<>();
    for (Figure f : v.figures()) {
      List<Map<String, Object>> packs = new ArrayList<>();
      for (int p = 0; p < f.packs().size(); p++) {
        PackFigure pf = f.packs().get(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rules", v.packs().get(p).rules());
        for (Score s : Score.values()) {
          put(m, key(s), view(pf.scores().get(s), false));
        }
        for (Score model : Score.MODEL) {
          Map<String, EstimateView> minus = new LinkedHashMap<>();
          for (Score b : Score.BASELINES) {
            put(minus, key(b), view(pf.overBaselines().get(model).get(b), true));
          }
          if (!minus.isEmpty()) {
            m.put(key(model) + "Minus", minus);
          }
        }
        packs.add(m);
      }
      Map<String, EstimateView> change = null;
      if (!f.change().isEmpty()) {
        change = new LinkedHashMap<>();
        for (Map.Entry<Score, Estimate> e : f.change().entrySet()) {
          put(change, key(e.getKey()), view(e.getValue(), true));
        }
      }
      figures.add(
          new FigureView(
              f.stratum().id(),
              f.stratum().dimension(),
              f.comparison().code(),
              f.comparison().paired() ? "win_rate" : "auc",
              f.targeted(),
              f.others(),
              f.pairs(),
              packs,
              change));
    }
    io.venuerisk.io.Json.write(
        out,
        new Json(
            cases,
            new CountsView(total(c), labels, c.matchedControls(), c.crossoverTwins(), basis),
            new ResamplingView(v.resampling().resamples(), v.resampling().seed(), "95% percentile"),
            sets,
            figures));
  }

  private static <T> void put(Map<String, T> m, String key, T value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /** Null (left out) when the figure has no cases to compare. */
  private static EstimateView view(Estimate e, boolean difference) {
    if (!e.known()) {
      return null;
    }
    return new EstimateView(
        round3(e.value()), round3(e.low()), round3(e.high()), difference ? e.beyondNoise() : null);
  }

  private static MetricsView view(Metrics m) {
    Map<String, Map<String, Integer>> tiers = new LinkedHashMap<>();
    for (CaseLabel l : CaseLabel.values()) {
      int[] counts = m.tiers().getOrDefault(l, new int[Tier.values().length]);
      Map<String, Integer> row = new LinkedHashMap<>();
      for (Tier t : Tier.values()) {
        row.put(t.name(), counts[t.ordinal()]);
      }
      tiers.put(l.code(), row);
    }
    return new MetricsView(
        m.targeted(),
        num(m.targetedElevated()),
        m.ordinary(),
        num(m.ordinaryElevated()),
        tiers,
        m.furthest().stream()
            .map(
                x ->
                    new MissView(
                        x.id(),
                        x.label().code(),
                        x.score(),
                        x.tier(),
                        Math.round(x.distance() * 10) / 10.0))
            .toList());
  }

  private static Double num(double v) {
    return Double.isNaN(v) ? null : round3(v);
  }
}
