package io.venuerisk.reference;

import io.venuerisk.model.Community;
import io.venuerisk.model.Country;
import io.venuerisk.model.CoverageEntry;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.GuideStatement;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.InputException;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureName;
import io.venuerisk.model.MeasureNames;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.MitigationRole;
import io.venuerisk.model.Observance;
import io.venuerisk.model.ObservanceKind;
import io.venuerisk.model.Period;
import io.venuerisk.model.PeriodDefinition;
import io.venuerisk.model.Placement;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.model.TraitKind;
import io.venuerisk.model.UkPremisesAct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reference data of data/: countries with the guide's regions, religious and cultural dates,
 * high-profile events, tension periods, national threat levels with each system's vocabulary, the
 * measure-to-exposure mitigation table, the UK Terrorism (Protection of Premises) Act 2025 tables,
 * the strata {@code validate} reports apart and the period each table covers. Loaded once; the
 * engine inserts the rows that bear on a scenario as facts and the rules join on them.
 *
 * <p>A run can add to it without changing the files: {@link #withDeclared} merges a user's context
 * file ({@code --context}), {@link #withThreatOverrides} the {@code --threat-level} options. Both
 * return a new object; this one is immutable.
 */
public final class ReferenceData {
  public static final String COUNTRIES = "countries.csv";
  public static final String OBSERVANCES = "observances.csv";
  public static final String HIGH_PROFILE_EVENTS = "high_profile_events.csv";
  public static final String TENSION_PERIODS = "tension_periods.csv";
  public static final String PERIODS = "periods.csv";
  public static final String MITIGATIONS = "mitigations.csv";
  public static final String MEASURES = "measures.csv";
  public static final String COUNTRY_ALIASES = "country_aliases.csv";
  public static final String GUIDE_STATEMENTS = "guide_statements.csv";
  public static final String THREAT_LEVEL_SCALES = "threat_level_scales.csv";
  public static final String THREAT_LEVELS = "threat_levels.csv";
  public static final String COVERAGE = "coverage.csv";
  public static final String VALIDATION_STRATA = ValidationStrata.FILE;

  private static volatile ReferenceData bundled;

  private final Map<String, Country> countries;
  private final Map<String, String> aliases;
  private final List<Observance> observances;
  private final List<HighProfileEvent> highProfileEvents;
  private final List<TensionPeriod> tensionPeriods;
  private final List<PeriodDefinition> periods;
  private final List<MitigationOption> mitigations;
  private final List<MitigationOption> placedMitigations;
  private final RiskTables riskTables;
  private final MeasureNames measureNames;
  private final Map<String, GuideStatement> statements;
  private final UkPremisesAct ukPremisesAct;
  private final ThreatLevels threatLevels;
  private final DataCoverage coverage;
  private final ValidationStrata validationStrata;
  private final Map<String, Integer> rowCounts;
  private final String prefix;
  // asked once per scored event in a batch: computed once
  private final LocalDate observancesFrom;
  private final LocalDate observancesTo;

  private ReferenceData(Tables tables, String prefix) {
    this.prefix = prefix;
    Map<String, Integer> counts = new LinkedHashMap<>();
    this.countries = new LinkedHashMap<>();
    for (Country c : count(counts, COUNTRIES, tables.read(COUNTRIES, ReferenceData::country))) {
      countries.put(c.code(), c);
    }
    this.aliases =
        aliases(
            countries,
            count(counts, COUNTRY_ALIASES, tables.read(COUNTRY_ALIASES, this::aliasRow)));
    this.observances =
        List.copyOf(
            count(counts, OBSERVANCES, tables.read(OBSERVANCES, ReferenceData::observance)));
    this.highProfileEvents =
        List.copyOf(
            count(
                counts, HIGH_PROFILE_EVENTS, tables.read(HIGH_PROFILE_EVENTS, this::highProfile)));
    this.tensionPeriods =
        List.copyOf(
            count(counts, TENSION_PERIODS, tables.read(TENSION_PERIODS, ReferenceData::tension)));
    this.periods = periods(count(counts, PERIODS, tables.read(PERIODS, ReferenceData::periodRow)));
    List<MitigationOption> allMitigations =
        count(counts, MITIGATIONS, tables.read(MITIGATIONS, ReferenceData::mitigation));
    this.mitigations = allMitigations.stream().filter(m -> m.placement() == null).toList();
    this.placedMitigations = allMitigations.stream().filter(m -> m.placement() != null).toList();
    this.measureNames =
        measureNames(count(counts, MEASURES, tables.read(MEASURES, this::measureRow)));
    this.statements = new LinkedHashMap<>();
    for (GuideStatement g :
        count(counts, GUIDE_STATEMENTS, tables.read(GUIDE_STATEMENTS, ReferenceData::statement))) {
      statements.put(g.id(), g);
    }
    this.ukPremisesAct = UkPremisesActTables.read(counting(tables, counts));
    List<ThreatLevelDefinition> definitions = new ArrayList<>();
    Map<String, String> systems = new LinkedHashMap<>();
    Set<String> levelKeys = new HashSet<>();
    for (ThreatLevelDefinition d :
        count(
            counts,
            THREAT_LEVEL_SCALES,
            tables.read(THREAT_LEVEL_SCALES, r -> scaleRow(r, systems, levelKeys)))) {
      definitions.add(d);
    }
    ThreatLevels scalesOnly = new ThreatLevels(definitions, List.of(), Map.of());
    List<ThreatLevelPeriod> periods =
        count(counts, THREAT_LEVELS, tables.read(THREAT_LEVELS, r -> threatRow(r, scalesOnly)));
    this.threatLevels = scalesOnly.withPeriods(periods);
    this.validationStrata = ValidationStrata.read(counting(tables, counts), countries.values());
    List<CoverageEntry> entries = count(counts, COVERAGE, tables.read(COVERAGE, this::coverageRow));
    this.coverage = new DataCoverage(entries, prefix, threatLevels);
    this.riskTables = RiskTables.read(counting(tables, counts), countries);
    this.rowCounts = Collections.unmodifiableMap(counts);
    LocalDate from = null;
    LocalDate to = null;
    for (Observance o : observances) {
      from = from == null || o.start().isBefore(from) ? o.start() : from;
      to = to == null || o.end().isAfter(to) ? o.end() : to;
    }
    this.observancesFrom = from == null ? LocalDate.MIN : from;
    this.observancesTo = to == null ? LocalDate.MAX : to;
  }

  /** A copy with other event, tension and threat-level rows: a run's declared context. */
  private ReferenceData(
      ReferenceData base,
      List<HighProfileEvent> events,
      List<TensionPeriod> tensions,
      ThreatLevels threatLevels) {
    this.prefix = base.prefix;
    this.countries = base.countries;
    this.aliases = base.aliases;
    this.observances = base.observances;
    this.highProfileEvents = List.copyOf(events);
    this.tensionPeriods = List.copyOf(tensions);
    this.periods = base.periods;
    this.mitigations = base.mitigations;
    this.placedMitigations = base.placedMitigations;
    this.riskTables = base.riskTables;
    this.measureNames = base.measureNames;
    this.statements = base.statements;
    this.threatLevels = threatLevels;
    this.coverage = new DataCoverage(base.coverage.entries(), prefix, threatLevels);
    this.ukPremisesAct = base.ukPremisesAct;
    this.validationStrata = base.validationStrata;
    this.rowCounts = base.rowCounts;
    this.observancesFrom = base.observancesFrom;
    this.observancesTo = base.observancesTo;
  }

  /** The tables, counting the rows of each file read through them. */
  private static Tables counting(Tables tables, Map<String, Integer> counts) {
    return new Tables() {
      @Override
      public <T> List<T> read(String file, Function<CsvTable.Row, T> convert) {
        return count(counts, file, tables.read(file, convert));
      }
    };
  }

  private static <T> List<T> count(Map<String, Integer> counts, String file, List<T> rows) {
    counts.put(file, rows.size());
    return rows;
  }

  /**
   * This data with a user's declared context merged in, for one run. A declared high-profile event
   * or tension period with the id of a reference row replaces that row (to correct a provisional
   * date, say); the others are added after the reference rows. Declared threat-level rows take the
   * place of the reference rows of their country on the days they cover.
   */
  public ReferenceData withDeclared(DeclaredContext declared) {
    if (declared.isEmpty()) {
      return this;
    }
    Set<String> eventIds = new HashSet<>();
    declared.highProfileEvents().forEach(e -> eventIds.add(e.id()));
    List<HighProfileEvent> events = new ArrayList<>();
    for (HighProfileEvent e : highProfileEvents) {
      if (!eventIds.contains(e.id())) {
        events.add(e);
      }
    }
    events.addAll(declared.highProfileEvents());
    Set<String> tensionIds = new HashSet<>();
    declared.tensionPeriods().forEach(t -> tensionIds.add(t.id()));
    List<TensionPeriod> tensions = new ArrayList<>();
    for (TensionPeriod t : tensionPeriods) {
      if (!tensionIds.contains(t.id())) {
        tensions.add(t);
      }
    }
    tensions.addAll(declared.tensionPeriods());
    List<ThreatLevelPeriod> periods = new ArrayList<>(threatLevels.periods());
    periods.addAll(declared.threatLevels());
    return new ReferenceData(this, events, tensions, threatLevels.withPeriods(periods));
  }

  /**
   * This data with a threat level given for each of these countries ({@code --threat-level}): every
   * event there is scored against it, whatever its dates, unless the scenario gives its own.
   */
  public ReferenceData withThreatOverrides(Collection<ThreatLevelDefinition> levels) {
    if (levels.isEmpty()) {
      return this;
    }
    return new ReferenceData(
        this, highProfileEvents, tensionPeriods, threatLevels.withOverrides(levels));
  }

  /** National threat levels: each system's vocabulary, the dated rows, and the resolver. */
  public ThreatLevels threatLevels() {
    return threatLevels;
  }

  /** The period each table covers, and the notes for an event outside it. */
  public DataCoverage coverage() {
    return coverage;
  }

  /** The strata {@code validate} reports apart (data/validation_strata.csv). */
  public ValidationStrata validationStrata() {
    return validationStrata;
  }

  /** Rows read from each file of data/ (declared context not included), in load order. */
  public Map<String, Integer> rowCounts() {
    return rowCounts;
  }

  /** Ids of the guide statements, for checking a cite. */
  public boolean isStatement(String id) {
    return statements.containsKey(id);
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
          d =
              fromSnapshot(
                  ReferenceData.class.getResourceAsStream("/data/" + ReferenceSnapshot.NAME));
          if (d == null) {
            d =
                fromCsv(
                    name -> {
                      InputStream in = ReferenceData.class.getResourceAsStream("/data/" + name);
                      if (in == null) {
                        throw InputException.of("data/" + name, "missing from the jar");
                      }
                      return in;
                    },
                    BUNDLED_PREFIX);
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
        },
        BUNDLED_PREFIX);
  }

  /** How notes name the shipped tables. */
  static final String BUNDLED_PREFIX = "data/";

  private static ReferenceData fromCsv(Source source, String prefix) {
    return new ReferenceData(
        new Tables() {
          @Override
          public <T> List<T> read(String file, Function<CsvTable.Row, T> converter) {
            return CsvTable.read(file, source.open(file), converter);
          }
        },
        prefix);
  }

  /** Data from a folder with the same files as data/, for analysts trying out changes. */
  public static ReferenceData load(Path dir) {
    String prefix =
        dir.toString().endsWith(java.io.File.separator)
            ? dir.toString()
            : dir + java.io.File.separator;
    return fromCsv(
        name -> {
          Path p = dir.resolve(name);
          try {
            return Files.newInputStream(p);
          } catch (IOException e) {
            throw InputException.of(
                p.toString(), "cannot read (" + e.getClass().getSimpleName() + ")");
          }
        },
        prefix);
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

  /** Which rows put an event in each period of the timing rules, in the order of periods.csv. */
  public List<PeriodDefinition> periods() {
    return periods;
  }

  /**
   * The measures' effectiveness as usually deployed: the rows of mitigations.csv without a
   * placement.
   */
  public List<MitigationOption> mitigations() {
    return mitigations;
  }

  /**
   * The rows of mitigations.csv for a measure deployed at one place: outer perimeter, entry,
   * inside.
   */
  public List<MitigationOption> placedMitigations() {
    return placedMitigations;
  }

  /** The numbers of the risk model: points, baselines, tactics, levels and the matrix. */
  public RiskTables riskTables() {
    return riskTables;
  }

  /** Every measure in plain words, and what it means in a country where that differs. */
  public MeasureNames measureNames() {
    return measureNames;
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

  private HighProfileEvent highProfile(CsvTable.Row r) {
    LocalDate start = date(r, "start");
    LocalDate end = date(r, "end");
    if (end.isBefore(start)) {
      throw r.error("end", "ends before it starts");
    }
    List<String> hosts = list(r.get("countries"));
    for (String c : hosts) {
      knownCountry(r, "countries", c);
    }
    boolean provisional = bool(r, "provisional");
    if (hosts.isEmpty() && !provisional) {
      throw r.error("countries", "empty: only a provisional row may leave the host unknown");
    }
    String source = r.get("source");
    if (source.isEmpty()) {
      throw r.error("source", "empty: say who fixed or reported the dates");
    }
    return new HighProfileEvent(
        r.get("id"),
        r.get("name"),
        start,
        end,
        hosts,
        bool(r, "sporting"),
        bool(r, "european"),
        list(r.get("cites")),
        r.get("note"),
        list(r.get("cities")),
        provisional,
        source,
        null);
  }

  private void knownCountry(CsvTable.Row r, String column, String code) {
    if (!countries.containsKey(code)) {
      throw r.error(column, "unknown country code '" + code + "' (not in " + COUNTRIES + ")");
    }
  }

  private ThreatLevelDefinition scaleRow(
      CsvTable.Row r, Map<String, String> systems, Set<String> levelKeys) {
    String country = r.get("country");
    knownCountry(r, "country", country);
    String system = r.get("system");
    if (system.isEmpty()) {
      throw r.error("system", "empty: name the national system");
    }
    String other = systems.putIfAbsent(country, system);
    if (other != null && !other.equals(system)) {
      throw r.error(
          "system",
          "'"
              + system
              + "', but "
              + country
              + " already has the system '"
              + other
              + "'; a country has one national system");
    }
    String level = r.get("level");
    if (level.isEmpty()) {
      throw r.error("level", "empty");
    }
    List<String> aliases = list(r.get("aliases"));
    for (String name : concat(level, aliases)) {
      if (!levelKeys.add(country + " " + ThreatLevels.normalise(name))) {
        throw r.error(
            name.equals(level) ? "level" : "aliases",
            "'" + name + "' names a level of " + country + " twice");
      }
    }
    int rank;
    try {
      rank = Integer.parseInt(r.get("rank"));
    } catch (NumberFormatException e) {
      throw r.error(
          "rank", "expected a whole number 1 (low) to 5 (critical), got '" + r.get("rank") + "'");
    }
    if (rank < 1 || rank > 5) {
      throw r.error("rank", "expected 1 (low) to 5 (critical), got " + rank);
    }
    return new ThreatLevelDefinition(
        country, system, level, aliases, rank, r.get("meaning"), r.get("source"));
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private ThreatLevelPeriod threatRow(CsvTable.Row r, ThreatLevels scales) {
    String country = r.get("country");
    knownCountry(r, "country", country);
    Optional<String> system = scales.system(country);
    if (system.isEmpty()) {
      throw r.error("country", country + " has no system in " + THREAT_LEVEL_SCALES);
    }
    if (!r.get("system").equals(system.get())) {
      throw r.error(
          "system",
          "expected '"
              + system.get()
              + "' for "
              + country
              + " (as in "
              + THREAT_LEVEL_SCALES
              + "), got '"
              + r.get("system")
              + "'");
    }
    String level = r.get("level");
    ThreatLevelDefinition d =
        scales
            .definition(country, level)
            .orElseThrow(
                () ->
                    r.error(
                        "level",
                        "'"
                            + level
                            + "' is not a level of "
                            + system.get()
                            + " in "
                            + THREAT_LEVEL_SCALES));
    LocalDate from = date(r, "from");
    LocalDate to = r.get("to").isEmpty() ? null : date(r, "to");
    if (to != null && to.isBefore(from)) {
      throw r.error("to", "ends before it starts");
    }
    String source = r.get("source");
    if (source.isEmpty()) {
      throw r.error("source", "empty: say where the level was read");
    }
    return new ThreatLevelPeriod(country, d.system(), d.level(), d.rank(), from, to, source, null);
  }

  private CoverageEntry coverageRow(CsvTable.Row r) {
    String table = r.get("table");
    if (!ReferenceSnapshot.FILES.contains(table)) {
      throw r.error(
          "table",
          "unknown table '"
              + table
              + "'; expected one of "
              + String.join(", ", ReferenceSnapshot.FILES));
    }
    String country = r.get("country");
    if (!country.isEmpty()) {
      knownCountry(r, "country", country);
    }
    boolean dated = !r.get("from").isEmpty() || !r.get("to").isEmpty();
    LocalDate from = dated ? date(r, "from") : null;
    LocalDate to = dated ? date(r, "to") : null;
    if (dated && to.isBefore(from)) {
      throw r.error("to", "ends before it starts");
    }
    String outside = r.get("outside");
    if (dated && outside.isEmpty()) {
      throw r.error("outside", "empty: say what goes unchecked outside the period");
    }
    return new CoverageEntry(
        table, country.isEmpty() ? null : country, from, to, r.get("source"), outside);
  }

  private static TensionPeriod tension(CsvTable.Row r) {
    String endText = r.get("end");
    if (!endText.isEmpty() && date(r, "end").isBefore(date(r, "start"))) {
      throw r.error("end", "ends before it starts");
    }
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
        r.get("note"),
        null);
  }

  /** A row of periods.csv, with where it was read for an error found across rows. */
  private record PeriodRow(PeriodDefinition definition, String file, long line) {}

  private static PeriodRow periodRow(CsvTable.Row r) {
    Period period = vocab(r, "period", Period.class);
    String table = r.get("table");
    List<String> match = list(r.get("match"));
    List<ObservanceKind> kinds = new ArrayList<>();
    boolean sporting = false;
    boolean european = false;
    List<Community> communities = new ArrayList<>();
    switch (table) {
      case OBSERVANCES -> {
        if (match.isEmpty()) {
          throw r.error("match", "empty: list the observance kinds of the period");
        }
        for (String k : match) {
          kinds.add(vocabValue(r, "match", k, ObservanceKind.class));
        }
      }
      case HIGH_PROFILE_EVENTS -> {
        for (String flag : match) {
          switch (flag) {
            case "sporting" -> sporting = true;
            case "european" -> european = true;
            default ->
                throw r.error(
                    "match",
                    "unknown value '" + flag + "'; expected sporting, european or both, or empty");
          }
        }
      }
      case TENSION_PERIODS -> {
        for (String c : match) {
          communities.add(vocabValue(r, "match", c, Community.class));
        }
      }
      default ->
          throw r.error(
              "table",
              "expected "
                  + OBSERVANCES
                  + ", "
                  + HIGH_PROFILE_EVENTS
                  + " or "
                  + TENSION_PERIODS
                  + ", got '"
                  + table
                  + "'");
    }
    long eve;
    try {
      eve = Long.parseLong(r.get("eve_days"));
    } catch (NumberFormatException e) {
      eve = -1;
    }
    // the engine inserts reference rows up to 31 days around an event: a longer eve would miss rows
    if (eve < 0 || eve > 30) {
      throw r.error(
          "eve_days",
          "expected a whole number of days from 0 to 30, got '" + r.get("eve_days") + "'");
    }
    List<TraitKind> traits = new ArrayList<>();
    for (String t : list(r.get("traits"))) {
      TraitKind kind = vocabValue(r, "traits", t, TraitKind.class);
      if (traits.contains(kind)) {
        throw r.error("traits", "'" + t + "' twice");
      }
      traits.add(kind);
    }
    if (r.get("note").isBlank()) {
      throw r.error("note", "empty: say why these rows make the period");
    }
    return new PeriodRow(
        new PeriodDefinition(period, table, kinds, sporting, european, communities, eve, traits),
        r.file(),
        r.line());
  }

  /** One row per period, every period with its row: a period without one would never be derived. */
  private static List<PeriodDefinition> periods(List<PeriodRow> rows) {
    Map<Period, PeriodDefinition> byPeriod = new java.util.EnumMap<>(Period.class);
    for (PeriodRow r : rows) {
      Period p = r.definition().period();
      if (byPeriod.putIfAbsent(p, r.definition()) != null) {
        throw new InputException(
            r.file(), r.line(), 0, "column 'period'", p.code() + " has a row already");
      }
    }
    for (Period p : Period.values()) {
      if (!byPeriod.containsKey(p)) {
        throw InputException.of(
            PERIODS,
            "no row for the period " + p.code() + ": the timing rules need one per period");
      }
    }
    List<PeriodDefinition> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.definition()));
    return List.copyOf(out);
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
      throw r.error(
          "effectiveness", "must be above 0 and below 1 (a share of the vulnerability it removes)");
    }
    String placement = r.get("placement");
    return new MitigationOption(
        vocab(r, "exposure", ExposureKind.class),
        vocab(r, "measure", Measure.class),
        vocab(r, "role", MitigationRole.class),
        effectiveness,
        r.get("guidance"),
        placement.isEmpty() ? null : vocabValue(r, "placement", placement, Placement.class));
  }

  /** A row of measures.csv: no country for the name everywhere, a country for a name there. */
  private record MeasureRow(String country, MeasureName name, String file, long line) {}

  private MeasureRow measureRow(CsvTable.Row r) {
    Measure m = vocab(r, "measure", Measure.class);
    String country = r.get("country");
    String label = r.get("label");
    if (label.isEmpty()) {
      throw r.error("label", "empty: say in plain words what the measure is");
    }
    String meaning = r.get("meaning");
    String protects = r.get("protects");
    if (!country.isEmpty()) {
      knownCountry(r, "country", country);
      // the country row exists because the measure means something else there: say what
      if (meaning.isEmpty()) {
        throw r.error("meaning", "empty: say what the measure means in " + country);
      }
      if (!protects.isEmpty()) {
        throw r.error("protects", "set on the row without a country only");
      }
    }
    return new MeasureRow(
        country,
        new MeasureName(
            m, label, meaning.isEmpty() ? null : meaning, protects.isEmpty() ? null : protects),
        r.file(),
        r.line());
  }

  private static MeasureNames measureNames(List<MeasureRow> rows) {
    Map<Measure, MeasureName> defaults = new java.util.EnumMap<>(Measure.class);
    Map<String, MeasureName> byCountry = new LinkedHashMap<>();
    for (MeasureRow r : rows) {
      Measure m = r.name().measure();
      boolean repeated =
          r.country().isEmpty()
              ? defaults.putIfAbsent(m, r.name()) != null
              : byCountry.containsKey(MeasureNames.key(m, r.country()));
      if (repeated) {
        throw new InputException(
            r.file(),
            r.line(),
            0,
            "column 'measure'",
            m.code()
                + " has a row"
                + (r.country().isEmpty() ? " without a country" : " for " + r.country())
                + " already");
      }
    }
    for (MeasureRow r : rows) {
      if (!r.country().isEmpty()) {
        MeasureName d = defaults.get(r.name().measure());
        MeasureName n = r.name();
        // who a measure protects does not change with the country
        byCountry.put(
            MeasureNames.key(n.measure(), r.country()),
            new MeasureName(n.measure(), n.label(), n.meaning(), d == null ? null : d.protects()));
      }
    }
    for (Measure m : Measure.values()) {
      if (!defaults.containsKey(m)) {
        throw InputException.of(
            MEASURES, "no row without a country for " + m.code() + ": every measure needs a name");
      }
    }
    return MeasureNames.of(List.copyOf(defaults.values()), byCountry);
  }

  private static GuideStatement statement(CsvTable.Row r) {
    String id = r.get("id");
    if (!statementId(id)) {
      throw r.error("id", "expected an id like ISK-T2, got '" + id + "'");
    }
    return new GuideStatement(id, r.get("section"), r.get("text"), r.get("context_only"));
  }

  static LocalDate date(CsvTable.Row r, String column) {
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

  static List<String> list(String v) {
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

  static <E extends Enum<E>> E vocabValue(
      CsvTable.Row r, String column, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw r.error(column, "unknown value '" + value + "'");
    }
  }

  /** One row of country_aliases.csv: a name or code people write, and the ISO code it means. */
  private record Alias(String alias, String country) {}

  private Alias aliasRow(CsvTable.Row r) {
    String alias = r.get("alias").strip().toUpperCase(Locale.ROOT);
    if (alias.isEmpty()) {
      throw r.error("alias", "empty: give the name or code people write");
    }
    if (countries.containsKey(alias)) {
      // an assigned code always means its own country: an alias may not take it over
      throw r.error("alias", "'" + alias + "' is the ISO code of " + countries.get(alias).name());
    }
    String country = r.get("country");
    knownCountry(r, "country", country);
    if (r.get("note").isBlank()) {
      throw r.error("note", "empty: say why the alias means this country");
    }
    return new Alias(alias, country);
  }

  private static Map<String, String> aliases(Map<String, Country> countries, List<Alias> rows) {
    Map<String, String> a = new LinkedHashMap<>();
    for (Country c : countries.values()) {
      a.put(c.alpha3().toUpperCase(Locale.ROOT), c.code());
      a.put(c.name().toUpperCase(Locale.ROOT), c.code());
    }
    // codes and names people reach for that ISO 3166-1 reserves, never assigned or no longer uses
    for (Alias row : rows) {
      a.put(row.alias(), row.country());
    }
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
