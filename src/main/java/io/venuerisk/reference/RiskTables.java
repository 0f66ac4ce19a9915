package io.venuerisk.reference;

import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.InputException;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of the risk model (docs/scoring.md), read from the tables an analyst edits in a
 * spreadsheet: the points of each finding ({@value #POINTS}), each country's baseline ({@value
 * #BASELINES}), each tactic's reach and severity ({@value #TACTICS}), how much each region's
 * attackers use each tactic ({@value #WEIGHTS}), the model's parameters ({@value #MODEL}), the
 * likelihood and consequence levels with their meanings ({@value #LEVELS}) and the matrix that
 * turns a pair of levels into a tier ({@value #MATRIX}). Each table is checked as it is read: an
 * unknown code, a row given twice, a missing row or an edge out of order stops the load with the
 * file, line and column.
 */
public final class RiskTables {
  public static final String POINTS = "points.csv";
  public static final String BASELINES = "country_baseline.csv";
  public static final String TACTICS = "tactics.csv";
  public static final String WEIGHTS = "tactic_weights.csv";
  public static final String MODEL = "risk_model.csv";
  public static final String LEVELS = "risk_levels.csv";
  public static final String MATRIX = "risk_matrix.csv";

  /** The files, in the order they are read. */
  static final List<String> FILES =
      List.of(POINTS, BASELINES, TACTICS, WEIGHTS, MODEL, LEVELS, MATRIX);

  /** The parameters risk_model.csv must give, and nothing else. */
  public static final List<String> PARAMETERS =
      List.of(
          "points_per_doubling",
          "group_discount",
          "measure_weight",
          "exercised_effect",
          "unexercised_effect",
          "score_midpoint",
          "score_spread");

  /** The country key of the baseline row for a country the table does not list. */
  public static final String ANY_COUNTRY = "*";

  /** One finding's points: per finding, or per unit (a tenfold of people, a step of a scale). */
  public record Points(String rule, double points, String group, String file, long line) {}

  /** A country's starting point of the likelihood. */
  public record Baseline(String country, double points, String gti, String source) {}

  /** A tactic's consequence: points added to every harm it does, and how many people it reaches. */
  public record TacticRow(ExposureKind exposure, double severity, Long peopleCap, String note) {}

  /** A level of one scale: its first point (none for level 1) and what it means. */
  public record Level(int level, Double from, String meaning) {}

  private final Map<String, Points> points;
  private final Map<String, Baseline> baselines;
  private final Map<ExposureKind, TacticRow> tactics;
  private final Map<IskRegion, Map<ExposureKind, Double>> weights;
  private final Map<String, Double> parameters;
  private final List<Level> likelihood;
  private final List<Level> consequence;
  private final Tier[][] matrix;

  private RiskTables(
      Map<String, Points> points,
      Map<String, Baseline> baselines,
      Map<ExposureKind, TacticRow> tactics,
      Map<IskRegion, Map<ExposureKind, Double>> weights,
      Map<String, Double> parameters,
      List<Level> likelihood,
      List<Level> consequence,
      Tier[][] matrix) {
    this.points = points;
    this.baselines = baselines;
    this.tactics = tactics;
    this.weights = weights;
    this.parameters = parameters;
    this.likelihood = likelihood;
    this.consequence = consequence;
    this.matrix = matrix;
  }

  static RiskTables read(ReferenceData.Tables tables, Map<String, ?> countries) {
    Map<String, Points> points = new LinkedHashMap<>();
    for (Points p : tables.read(POINTS, RiskTables::pointsRow)) {
      Points before = points.putIfAbsent(p.rule(), p);
      if (before != null) {
        throw new InputException(
            p.file(),
            p.line(),
            0,
            "column 'rule'",
            "given twice (first on line " + before.line() + ")");
      }
    }
    Map<String, Baseline> baselines = new LinkedHashMap<>();
    Map<String, Long> baselineLines = new LinkedHashMap<>();
    tables.read(
        BASELINES,
        r -> {
          String c = r.get("country");
          if (!c.equals(ANY_COUNTRY) && !countries.containsKey(c)) {
            throw r.error(
                "country",
                "unknown country code '" + c + "' (see countries.csv), or * for every other");
          }
          Long before = baselineLines.putIfAbsent(c, r.line());
          if (before != null) {
            throw r.error("country", "given twice (first on line " + before + ")");
          }
          baselines.put(
              c, new Baseline(c, number(r, "points", 0, 100), r.get("gti_2025"), r.get("source")));
          return c;
        });
    if (!baselines.containsKey(ANY_COUNTRY)) {
      throw InputException.of(
          BASELINES, "no row for country * (every country the table does not list)");
    }
    Map<ExposureKind, TacticRow> tactics = new EnumMap<>(ExposureKind.class);
    tables.read(
        TACTICS,
        r -> {
          ExposureKind k =
              ReferenceData.vocabValue(r, "exposure", r.get("exposure"), ExposureKind.class);
          if (tactics.containsKey(k)) {
            throw r.error("exposure", "given twice");
          }
          String cap = r.get("people_cap");
          Long people = cap.isEmpty() ? null : (long) number(r, "people_cap", 1, 1e9);
          tactics.put(k, new TacticRow(k, number(r, "severity", -50, 50), people, r.get("note")));
          return k;
        });
    for (ExposureKind k : ExposureKind.values()) {
      if (!tactics.containsKey(k)) {
        throw InputException.of(TACTICS, "no row for exposure '" + k.code() + "'");
      }
    }
    Map<IskRegion, Map<ExposureKind, Double>> weights = new EnumMap<>(IskRegion.class);
    tables.read(
        WEIGHTS,
        r -> {
          IskRegion g = ReferenceData.vocabValue(r, "region", r.get("region"), IskRegion.class);
          ExposureKind k =
              ReferenceData.vocabValue(r, "exposure", r.get("exposure"), ExposureKind.class);
          Map<ExposureKind, Double> m =
              weights.computeIfAbsent(g, x -> new EnumMap<>(ExposureKind.class));
          if (m.containsKey(k)) {
            throw r.error("exposure", "given twice for region " + g.code());
          }
          m.put(k, number(r, "weight", 0.001, 1000));
          return k;
        });
    for (IskRegion g : IskRegion.values()) {
      for (ExposureKind k : ExposureKind.values()) {
        if (!weights.getOrDefault(g, Map.of()).containsKey(k)) {
          throw InputException.of(
              WEIGHTS, "no row for region '" + g.code() + "' and exposure '" + k.code() + "'");
        }
      }
    }
    Map<String, Double> parameters = new LinkedHashMap<>();
    tables.read(
        MODEL,
        r -> {
          String name = r.get("parameter");
          if (!PARAMETERS.contains(name)) {
            throw r.error(
                "parameter",
                "unknown parameter '"
                    + name
                    + "'; expected one of "
                    + String.join(", ", PARAMETERS));
          }
          if (parameters.containsKey(name)) {
            throw r.error("parameter", "given twice");
          }
          parameters.put(name, number(r, "value", -1000, 1000));
          return name;
        });
    for (String p : PARAMETERS) {
      if (!parameters.containsKey(p)) {
        throw InputException.of(MODEL, "no row for parameter '" + p + "'");
      }
    }
    Map<String, List<Level>> levels = new LinkedHashMap<>();
    levels.put("likelihood", new ArrayList<>());
    levels.put("consequence", new ArrayList<>());
    tables.read(
        LEVELS,
        r -> {
          String scale = r.get("scale");
          List<Level> list = levels.get(scale);
          if (list == null) {
            throw r.error(
                "scale", "unknown scale '" + scale + "'; expected likelihood or consequence");
          }
          int level = (int) number(r, "level", 1, 5);
          if (level != list.size() + 1) {
            throw r.error(
                "level",
                "expected level "
                    + (list.size() + 1)
                    + " of "
                    + scale
                    + " next (levels run 1 to 5 in order)");
          }
          String from = r.get("from_points");
          Double edge = null;
          if (level == 1) {
            if (!from.isEmpty()) {
              throw r.error("from_points", "empty for level 1 (it has no lower edge)");
            }
          } else {
            edge = number(r, "from_points", -1000, 1000);
            Double previous = list.get(list.size() - 1).from();
            if (previous != null && edge <= previous) {
              throw r.error("from_points", "must be above level " + (level - 1) + "'s " + previous);
            }
          }
          if (r.get("meaning").isEmpty()) {
            throw r.error("meaning", "empty: say in one line what the level means");
          }
          list.add(new Level(level, edge, r.get("meaning")));
          return level;
        });
    for (Map.Entry<String, List<Level>> e : levels.entrySet()) {
      if (e.getValue().size() != 5) {
        throw InputException.of(
            LEVELS, e.getKey() + " has " + e.getValue().size() + " levels; expected 5");
      }
    }
    Tier[][] matrix = new Tier[5][5];
    tables.read(
        MATRIX,
        r -> {
          int l = (int) number(r, "likelihood", 1, 5);
          int c = (int) number(r, "consequence", 1, 5);
          if (matrix[l - 1][c - 1] != null) {
            throw r.error(
                "consequence", "likelihood " + l + " and consequence " + c + " given twice");
          }
          matrix[l - 1][c - 1] = ReferenceData.vocabValue(r, "tier", r.get("tier"), Tier.class);
          return l;
        });
    for (int l = 0; l < 5; l++) {
      for (int c = 0; c < 5; c++) {
        if (matrix[l][c] == null) {
          throw InputException.of(
              MATRIX, "no row for likelihood " + (l + 1) + " and consequence " + (c + 1));
        }
        // a higher level must never give a lower tier, or a worse event could rate better
        if ((l > 0 && matrix[l][c].compareTo(matrix[l - 1][c]) < 0)
            || (c > 0 && matrix[l][c].compareTo(matrix[l][c - 1]) < 0)) {
          throw InputException.of(
              MATRIX,
              "likelihood "
                  + (l + 1)
                  + " and consequence "
                  + (c + 1)
                  + " rate "
                  + matrix[l][c].name()
                  + ", below a cell with lower levels: the tier must not fall as a level rises");
        }
      }
    }
    return new RiskTables(
        Collections.unmodifiableMap(points),
        Collections.unmodifiableMap(baselines),
        tactics,
        weights,
        parameters,
        List.copyOf(levels.get("likelihood")),
        List.copyOf(levels.get("consequence")),
        matrix);
  }

  private static Points pointsRow(CsvTable.Row r) {
    String rule = r.get("rule");
    if (rule.isEmpty()) {
      throw r.error("rule", "empty: the @id of a scoring rule");
    }
    String group = r.get("group").toLowerCase(Locale.ROOT);
    return new Points(
        rule, number(r, "points", -100, 100), group.isEmpty() ? null : group, r.file(), r.line());
  }

  private static double number(CsvTable.Row r, String column, double from, double to) {
    String v = r.get(column);
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw r.error(
          column,
          "expected a number from " + plain(from) + " to " + plain(to) + ", got '" + v + "'");
    }
    if (!(d >= from && d <= to)) {
      throw r.error(
          column, "expected a number from " + plain(from) + " to " + plain(to) + ", got " + v);
    }
    return d;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** The points row of a rule, if the table has one. */
  public Optional<Points> points(String rule) {
    return Optional.ofNullable(points.get(rule));
  }

  public Map<String, Points> points() {
    return points;
  }

  /** A country's baseline, or the row for every other country. */
  public Baseline baseline(String country) {
    Baseline b = country == null ? null : baselines.get(country);
    return b != null ? b : baselines.get(ANY_COUNTRY);
  }

  public TacticRow tactic(ExposureKind kind) {
    return tactics.get(kind);
  }

  /** How much attackers in this region use the tactic, relative to the region's most used (0-1]. */
  public double relativeWeight(IskRegion region, ExposureKind kind) {
    Map<ExposureKind, Double> m = weights.get(region == null ? IskRegion.NONE : region);
    double max = 0;
    for (double w : m.values()) {
      max = Math.max(max, w);
    }
    return m.get(kind) / max;
  }

  public double weight(IskRegion region, ExposureKind kind) {
    return weights.get(region == null ? IskRegion.NONE : region).get(kind);
  }

  public double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return v;
  }

  public List<Level> likelihoodLevels() {
    return likelihood;
  }

  public List<Level> consequenceLevels() {
    return consequence;
  }

  /** The tier of a likelihood level and a consequence level, each 1 to 5. */
  public Tier tier(int likelihoodLevel, int consequenceLevel) {
    return matrix[likelihoodLevel - 1][consequenceLevel - 1];
  }
}
