package io.venuerisk.reference;

import io.venuerisk.model.Community;
import io.venuerisk.model.Country;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.MitigationRole;
import io.venuerisk.model.Observance;
import io.venuerisk.model.ObservanceKind;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.UkPremisesAct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference data of data/: countries with the guide's regions, religious and cultural dates,
 * high-profile events, tension periods, the measure-to-exposure mitigation table and the UK
 * Terrorism (Protection of Premises) Act 2025 tables. Loaded once; the engine inserts the rows that
 * bear on a scenario as facts and the rules join on them.
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
  private final UkPremisesAct ukPremisesAct;
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
    LocalDate from = null;
    LocalDate to = null;
    for (Observance o : observances) {
      from = from == null || o.start().isBefore(from) ? o.start() : from;
      to = to == null || o.end().isAfter(to) ? o.end() : to;
    }
    this.observancesFrom = from == null ? LocalDate.MIN : from;
    this.observancesTo = to == null ? LocalDate.MAX : to;
    this.statements = new LinkedHashMap<>();
    for (GuideStatement g : tables.read(GUIDE_STATEMENTS, ReferenceData::statement)) {
      statements.put(g.id(), g);
    }
    this.ukPremisesAct = UkPremisesActTables.read(tables);
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

  /** Data from a folder with the same files as data/, for analysts trying out changes. */
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

  public List<HighProfileEvent> highProfileEvents() {
    return highProfileEvents;
  }

  public List<TensionPeriod> tensionPeriods() {
    return tensionPeriods;
  }

  public List<MitigationOption> mitigations() {
    return mitigations;
  }

  /** The UK Terrorism (Protection of Premises) Act 2025 as data/uk_premises_*.csv states it. */
  public UkPremisesAct ukPremisesAct() {
    return ukPremisesAct;
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
    if (code.length() != 2 || !capital(code.charAt(0)) || !capital(code.charAt(1))) {
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
    double effectiveness;
    try {
      effectiveness = Double.parseDouble(r.get("effectiveness"));
    } catch (NumberFormatException e) {
      throw r.error("effectiveness", "expected a share between 0 and 1, such as 0.3");
    }
    // a share of what remains: 1 would let one measure remove an exposure, which no guidance claims
    if (!(effectiveness > 0 && effectiveness < 1)) {
      throw r.error("effectiveness", "must be above 0 and below 1 (a share of the vulnerability it removes)");
    }
    return new MitigationOption(
        vocab(r, "exposure", ExposureKind.class),
        vocab(r, "measure", Measure.class),
        vocab(r, "role", MitigationRole.class),
        effectiveness,
        r.get("guidance"));
  }

  private static GuideStatement statement(CsvTable.Row r) {
    String id = r.get("id");
    if (!statementId(id)) {
      throw r.error("id", "expected an id like ISK-T2, got '" + id + "'");
    }
    return new GuideStatement(id, r.get("section"), r.get("text"), r.get("context_only"));
  }

  private static LocalDate date(CsvTable.Row r, String column) {
    String v = r.get(column);
    try {
      // the data's dates are all YYYY-MM-DD: LocalDate.of gives what LocalDate.parse gives for
      // them without the formatter machinery, which costs tens of ms over 400 dates on a cold
      // JVM; anything else goes to the parser (signed or long years)
      return isoDay(v)
          ? LocalDate.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10))
          : LocalDate.parse(v);
    } catch (DateTimeException e) { // an impossible day (02-30) or, from parse, any bad text
      throw r.error(column, "expected an ISO date YYYY-MM-DD, got '" + v + "'");
    }
  }

  /** Ten characters, {@code DDDD-DD-DD} with ASCII digits. */
  static boolean isoDay(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && !digit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (v.charAt(i) - '0');
    }
    return n;
  }

  // plain character tests instead of String.matches, which compiles a regex for every row

  /** {@code ISK-[A-Z][0-9]+}. */
  static boolean statementId(String id) {
    if (id.length() < 6 || !id.startsWith("ISK-") || !capital(id.charAt(4))) {
      return false;
    }
    for (int i = 5; i < id.length(); i++) {
      if (!digit(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean capital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
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
    List<String> out = new ArrayList<>();
    for (String s : v.split(";")) {
      String t = s.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return Collections.unmodifiableList(out);
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
  interface Tables {
    <T> List<T> read(String file, Function<CsvTable.Row, T> converter);
  }
}
