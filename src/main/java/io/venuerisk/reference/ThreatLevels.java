package io.venuerisk.reference;

import io.venuerisk.model.Scenario;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.model.ThreatLevelInForce;
import io.venuerisk.model.ThreatLevelOrigin;
import io.venuerisk.model.ThreatLevelPeriod;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The national threat level an event is scored against. Four sources, strongest first: the
 * scenario's own {@code context.threatLevel}; a {@code --threat-level CC=LEVEL} option; the
 * threat-level rows of a {@code --context} file, which replace the reference data for their country
 * on the days they cover; the dated rows of data/threat_levels.csv. Over an event of several days
 * the highest rank in force on any of its days counts (ties: the most recent row).
 *
 * <p>Levels are written in each system's own vocabulary (data/threat_level_scales.csv) and matched
 * without regard to case, accents, spaces or hyphens ({@code Urgence attentat} is {@code
 * urgence_attentat}), or by an alias ({@code substantieel} is NL's {@code 4}).
 *
 * <p>Immutable and thread-safe; built by {@link ReferenceData}.
 */
public final class ThreatLevels {
  private final Map<String, List<ThreatLevelDefinition>> scales;
  private final Map<String, Map<String, ThreatLevelDefinition>> byName;
  private final Map<String, List<ThreatLevelPeriod>> reference;
  private final Map<String, List<ThreatLevelPeriod>> declared;
  private final Map<String, ThreatLevelDefinition> overrides;

  ThreatLevels(
      List<ThreatLevelDefinition> definitions,
      List<ThreatLevelPeriod> periods,
      Map<String, ThreatLevelDefinition> overrides) {
    Map<String, List<ThreatLevelDefinition>> scales = new TreeMap<>();
    Map<String, Map<String, ThreatLevelDefinition>> byName = new TreeMap<>();
    for (ThreatLevelDefinition d : definitions) {
      scales.computeIfAbsent(d.country(), k -> new ArrayList<>()).add(d);
      Map<String, ThreatLevelDefinition> names =
          byName.computeIfAbsent(d.country(), k -> new LinkedHashMap<>());
      names.put(normalise(d.level()), d);
      for (String a : d.aliases()) {
        names.putIfAbsent(normalise(a), d);
      }
    }
    scales.replaceAll(
        (k, v) -> {
          List<ThreatLevelDefinition> sorted = new ArrayList<>(v);
          sorted.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
          return List.copyOf(sorted);
        });
    this.scales = Collections.unmodifiableMap(scales);
    this.byName = Collections.unmodifiableMap(byName);
    Map<String, List<ThreatLevelPeriod>> ref = new TreeMap<>();
    Map<String, List<ThreatLevelPeriod>> dec = new TreeMap<>();
    for (ThreatLevelPeriod p : periods) {
      (p.declared() ? dec : ref).computeIfAbsent(p.country(), k -> new ArrayList<>()).add(p);
    }
    ref.replaceAll((k, v) -> List.copyOf(v));
    dec.replaceAll((k, v) -> List.copyOf(v));
    this.reference = Collections.unmodifiableMap(ref);
    this.declared = Collections.unmodifiableMap(dec);
    this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  /** The same levels with these periods (reference and declared) instead. */
  ThreatLevels withPeriods(List<ThreatLevelPeriod> periods) {
    return new ThreatLevels(definitions(), periods, overrides);
  }

  /** The same levels with a level given for each of these countries, for every event there. */
  ThreatLevels withOverrides(Collection<ThreatLevelDefinition> given) {
    Map<String, ThreatLevelDefinition> o = new TreeMap<>(overrides);
    for (ThreatLevelDefinition d : given) {
      o.put(d.country(), d);
    }
    return new ThreatLevels(definitions(), periods(), o);
  }

  /** Countries with a national system in data/threat_level_scales.csv, sorted. */
  public SortedSet<String> countries() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(scales.keySet()));
  }

  /** The country's system's levels, lowest rank first; empty when it has none. */
  public List<ThreatLevelDefinition> scale(String country) {
    return country == null ? List.of() : scales.getOrDefault(country, List.of());
  }

  /** The name of the country's system, if it has one. */
  public Optional<String> system(String country) {
    List<ThreatLevelDefinition> s = scale(country);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0).system());
  }

  /**
   * The level a user's text names in the country's system: its own name or an alias, without regard
   * to case, accents, spaces or hyphens. Empty when the country has no system or the system no such
   * level.
   */
  public Optional<ThreatLevelDefinition> definition(String country, String level) {
    if (country == null || level == null) {
      return Optional.empty();
    }
    Map<String, ThreatLevelDefinition> names = byName.get(country);
    return names == null ? Optional.empty() : Optional.ofNullable(names.get(normalise(level)));
  }

  /** Every definition, by country then rank. */
  public List<ThreatLevelDefinition> definitions() {
    List<ThreatLevelDefinition> out = new ArrayList<>();
    scales.values().forEach(out::addAll);
    return Collections.unmodifiableList(out);
  }

  /** The dated rows, reference data first, then declared ones, by country in file order. */
  public List<ThreatLevelPeriod> periods() {
    List<ThreatLevelPeriod> out = new ArrayList<>();
    reference.values().forEach(out::addAll);
    declared.values().forEach(out::addAll);
    return Collections.unmodifiableList(out);
  }

  /** The dated rows of data/threat_levels.csv for one country, in file order. */
  public List<ThreatLevelPeriod> referencePeriods(String country) {
    return reference.getOrDefault(country, List.of());
  }

  /** The levels given with {@code --threat-level}, by country. */
  public Map<String, ThreatLevelDefinition> overrides() {
    return overrides;
  }

  /**
   * The national threat level the event is scored against, or empty when nothing gives one for its
   * country and dates (no system, or no row covers them).
   *
   * @throws IllegalArgumentException if the scenario's {@code context.threatLevel} is not a level
   *     of its country's system: the scenario readers refuse such a file with an input error
   */
  public Optional<ThreatLevelInForce> inForce(Scenario s) {
    String cc = s.country();
    if (cc == null) {
      return Optional.empty();
    }
    String own = s.context().threatLevel();
    if (own != null) {
      ThreatLevelDefinition d =
          definition(cc, own)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "context.threatLevel '"
                              + own
                              + "' of scenario "
                              + s.id()
                              + " is not a level of the national system of "
                              + cc));
      return Optional.of(
          given(s, d, ThreatLevelOrigin.SCENARIO, "context.threatLevel of the scenario"));
    }
    ThreatLevelDefinition o = overrides.get(cc);
    if (o != null) {
      return Optional.of(
          given(s, o, ThreatLevelOrigin.COMMAND_LINE, "--threat-level " + cc + "=" + o.level()));
    }
    ThreatLevelPeriod p = highest(cc, s.startDay(), s.endDay());
    if (p == null) {
      return Optional.empty();
    }
    String meaning = definition(cc, p.level()).map(ThreatLevelDefinition::meaning).orElse("");
    return Optional.of(
        new ThreatLevelInForce(
            s,
            cc,
            p.system(),
            p.level(),
            p.rank(),
            meaning,
            p.source(),
            p.from(),
            p.to(),
            p.declared() ? ThreatLevelOrigin.CONTEXT_FILE : ThreatLevelOrigin.REFERENCE_DATA,
            p.uncertain()));
  }

  private static ThreatLevelInForce given(
      Scenario s, ThreatLevelDefinition d, ThreatLevelOrigin origin, String source) {
    return new ThreatLevelInForce(
        s,
        d.country(),
        d.system(),
        d.level(),
        d.rank(),
        d.meaning(),
        source,
        s.date(),
        null,
        origin,
        false);
  }

  /** The row that counts for the days: declared rows first on the days they cover. */
  private ThreatLevelPeriod highest(String cc, long from, long to) {
    List<ThreatLevelPeriod> dec = declared.getOrDefault(cc, List.of());
    List<ThreatLevelPeriod> ref = reference.getOrDefault(cc, List.of());
    if (best(dec, from, to) == null) {
      return best(ref, from, to);
    }
    // a declared row replaces the reference data on its own days only: walk the days (an event
    // lasts at most a year, and a country has a handful of rows)
    ThreatLevelPeriod best = null;
    for (long d = from; d <= to; d++) {
      ThreatLevelPeriod p = best(dec, d, d);
      best = better(best, p != null ? p : best(ref, d, d));
    }
    return best;
  }

  private static ThreatLevelPeriod best(List<ThreatLevelPeriod> rows, long from, long to) {
    ThreatLevelPeriod best = null;
    for (ThreatLevelPeriod p : rows) {
      if (p.startDay() <= to && p.endDay() >= from) {
        best = better(best, p);
      }
    }
    return best;
  }

  private static ThreatLevelPeriod better(ThreatLevelPeriod a, ThreatLevelPeriod b) {
    if (a == null) {
      return b;
    }
    if (b == null || b.rank() < a.rank()) {
      return a;
    }
    if (b.rank() > a.rank()) {
      return b;
    }
    return b.from().isAfter(a.from()) ? b : a;
  }

  /**
   * The form levels are compared in: lower case, accents dropped, runs of spaces, hyphens and
   * dashes as one underscore ({@code "Sécurité renforcée – risque attentat"} is {@code
   * securite_renforcee_risque_attentat}).
   */
  public static String normalise(String level) {
    String s = level.strip();
    // the data's names are ASCII: only a user's accented text needs the decomposition tables,
    // which cost a cold start several milliseconds to load
    if (!ascii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD);
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isWhitespace(c) || c == '-' || c == '_' || c == '\u2013' || c == '\u2014') {
        gap = true;
        continue;
      }
      if (gap && out.length() > 0) {
        out.append('_');
      }
      gap = false;
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
