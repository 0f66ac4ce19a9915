package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.reference.ThreatLevels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A threat level a user writes in a country's own vocabulary ({@code GB=SEVERE}, {@code
 * FR=urgence_attentat}, {@code NL=4}): in a scenario's {@code context.threatLevel}, a {@code
 * --threat-level} option or a context file. An unknown level is one input error that lists the
 * country's levels and the nearest.
 */
public final class ThreatLevelInput {
  /** The option, named as the "file" of its errors. */
  public static final String OPTION = "--threat-level";

  private ThreatLevelInput() {}

  /**
   * The level {@code level} names in the system of {@code country}.
   *
   * @throws InputException naming file, line, record and field when the country has no system or
   *     the system no such level
   */
  public static ThreatLevelDefinition resolve(
      ThreatLevels levels,
      String country,
      String level,
      String file,
      long line,
      long record,
      String field) {
    Optional<ThreatLevelDefinition> d = levels.definition(country, level);
    if (d.isPresent()) {
      return d.get();
    }
    throw new InputException(file, line, 0, record, field, problem(levels, country, level));
  }

  /** Why {@code level} names no level of {@code country}'s system, with the valid ones. */
  static String problem(ThreatLevels levels, String country, String level) {
    List<ThreatLevelDefinition> scale = levels.scale(country);
    if (scale.isEmpty()) {
      return "no national threat-level system is recorded for "
          + country
          + "; countries with one: "
          + String.join(", ", levels.countries())
          + " (see data/threat_level_scales.csv)";
    }
    List<String> names = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    Map<String, String> all = new LinkedHashMap<>();
    for (ThreatLevelDefinition d : scale) {
      names.add(d.level());
      all.put(d.level(), d.level());
      for (String a : d.aliases()) {
        aliases.add(a);
        all.putIfAbsent(a, d.level());
      }
    }
    String nearest =
        Nearest.of(ThreatLevels.normalise(level), all.keySet())
            .map(n -> "; nearest: " + (n.equals(all.get(n)) ? n : all.get(n) + " (" + n + ")"))
            .orElse("");
    return "unknown level '"
        + level
        + "' for "
        + country
        + " ("
        + scale.get(0).system()
        + "); expected one of "
        + String.join(", ", names)
        + (aliases.isEmpty() ? "" : " (or " + String.join(", ", aliases) + ")")
        + nearest;
  }

  /**
   * The {@code --threat-level} values, each {@code CC=LEVEL}, as one level per country.
   *
   * @throws InputException naming the option for a value that is not CC=LEVEL, an unknown country
   *     (with the nearest code), an unknown level, or a country given twice
   */
  public static List<ThreatLevelDefinition> options(List<String> values, ReferenceData data) {
    Map<String, ThreatLevelDefinition> byCountry = new LinkedHashMap<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      if (eq <= 0 || eq == value.length() - 1) {
        throw InputException.of(
            OPTION,
            "'"
                + value
                + "': expected CC=LEVEL, such as GB=SEVERE,"
                + " FR=urgence_attentat or NL=4");
      }
      String cc = value.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String level = value.substring(eq + 1).strip();
      if (data.country(cc).isEmpty()) {
        String hint =
            data.suggestCountry(cc)
                .map(c -> "; nearest: " + c.code() + " (" + c.name() + ")")
                .orElse("; see data/countries.csv");
        throw InputException.of(
            OPTION,
            "'"
                + value
                + "': unknown country code '"
                + value.substring(0, eq).strip()
                + "'; expected an ISO 3166-1 alpha-2 code"
                + hint);
      }
      ThreatLevelDefinition d = resolve(data.threatLevels(), cc, level, OPTION, 0, 0, null);
      ThreatLevelDefinition before = byCountry.put(cc, d);
      if (before != null) {
        throw InputException.of(
            OPTION,
            cc
                + " is given twice ("
                + before.level()
                + " and "
                + d.level()
                + "); give one level per country");
      }
    }
    return List.copyOf(byCountry.values());
  }
}
