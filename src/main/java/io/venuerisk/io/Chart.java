package io.venuerisk.io;

import io.venuerisk.model.Tier;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report's chart of events per tier over time, as chart.jte draws it: stacked bars by
 * start day for a calendar shorter than two months, else by start month, with a date under every
 * bar or every few. This is the geometry; the SVG is the template's.
 *
 * @param byDay bars by day (else by month)
 * @param max the events of the highest bar: the top of the scale
 * @param columns one per day or month from the first to the last, empty ones included
 */
record Chart(boolean byDay, int max, List<Column> columns) {
  static final int WIDTH = 960;
  static final int HEIGHT = 240;

  /** Left of the plot: room for the scale. */
  static final int LEFT = 48;

  static final int BOTTOM = 28;
  static final int PLOT_WIDTH = WIDTH - LEFT - 10;
  static final int PLOT_HEIGHT = HEIGHT - BOTTOM - 10;

  /** The plot's baseline, where the scale's 0 stands. */
  static final int BASELINE = 10 + PLOT_HEIGHT;

  /** The tiers' colours, from the report's stylesheet (.t0 to .t4), so bars and cards agree. */
  static final List<String> COLOURS = colours(HtmlReport.STYLESHEET);

  /** A day or month: its bars, lowest tier at the bottom, and its date if it is labelled. */
  record Column(List<Bar> bars, double labelX, String label) {}

  /** One tier's events of a column. */
  record Bar(double x, double y, double width, double height, Tier tier, int events, String date) {
    String colour() {
      return COLOURS.get(tier.ordinal());
    }
  }

  /** The chart of a calendar's events; null when it has none. */
  static Chart of(BatchSummary summary) {
    Map<LocalDate, int[]> days = summary.byDay();
    if (days.isEmpty()) {
      return null;
    }
    LocalDate first = days.keySet().iterator().next();
    LocalDate last = first;
    for (LocalDate d : days.keySet()) {
      last = d;
    }
    boolean byDay = ChronoUnit.DAYS.between(first, last) < 62;
    Map<LocalDate, int[]> buckets = new LinkedHashMap<>();
    LocalDate cursor = byDay ? first : first.withDayOfMonth(1);
    while (!cursor.isAfter(last)) {
      buckets.put(cursor, new int[Tier.values().length]);
      cursor = byDay ? cursor.plusDays(1) : cursor.plusMonths(1);
    }
    for (Map.Entry<LocalDate, int[]> e : days.entrySet()) {
      LocalDate key = byDay ? e.getKey() : e.getKey().withDayOfMonth(1);
      int[] b = buckets.get(key);
      for (int i = 0; i < b.length; i++) {
        b[i] += e.getValue()[i];
      }
    }
    int max = 1;
    for (int[] b : buckets.values()) {
      int sum = 0;
      for (int v : b) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    double bar = (double) PLOT_WIDTH / buckets.size();
    int labelEvery = Math.max(1, (int) Math.ceil(buckets.size() / 12.0));
    List<Column> columns = new ArrayList<>(buckets.size());
    int index = 0;
    for (Map.Entry<LocalDate, int[]> e : buckets.entrySet()) {
      double x = LEFT + index * bar;
      double y = BASELINE;
      int[] b = e.getValue();
      String date = byDay ? e.getKey().toString() : e.getKey().toString().substring(0, 7);
      List<Bar> bars = new ArrayList<>();
      for (int t = 0; t < b.length; t++) {
        if (b[t] == 0) {
          continue;
        }
        double h = (double) b[t] / max * PLOT_HEIGHT;
        y -= h;
        bars.add(new Bar(x + 0.5, y, Math.max(0.5, bar - 1), h, Tier.values()[t], b[t], date));
      }
      String label = index % labelEvery != 0 ? null : byDay ? date.substring(5) : date;
      columns.add(new Column(bars, x + bar / 2, label));
      index++;
    }
    return new Chart(byDay, max, columns);
  }

  /** A coordinate as the SVG carries it: one decimal. */
  static String at(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** The tiers, highest first, as the legend lists them. */
  static List<Tier> tiersDown() {
    List<Tier> tiers = new ArrayList<>(List.of(Tier.values()));
    Collections.reverse(tiers);
    return tiers;
  }

  private static List<String> colours(String stylesheet) {
    List<String> colours = new ArrayList<>();
    for (Tier t : Tier.values()) {
      Matcher m =
          Pattern.compile(
                  "^\\.t" + t.ordinal() + "\\{background:(#[0-9a-f]{6})\\}$", Pattern.MULTILINE)
              .matcher(stylesheet);
      if (!m.find()) {
        throw new IllegalStateException(
            "report.css has no colour for tier " + t + " (.t" + t.ordinal() + ")");
      }
      colours.add(m.group(1));
    }
    return List.copyOf(colours);
  }
}
