package io.venuerisk.engine;

import io.venuerisk.model.Category;
import io.venuerisk.model.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * A rule's metadata, the single place its id, category, points, cites and measures are written:
 * {@code @id("TGT-JEWISH") @category("target") @points(10) @cites("ISK-T2 ISK-M2")
 * @measures("access_control")}. Cites and measures are separated by spaces or commas.
 */
public record RuleMeta(
    String id,
    String title,
    Category category,
    int points,
    List<String> cites,
    List<Measure> measures,
    String packageName) {

  public static RuleMeta of(Rule rule) {
    Map<String, Object> md = rule.getMetaData();
    String id = text(md.get("id"));
    Category category = parseCategory(text(md.get("category")));
    int points = parseInt(text(md.get("points")));
    return new RuleMeta(
        id.isEmpty() ? rule.getName() : id,
        rule.getName(),
        category,
        points,
        split(text(md.get("cites"))),
        split(text(md.get("measures"))).stream().map(RuleMeta::measure).toList(),
        rule.getPackageName());
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString().trim();
    // the classic compiler keeps the quotes of @id("X"), the executable model strips them
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.trim();
  }

  static List<String> split(String s) {
    if (s.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : s.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return List.copyOf(out);
  }

  static Category parseCategory(String s) {
    if (s.isEmpty()) {
      return Category.CLASSIFICATION;
    }
    try {
      return Category.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown @category(\""
              + s
              + "\"); expected one of "
              + Arrays.toString(Category.values()));
    }
  }

  static int parseInt(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("@points must be an integer, got \"" + s + "\"");
    }
  }

  static Measure measure(String code) {
    try {
      return Measure.valueOf(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown measure \"" + code + "\" in @measures");
    }
  }
}
