package io.venuerisk.reference;

import io.venuerisk.model.Country;
import io.venuerisk.model.InputException;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.ValidationStratum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strata of data/validation_strata.csv that {@code validate} reports apart: where a case
 * happened (Khorasan, Europe, the Americas, the rest of the world) and when (before the source
 * guide, or after it: the forward test). Data, not code, so that an analyst can move the guide's
 * date or a country with {@code --data DIR}.
 *
 * <p>Checked on load, each problem named by file, line and column: every region and country at most
 * once, one region stratum with neither for every other country, and periods that follow one
 * another day by day from an open start to an open end, so that every case falls in exactly one
 * stratum of each dimension.
 */
public final class ValidationStrata {
  public static final String FILE = "validation_strata.csv";

  private final List<ValidationStratum> strata;
  private final Map<String, ValidationStratum> regionOfCountry;
  private final List<ValidationStratum> periods;

  private ValidationStrata(
      List<ValidationStratum> strata,
      Map<String, ValidationStratum> regionOfCountry,
      List<ValidationStratum> periods) {
    this.strata = List.copyOf(strata);
    this.regionOfCountry = Map.copyOf(regionOfCountry);
    this.periods = List.copyOf(periods);
  }

  /** Every stratum in file order. */
  public List<ValidationStratum> strata() {
    return strata;
  }

  /** The region stratum of a country, or null when the table has no region strata. */
  public ValidationStratum region(String country) {
    return regionOfCountry.get(country);
  }

  /** The period stratum of a day, or null when the table has no period strata. */
  public ValidationStratum period(LocalDate day) {
    for (ValidationStratum p : periods) {
      if (p.covers(day)) {
        return p;
      }
    }
    return null;
  }

  /** Whether a case of this country and day belongs to the stratum. */
  public boolean holds(ValidationStratum s, String country, LocalDate day) {
    return switch (s.dimension()) {
      case ValidationStratum.REGION -> region(country) == s;
      case ValidationStratum.PERIOD -> period(day) == s;
      default -> true;
    };
  }

  static ValidationStrata read(ReferenceData.Tables tables, Collection<Country> countries) {
    Map<String, Country> known = new LinkedHashMap<>();
    countries.forEach(c -> known.put(c.code(), c));
    Map<String, Long> ids = new HashMap<>();
    Map<IskRegion, ValidationStratum> byRegion = new EnumMap<>(IskRegion.class);
    Map<String, ValidationStratum> byCountry = new HashMap<>();
    ValidationStratum[] rest = new ValidationStratum[1];
    List<ValidationStratum> periods = new ArrayList<>();
    Map<ValidationStratum, CsvTable.Row> rowOf = new HashMap<>();
    List<ValidationStratum> strata =
        tables.read(
            FILE,
            r -> {
              ValidationStratum s = row(r, known);
              Long before = ids.putIfAbsent(s.id(), r.line());
              if (before != null) {
                throw r.error(
                    "stratum", "'" + s.id() + "' is already the stratum of line " + before);
              }
              rowOf.put(s, r);
              if (s.dimension().equals(ValidationStratum.PERIOD)) {
                periods.add(s);
                return s;
              }
              for (IskRegion g : s.regions()) {
                ValidationStratum other = byRegion.putIfAbsent(g, s);
                if (other != null) {
                  throw r.error(
                      "regions", "'" + g.code() + "' is already in stratum '" + other.id() + "'");
                }
              }
              for (String c : s.countries()) {
                ValidationStratum other = byCountry.putIfAbsent(c, s);
                if (other != null) {
                  throw r.error(
                      "countries", "'" + c + "' is already in stratum '" + other.id() + "'");
                }
              }
              if (s.regions().isEmpty() && s.countries().isEmpty()) {
                if (rest[0] != null) {
                  throw r.error(
                      "regions",
                      "empty, as are its countries, but '"
                          + rest[0].id()
                          + "' already takes every country not named; name the regions or"
                          + " countries of this stratum");
                }
                rest[0] = s;
              }
              return s;
            });
    Map<String, ValidationStratum> regionOfCountry = new HashMap<>();
    boolean anyRegion =
        strata.stream().anyMatch(s -> s.dimension().equals(ValidationStratum.REGION));
    if (anyRegion) {
      if (rest[0] == null) {
        throw InputException.of(
            FILE,
            "no region stratum takes the countries not named: add one with empty regions and"
                + " countries, such as 'rest'");
      }
      for (Country c : known.values()) {
        ValidationStratum s = byCountry.get(c.code());
        if (s == null) {
          s = byRegion.getOrDefault(c.region(), rest[0]);
        }
        regionOfCountry.put(c.code(), s);
      }
    }
    checkPeriods(periods, rowOf);
    return new ValidationStrata(strata, regionOfCountry, periods);
  }

  private static ValidationStratum row(CsvTable.Row r, Map<String, Country> known) {
    String dimension = r.get("dimension");
    boolean region = dimension.equals(ValidationStratum.REGION);
    if (!region && !dimension.equals(ValidationStratum.PERIOD)) {
      throw r.error(
          "dimension",
          "unknown dimension '"
              + dimension
              + "'; expected "
              + ValidationStratum.REGION
              + " or "
              + ValidationStratum.PERIOD);
    }
    String id = r.get("stratum");
    if (!code(id)) {
      throw r.error(
          "stratum",
          "expected a code of small letters, digits and '_' such as khorasan, got '" + id + "'");
    }
    String name = r.get("name");
    if (name.isEmpty()) {
      throw r.error("name", "empty: say how a report names the stratum");
    }
    String source = r.get("source");
    if (source.isEmpty()) {
      throw r.error("source", "empty: say where the stratum's bounds come from");
    }
    List<IskRegion> regions = new ArrayList<>();
    for (String g : ReferenceData.list(r.get("regions"))) {
      regions.add(ReferenceData.vocabValue(r, "regions", g, IskRegion.class));
    }
    List<String> countries = ReferenceData.list(r.get("countries"));
    for (String c : countries) {
      if (!known.containsKey(c)) {
        throw r.error(
            "countries",
            "unknown country code '" + c + "' (not in " + ReferenceData.COUNTRIES + ")");
      }
    }
    LocalDate from = r.get("from").isEmpty() ? null : ReferenceData.date(r, "from");
    LocalDate to = r.get("to").isEmpty() ? null : ReferenceData.date(r, "to");
    if (region) {
      if (from != null || to != null) {
        throw r.error(
            from != null ? "from" : "to", "a region stratum has no dates; leave from and to empty");
      }
    } else {
      if (!regions.isEmpty() || !countries.isEmpty()) {
        throw r.error(
            !regions.isEmpty() ? "regions" : "countries",
            "a period stratum has no regions or countries; leave them empty");
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw r.error("to", "ends before it starts");
      }
    }
    return new ValidationStratum(
        dimension, id, name, Set.copyOf(regions), countries, from, to, source);
  }

  /** The periods follow one another day by day, from an open start to an open end. */
  private static void checkPeriods(
      List<ValidationStratum> periods, Map<ValidationStratum, CsvTable.Row> rowOf) {
    if (periods.isEmpty()) {
      return;
    }
    List<ValidationStratum> sorted = new ArrayList<>(periods);
    sorted.sort(
        Comparator.comparing(
            ValidationStratum::from, Comparator.nullsFirst(Comparator.naturalOrder())));
    ValidationStratum first = sorted.get(0);
    if (first.from() != null) {
      throw rowOf
          .get(first)
          .error(
              "from",
              "the first period starts on "
                  + first.from()
                  + "; leave it empty so that every earlier day falls in it");
    }
    for (int i = 1; i < sorted.size(); i++) {
      ValidationStratum before = sorted.get(i - 1);
      ValidationStratum s = sorted.get(i);
      if (before.to() == null || s.from() == null || !s.from().equals(before.to().plusDays(1))) {
        throw rowOf
            .get(s)
            .error(
                "from",
                (s.from() == null ? "empty" : s.from().toString())
                    + ", but '"
                    + before.id()
                    + "' ends "
                    + (before.to() == null ? "never" : "on " + before.to())
                    + "; each period starts the day after the one before ends");
      }
    }
    ValidationStratum last = sorted.get(sorted.size() - 1);
    if (last.to() != null) {
      throw rowOf
          .get(last)
          .error(
              "to",
              "the last period ends on "
                  + last.to()
                  + "; leave it empty so that every later day falls in it");
    }
  }

  /** {@code [a-z0-9_]+}. */
  private static boolean code(String id) {
    if (id.isEmpty()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }
}
