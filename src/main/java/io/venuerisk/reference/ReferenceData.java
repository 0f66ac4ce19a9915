package io.venuerisk.reference;

import io.venuerisk.model.Community;
import io.venuerisk.model.Country;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.Observance;
import io.venuerisk.model.ObservanceKind;
import io.venuerisk.model.TensionPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference data of data/: countries with the guide's regions, religious and cultural dates,
 * high-profile events, tension periods and the measure-to-exposure mitigation table. Loaded once;
 * the engine inserts the rows that bear on a scenario as facts and the rules join on them.
 */
public final class ReferenceData {
  public static final String COUNTRIES = "countries.csv";
  public static final String OBSERVANCES = "observances.csv";
  public static final String HIGH_PROFILE_EVENTS = "high_profile_events.csv";
  public static final String TENSION_PERIODS = "tension_periods.csv";
  public static final String MITIGATIONS = "mitigations.csv";
  public static final String GUIDE_STATEMENTS = "guide_statements.csv";

  private static volatile ReferenceData bundled;

  private final Map<String, Country> countries;
  private final Map<String, String> aliases;
  private final List<Observance> observances;
  private final List<HighProfileEvent> highProfileEvents;
  private final List<TensionPeriod> tensionPeriods;
  private final List<MitigationOption> mitigations;
  private final Map<String, GuideStatement> statements;
  // asked once per scored event in a batch: computed once
  private final LocalDate observancesFrom;
  private final LocalDate observancesTo;

  private ReferenceData(Tables tables) {
    this.countries = new LinkedHashMap<>();
    for (Country c : tables.read(COUNTRIES, ReferenceData::country)) {
      countries.put(c.code(), c);
    }
    this.aliases = aliases(countries);
    this.observances = List.copyOf(tables.read(OBSERVANCES, ReferenceData::observance));
    this.highProfileEvents =
        List.copyOf(tables.read(HIGH_PROFILE_EVENTS, ReferenceData::highProfile));
    this.tensionPeriods = List.copyOf(tables.read(TENSION_PERIODS, ReferenceData::tension));
    this.mitigations = List.copyOf(tables.read(MITIGATIONS, ReferenceData::mitigation));
    this.observancesFrom =
        observances.stream().map(Observance::start).min(LocalDate::compareTo).orElse(LocalDate.MIN);
    this.observancesTo =
        observances.stream().map(Observance::end).max(LocalDate::compareTo).orElse(LocalDate.MAX);
    this.statements = new LinkedHashMap<>();
    for (GuideStatement g : tables.read(GUIDE_STATEMENTS, ReferenceData::statement)) {
      statements.put(g.id(), g);
    }
  }

  /** The guide's statements in document order, by id. */
  public Map<String, GuideStatement> statements() {
    return Collections.unmodifiableMap(statements);
  }

  /**
   * The data shipped inside the jar (a copy of data/ at build time): from the build's snapshot of
   * the parsed files ({@link ReferenceSnapshot}), else from the CSV files themselves.
   */
  public static ReferenceData bundled() {
    ReferenceData d = bundled;
    if (d == null) {
      synchronized (ReferenceData.class) {
        d = bundled;
        if (d == null) {
          d = fromSnapshot(ReferenceData.class.getResourceAsStream("/data/" + ReferenceSnapshot.NAME));
          if (d == null) {
            d = fromCsv(
                name -> {
                  InputStream in = ReferenceData.class.getResourceAsStream("/data/" + name);
                  if (in == null) {
                    throw new DataException("data/" + name + " is missing from the jar");
                  }
                  return in;
                });
          }
          bundled = d;
        }
      }
    }
    return d;
  }

  /**
   * The data of a snapshot, or null when there is none or it cannot be read: the CSV files it was
   * made from are in the jar too and say the same, only slower (Jackson's CSV stack costs about
   * half a second of a cold start; the snapshot needs no class outside the JDK).
   */
  static ReferenceData fromSnapshot(InputStream in) {
    if (in == null) {
      return null;
    }
    Map<String, List<CsvTable.Row>> rows;
    try (in) {
      rows = ReferenceSnapshot.read(in);
    } catch (IOException e) {
      return null;
    }
    if (!rows.keySet().containsAll(ReferenceSnapshot.FILES)) {
      return null;
    }
    return new ReferenceData(
        new Tables() {
          @Override
          public <T> List<T> read(String file, Function<CsvTable.Row, T> converter) {
            List<T> out = new ArrayList<>();
            for (CsvTable.Row r : rows.get(file)) {
              out.add(converter.apply(r));
            }
            return out;
          }
        });
  }

  private static ReferenceData fromCsv(Source source) {
    return new ReferenceData(
        new Tables() {
          @Override
          public <T> List<T> read(String file, Function<CsvTable.Row, T> converter) {
            return CsvTable.read(file, source.open(file), converter);
          }
        });
  }

  /** Data from a folder with the same six files, for analysts trying out changes. */
  public static ReferenceData load(Path dir) {
    return fromCsv(
        name -> {
          Path p = dir.resolve(name);
          try {
            return Files.newInputStream(p);
          } catch (IOException e) {
            throw new DataException(p + ": cannot read (" + e.getClass().getSimpleName() + ")");
          }
        });
  }

  public Optional<Country> country(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(countries.get(code));
  }

  public List<Country> countries() {
    return List.copyOf(countries.values());
  }

  /**
   * The nearest valid code for a wrong one: an alias (UK → GB), an alpha-3 code (DEU → DE) or an
   * English country name; else empty.
   */
  public Optional<Country> suggestCountry(String wrong) {
    if (wrong == null) {
      return Optional.empty();
    }
    String key = wrong.trim().toUpperCase(Locale.ROOT);
    if (countries.containsKey(key)) {
      return Optional.of(countries.get(key));
    }
    String code = aliases.get(key);
    return code == null ? Optional.empty() : Optional.of(countries.get(code));
  }

  public List<Observance> observances() {
    return observances;
  }

  /** Observances whose days overlap [fromDay, toDay] (epoch days). */
  public List<Observance> observancesBetween(long fromDay, long toDay) {
    List<Observance> out = new ArrayList<>();
    for (Observance o : observances) {
      if (o.startDay() <= toDay && o.endDay() >= fromDay) {
        out.add(o);
      }
    }
    return out;
  }

  public List<HighProfileEvent> highProfileEvents() {
    return highProfileEvents;
  }

  public List<HighProfileEvent> highProfileEventsBetween(long fromDay, long toDay) {
    List<HighProfileEvent> out = new ArrayList<>();
    for (HighProfileEvent e : highProfileEvents) {
      if (e.startDay() <= toDay && e.endDay() >= fromDay) {
        out.add(e);
      }
    }
    return out;
  }

  public List<TensionPeriod> tensionPeriods() {
    return tensionPeriods;
  }

  public List<TensionPeriod> tensionPeriodsBetween(long fromDay, long toDay) {
    List<TensionPeriod> out = new ArrayList<>();
    for (TensionPeriod t : tensionPeriods) {
      if (t.startDay() <= toDay && t.endDay() >= fromDay) {
        out.add(t);
      }
    }
    return out;
  }

  public List<MitigationOption> mitigations() {
    return mitigations;
  }

  /** First and last day covered by observances.csv: timing rules are blind outside it. */
  public LocalDate observancesFrom() {
    return observancesFrom;
  }

  public LocalDate observancesTo() {
    return observancesTo;
  }

  // ---- row converters ----

  private static Country country(CsvTable.Row r) {
    String code = r.get("code");
    if (!code.matches("[A-Z]{2}")) {
      throw r.error("code", "expected two capital letters, got '" + code + "'");
    }
    return new Country(code, r.get("alpha3"), r.get("name"), vocab(r, "region", IskRegion.class));
  }

  private static Observance observance(CsvTable.Row r) {
    LocalDate start = date(r, "start");
    LocalDate end = date(r, "end");
    if (end.isBefore(start)) {
      throw r.error("end", "ends before it starts");
    }
    return new Observance(
        vocab(r, "kind", ObservanceKind.class), r.get("name"), start, end, r.get("source"));
  }

  private static HighProfileEvent highProfile(CsvTable.Row r) {
    LocalDate start = date(r, "start");
    LocalDate end = date(r, "end");
    if (end.isBefore(start)) {
      throw r.error("end", "ends before it starts");
    }
    return new HighProfileEvent(
        r.get("id"),
        r.get("name"),
        start,
        end,
        list(r.get("countries")),
        bool(r, "sporting"),
        bool(r, "european"),
        list(r.get("cites")),
        r.get("note"));
  }

  private static TensionPeriod tension(CsvTable.Row r) {
    String endText = r.get("end");
    List<Community> communities = new ArrayList<>();
    for (String c : list(r.get("communities"))) {
      communities.add(vocabValue(r, "communities", c, Community.class));
    }
    return new TensionPeriod(
        r.get("id"),
        r.get("name"),
        date(r, "start"),
        endText.isEmpty() ? null : date(r, "end"),
        communities,
        r.get("note"));
  }

  private static MitigationOption mitigation(CsvTable.Row r) {
    int credit;
    try {
      credit = Integer.parseInt(r.get("credit"));
    } catch (NumberFormatException e) {
      throw r.error("credit", "expected a whole number");
    }
    if (credit < 0) {
      throw r.error("credit", "must not be negative (it is subtracted as credit)");
    }
    return new MitigationOption(
        vocab(r, "exposure", ExposureKind.class),
        vocab(r, "measure", Measure.class),
        credit,
        r.get("guidance"));
  }

  private static GuideStatement statement(CsvTable.Row r) {
    String id = r.get("id");
    if (!id.matches("ISK-[A-Z][0-9]+")) {
      throw r.error("id", "expected an id like ISK-T2, got '" + id + "'");
    }
    return new GuideStatement(id, r.get("section"), r.get("text"), r.get("context_only"));
  }

  private static LocalDate date(CsvTable.Row r, String column) {
    try {
      return LocalDate.parse(r.get(column));
    } catch (DateTimeParseException e) {
      throw r.error(column, "expected an ISO date YYYY-MM-DD, got '" + r.get(column) + "'");
    }
  }

  private static boolean bool(CsvTable.Row r, String column) {
    String v = r.get(column);
    if (!v.equals("true") && !v.equals("false")) {
      throw r.error(column, "expected true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  private static List<String> list(String v) {
    if (v.isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static <E extends Enum<E>> E vocab(CsvTable.Row r, String column, Class<E> type) {
    return vocabValue(r, column, r.get(column), type);
  }

  private static <E extends Enum<E>> E vocabValue(
      CsvTable.Row r, String column, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw r.error(column, "unknown value '" + value + "'");
    }
  }

  private static Map<String, String> aliases(Map<String, Country> countries) {
    Map<String, String> a = new LinkedHashMap<>();
    for (Country c : countries.values()) {
      a.put(c.alpha3().toUpperCase(Locale.ROOT), c.code());
      a.put(c.name().toUpperCase(Locale.ROOT), c.code());
    }
    // codes people reach for that ISO 3166-1 reserves or never assigned
    a.put("UK", "GB");
    a.put("EL", "GR");
    a.put("ENGLAND", "GB");
    a.put("SCOTLAND", "GB");
    a.put("WALES", "GB");
    a.put("USA", "US");
    a.put("TURKEY", "TR");
    return Collections.unmodifiableMap(a);
  }

  /** Where the CSV files come from: the jar or a folder. */
  @FunctionalInterface
  interface Source {
    InputStream open(String name);
  }

  /** The rows of each file, converted: parsed from CSV or read back from the snapshot. */
  private interface Tables {
    <T> List<T> read(String file, Function<CsvTable.Row, T> converter);
  }
}
