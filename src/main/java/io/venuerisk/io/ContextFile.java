package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.Community;
import io.venuerisk.model.Country;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.InputException;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.reference.DeclaredContext;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A user's context file ({@code --context FILE}): high-profile events, tension periods and
 * threat-level rows that the reference tables do not know, for one run. JSON (one object with the
 * arrays {@code highProfileEvents}, {@code tensionPeriods}, {@code threatLevels}) or CSV (one table
 * per file, told apart by its columns: {@code countries} for events, {@code communities} for
 * tension periods, {@code level} for threat levels). Every value is checked as strictly as a
 * scenario's, and every problem is one {@link InputException} naming file, line, record or array
 * index, field, what was expected and the nearest valid value. docs/context.md is the contract.
 *
 * <p>Every row read is marked with the file that declared it ({@code declaredIn}); its source, when
 * the file gives none, is {@code user-declared: FILE}.
 */
public final class ContextFile {
  /** Largest context file read: ample for thousands of rows, small enough to hold in memory. */
  public static final long MAX_BYTES = 4L << 20;

  /** Most rows of all three kinds in one file. */
  public static final int MAX_ROWS = 10_000;

  static final String EVENTS = "highProfileEvents";
  static final String TENSIONS = "tensionPeriods";
  static final String THREATS = "threatLevels";
  private static final String COMMENT = "$comment";

  static final List<String> EVENT_COLUMNS =
      List.of(
          "id",
          "name",
          "start",
          "end",
          "countries",
          "cities",
          "sporting",
          "european",
          "cites",
          "provisional",
          "source",
          "note");
  static final List<String> TENSION_COLUMNS =
      List.of("id", "name", "start", "end", "communities", "note");
  static final List<String> THREAT_COLUMNS = List.of("country", "level", "from", "to", "source");
  private static final Set<String> LIST_COLUMNS =
      Set.of("countries", "cities", "cites", "communities");
  private static final Set<String> BOOLEAN_COLUMNS = Set.of("sporting", "european", "provisional");

  /** A high-profile event as written. */
  @JsonIgnoreProperties({COMMENT})
  record EventInput(
      String id,
      String name,
      LocalDate start,
      LocalDate end,
      List<String> countries,
      List<String> cities,
      Boolean sporting,
      Boolean european,
      List<String> cites,
      Boolean provisional,
      String source,
      String note) {}

  /** A tension period as written. */
  @JsonIgnoreProperties({COMMENT})
  record TensionInput(
      String id,
      String name,
      LocalDate start,
      LocalDate end,
      List<Community> communities,
      String note) {}

  /** A threat-level row as written. */
  @JsonIgnoreProperties({COMMENT})
  record ThreatInput(String country, String level, LocalDate from, LocalDate to, String source) {}

  private final ReferenceData data;
  // built once: a mapper per file and a reader per CSV row were the cost of a large context file
  private static final ObjectMapper MAPPER = ScenarioJson.mapper();
  private static final ObjectReader EVENTS_READER = rowReader(EventInput.class);
  private static final ObjectReader TENSIONS_READER = rowReader(TensionInput.class);
  private static final ObjectReader THREATS_READER = rowReader(ThreatInput.class);

  /** Reads one row, from a JSON array's element (more follow it) or a CSV row's tree. */
  private static ObjectReader rowReader(Class<?> type) {
    return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private ContextFile(ReferenceData data) {
    this.data = data;
  }

  /**
   * Reads several context files into one context; an id declared twice, in one file or two, is
   * refused at its second appearance.
   */
  public static DeclaredContext readAll(List<Path> files, ReferenceData data) {
    DeclaredContext all = DeclaredContext.EMPTY;
    Map<String, String> eventIds = new HashMap<>();
    Map<String, String> tensionIds = new HashMap<>();
    for (Path p : files) {
      DeclaredContext c = read(p, data);
      for (HighProfileEvent e : c.highProfileEvents()) {
        String other = eventIds.putIfAbsent(e.id(), p.toString());
        if (other != null) {
          throw InputException.of(
              p.toString(),
              "high-profile event id '"
                  + e.id()
                  + "' is also declared in "
                  + other
                  + "; each id once");
        }
      }
      for (TensionPeriod t : c.tensionPeriods()) {
        String other = tensionIds.putIfAbsent(t.id(), p.toString());
        if (other != null) {
          throw InputException.of(
              p.toString(),
              "tension period id '" + t.id() + "' is also declared in " + other + "; each id once");
        }
      }
      all = all.plus(c);
    }
    return all;
  }

  /** Reads one context file, by its extension: {@code .json} or {@code .csv}. */
  public static DeclaredContext read(Path path, ReferenceData data) {
    String name = path.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".json") && !lower.endsWith(".csv")) {
      throw InputException.of(name, "expected a context file ending in .json or .csv");
    }
    byte[] bytes = ScenarioFiles.bytes(path, MAX_BYTES);
    return read(name, bytes, data);
  }

  /** Reads the bytes of a context file named {@code file} (its extension says the format). */
  public static DeclaredContext read(String file, byte[] bytes, ReferenceData data) {
    checkText(file, bytes);
    ContextFile reader = new ContextFile(data);
    return file.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? reader.csv(file, bytes)
        : reader.json(file, bytes);
  }

  private static void checkText(String file, byte[] bytes) {
    boolean blank = true;
    for (byte b : bytes) {
      if (b == 0) {
        throw InputException.of(file, "binary content (NUL bytes); expected a UTF-8 context file");
      }
      if (!Character.isWhitespace(b)) {
        blank = false;
      }
    }
    if (blank) {
      throw InputException.of(file, "the file is empty; expected a context file (docs/context.md)");
    }
    int bad = Text.firstInvalidUtf8(bytes, bytes.length);
    if (bad >= 0) {
      throw Text.notUtf8(file, bytes, bad);
    }
  }

  // ------------------------------------------------------------------ JSON

  private DeclaredContext json(String file, byte[] bytes) {
    Rows rows = new Rows();
    try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(
            file,
            line(p),
            column(p),
            null,
            "expected a JSON object with " + EVENTS + ", " + TENSIONS + " and/or " + THREATS);
      }
      Set<String> seen = new LinkedHashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        long keyLine = line(p);
        if (!seen.add(key)) {
          throw new InputException(
              file,
              keyLine,
              column(p),
              null,
              "duplicate key '" + key + "'; each field may appear once");
        }
        JsonToken value = p.nextToken();
        if (key.equals(COMMENT)) {
          p.skipChildren();
          continue;
        }
        List<String> keys = List.of(EVENTS, TENSIONS, THREATS);
        if (!keys.contains(key)) {
          String hint = Nearest.of(key, keys).map(n -> "; nearest: " + n).orElse("");
          throw new InputException(
              file,
              keyLine,
              0,
              null,
              "unknown field '"
                  + key
                  + "'; valid fields here: "
                  + String.join(", ", keys)
                  + ", "
                  + COMMENT
                  + hint);
        }
        if (value != JsonToken.START_ARRAY) {
          throw new InputException(
              file, line(p), column(p), key, "wrong type; expected a JSON array of objects");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String where = key + "[" + index + "]";
          long line = line(p);
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InputException(
                file, line, column(p), where, "wrong type; expected a JSON object");
          }
          rows.count(file, line);
          try {
            switch (key) {
              case EVENTS ->
                  rows.event(
                      file,
                      line,
                      0,
                      where + ".id",
                      event(file, line, 0, where + ".", EVENTS_READER.<EventInput>readValue(p)));
              case TENSIONS ->
                  rows.tension(
                      file,
                      line,
                      0,
                      where + ".id",
                      tension(
                          file, line, 0, where + ".", TENSIONS_READER.<TensionInput>readValue(p)));
              default ->
                  rows.threats.add(
                      threat(file, line, 0, where + ".", THREATS_READER.<ThreatInput>readValue(p)));
            }
          } catch (IOException e) {
            throw within(ScenarioJson.translate(file, e), where);
          }
          index++;
        }
      }
      if (p.nextToken() != null) {
        throw new InputException(
            file,
            line(p),
            column(p),
            null,
            "unexpected content after the context object; expected end of file");
      }
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    return rows.context(file);
  }

  /** An error of one array element, its field named from the top of the file. */
  private static InputException within(InputException e, String where) {
    String field = e.field() == null ? where : where + "." + e.field();
    return new InputException(e.file(), e.line(), e.column(), e.record(), field, e.problem());
  }

  private static long line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static long column(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getColumnNr());
  }

  // ------------------------------------------------------------------ CSV

  private DeclaredContext csv(String file, byte[] bytes) {
    Rows rows = new Rows();
    MappingIterator<String[]> it;
    String[] header;
    // as spreadsheets export it, like a CSV calendar: a byte-order mark, and ',', ';' or tab
    int bom =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    char delimiter = CsvCalendar.delimiter(bytes, bom);
    try {
      it =
          CsvCalendar.CSV
              .readerFor(String[].class)
              .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
              .with(CsvParser.Feature.WRAP_AS_ARRAY)
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .with(CsvParser.Feature.TRIM_SPACES)
              .readValues(bytes, bom, bytes.length - bom);
      if (!it.hasNextValue()) {
        throw InputException.of(file, "the file is empty; expected a header row (docs/context.md)");
      }
      header = it.nextValue();
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw InputException.of(file, "not a CSV file: " + PlainWords.csv(e.getMessage()));
    }
    String[] columns = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      String h = header[i] == null ? "" : header[i].strip();
      columns[i] = h.toLowerCase(Locale.ROOT);
    }
    Set<String> names = new LinkedHashSet<>(List.of(columns));
    String kind;
    List<String> valid;
    if (names.contains("level")) {
      kind = THREATS;
      valid = THREAT_COLUMNS;
    } else if (names.contains("countries")) {
      kind = EVENTS;
      valid = EVENT_COLUMNS;
    } else if (names.contains("communities")) {
      kind = TENSIONS;
      valid = TENSION_COLUMNS;
    } else {
      throw new InputException(
          file,
          1,
          0,
          null,
          "cannot tell which table this is: a context CSV"
              + " holds high-profile events (a 'countries' column), tension periods (a 'communities'"
              + " column) or threat levels (a 'level' column)");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < columns.length; i++) {
      String c = columns[i];
      if (c.equals(COMMENT)) {
        continue;
      }
      if (!valid.contains(c)) {
        String hint = Nearest.of(c, valid).map(n -> "; nearest: " + n).orElse("");
        throw new InputException(
            file,
            1,
            0,
            null,
            "unknown column '"
                + header[i].strip()
                + "'; the columns of "
                + describe(kind)
                + " are "
                + String.join(", ", valid)
                + hint);
      }
      if (!seen.add(c)) {
        throw new InputException(file, 1, 0, null, "column '" + c + "' appears twice");
      }
    }
    long record = 0;
    while (true) {
      String[] cells;
      long line;
      try {
        if (!it.hasNextValue()) {
          break;
        }
        cells = it.nextValue();
        line = it.getParser().currentTokenLocation().getLineNr();
      } catch (IOException | RuntimeException e) {
        throw new InputException(
            file,
            it.getCurrentLocation().getLineNr(),
            0,
            record + 1,
            null,
            "malformed CSV: " + PlainWords.csv(e.getMessage()));
      }
      record++;
      rows.count(file, line);
      if (cells.length != columns.length) {
        throw new InputException(
            file,
            line,
            0,
            record,
            null,
            "the row has " + cells.length + " cells; the header has " + columns.length);
      }
      ObjectNode tree = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < cells.length; i++) {
        if (!columns[i].equals(COMMENT) && cells[i] != null && !cells[i].isEmpty()) {
          try {
            tree.set(columns[i], cell(file, columns[i], cells[i]));
          } catch (InputException e) {
            throw CalendarReader.place(e, record, line, 0);
          }
        }
      }
      try (JsonParser p = MAPPER.treeAsTokens(tree)) {
        switch (kind) {
          case EVENTS ->
              rows.event(
                  file,
                  line,
                  record,
                  "id",
                  event(file, line, record, "", EVENTS_READER.readValue(p)));
          case TENSIONS ->
              rows.tension(
                  file,
                  line,
                  record,
                  "id",
                  tension(file, line, record, "", TENSIONS_READER.readValue(p)));
          default -> rows.threats.add(threat(file, line, record, "", THREATS_READER.readValue(p)));
        }
      } catch (IOException e) {
        InputException ie = ScenarioJson.translate(file, e);
        throw new InputException(file, line, 0, record, ie.field(), ie.problem());
      }
    }
    if (record == 0) {
      throw new InputException(file, 1, 0, null, "the file has a header but no rows");
    }
    return rows.context(file);
  }

  private static String describe(String kind) {
    return switch (kind) {
      case EVENTS -> "high-profile events";
      case TENSIONS -> "tension periods";
      default -> "threat levels";
    };
  }

  private static JsonNode cell(String file, String column, String text) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (LIST_COLUMNS.contains(column)) {
      var arr = f.arrayNode();
      for (String part : text.split(";", -1)) {
        String v = part.strip();
        if (!v.isEmpty()) {
          arr.add(v);
        }
      }
      return arr;
    }
    if (BOOLEAN_COLUMNS.contains(column)) {
      return ScenarioTree.value(file, column, ScenarioTree.Kind.TRUE_FALSE, text);
    }
    return f.textNode(text);
  }

  // ------------------------------------------------------------------ checks shared by both

  private HighProfileEvent event(String file, long line, long record, String at, EventInput in) {
    if (in == null) {
      throw new InputException(file, line, 0, record, strip(at), "expected an object, found null");
    }
    String id =
        text(
            file,
            line,
            record,
            at + "id",
            in.id(),
            "a short unique id, such as madrid-fan-zone-2027");
    String name = text(file, line, record, at + "name", in.name(), "a name");
    LocalDate start = required(file, line, record, at + "start", in.start());
    LocalDate end = in.end() == null ? start : in.end();
    if (end.isBefore(start)) {
      throw new InputException(
          file,
          line,
          0,
          record,
          at + "end",
          "ends "
              + end
              + ", before the event starts ("
              + start
              + "); expected "
              + start
              + " or later");
    }
    List<String> countries = list(file, line, record, at + "countries", in.countries());
    if (countries.isEmpty()) {
      throw new InputException(
          file,
          line,
          0,
          record,
          at + "countries",
          "required; expected the host countries as ISO 3166-1 alpha-2 codes, such as [\"ES\"]");
    }
    boolean europe = true;
    for (String c : countries) {
      Country country = country(file, line, record, at + "countries", c);
      europe &= country.region() == IskRegion.EUROPE;
    }
    List<String> cites = list(file, line, record, at + "cites", in.cites());
    for (String c : cites) {
      if (!data.isStatement(c)) {
        String hint =
            Nearest.of(c, data.statements().keySet()).map(n -> "; nearest: " + n).orElse("");
        throw new InputException(
            file,
            line,
            0,
            record,
            at + "cites",
            "unknown guide statement '" + c + "'; expected an id such as ISK-T2" + hint);
      }
    }
    return new HighProfileEvent(
        id,
        name,
        start,
        end,
        countries,
        Boolean.TRUE.equals(in.sporting()),
        in.european() != null ? in.european() : europe,
        cites,
        optional(file, line, record, at + "note", in.note()),
        list(file, line, record, at + "cities", in.cities()),
        Boolean.TRUE.equals(in.provisional()),
        source(file, line, record, at + "source", in.source()),
        file);
  }

  private TensionPeriod tension(String file, long line, long record, String at, TensionInput in) {
    if (in == null) {
      throw new InputException(file, line, 0, record, strip(at), "expected an object, found null");
    }
    String id = text(file, line, record, at + "id", in.id(), "a short unique id");
    String name = text(file, line, record, at + "name", in.name(), "a name");
    LocalDate start = required(file, line, record, at + "start", in.start());
    if (in.end() != null && in.end().isBefore(start)) {
      throw new InputException(
          file,
          line,
          0,
          record,
          at + "end",
          "ends "
              + in.end()
              + ", before the period starts ("
              + start
              + "); expected "
              + start
              + " or later, or no end while the period is open");
    }
    List<Community> communities = in.communities() == null ? List.of() : in.communities();
    if (communities.size() > Limits.MAX_LIST_ENTRIES) {
      throw new InputException(
          file,
          line,
          0,
          record,
          at + "communities",
          communities.size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    return new TensionPeriod(
        id,
        name,
        start,
        in.end(),
        communities,
        optional(file, line, record, at + "note", in.note()),
        file);
  }

  private ThreatLevelPeriod threat(String file, long line, long record, String at, ThreatInput in) {
    if (in == null) {
      throw new InputException(file, line, 0, record, strip(at), "expected an object, found null");
    }
    String code =
        text(
            file,
            line,
            record,
            at + "country",
            in.country(),
            "an ISO 3166-1 alpha-2 code such as GB");
    Country country = country(file, line, record, at + "country", code);
    String level =
        text(
            file,
            line,
            record,
            at + "level",
            in.level(),
            "a level of the country's own system, such as SEVERE (GB) or urgence_attentat (FR)");
    ThreatLevelDefinition d =
        ThreatLevelInput.resolve(
            data.threatLevels(), country.code(), level, file, line, record, at + "level");
    LocalDate from = required(file, line, record, at + "from", in.from());
    if (in.to() != null && in.to().isBefore(from)) {
      throw new InputException(
          file,
          line,
          0,
          record,
          at + "to",
          "ends "
              + in.to()
              + ", before the level starts ("
              + from
              + "); expected "
              + from
              + " or later, or no end while it is in force");
    }
    return new ThreatLevelPeriod(
        country.code(),
        d.system(),
        d.level(),
        d.rank(),
        from,
        in.to(),
        source(file, line, record, at + "source", in.source()),
        file);
  }

  private Country country(String file, long line, long record, String field, String code) {
    return data.country(code)
        .orElseThrow(
            () -> {
              String hint =
                  data.suggestCountry(code)
                      .map(c -> "; nearest: " + c.code() + " (" + c.name() + ")")
                      .orElse("; see data/countries.csv");
              return new InputException(
                  file,
                  line,
                  0,
                  record,
                  field,
                  "unknown country code '"
                      + code
                      + "'; expected an ISO 3166-1 alpha-2 code"
                      + hint);
            });
  }

  private static String text(
      String file, long line, long record, String field, String v, String expected) {
    if (v == null) {
      throw new InputException(
          file, line, 0, record, field, "required field is missing; expected " + expected);
    }
    if (v.isBlank()) {
      throw new InputException(file, line, 0, record, field, "is empty; expected " + expected);
    }
    return optional(file, line, record, field, v);
  }

  private static String optional(String file, long line, long record, String field, String v) {
    if (v == null) {
      return "";
    }
    if (v.length() > Limits.MAX_STRING_LENGTH) {
      throw new InputException(
          file,
          line,
          0,
          record,
          field,
          v.length() + " characters; at most " + Limits.MAX_STRING_LENGTH);
    }
    return v.strip();
  }

  private static String source(String file, long line, long record, String field, String v) {
    String s = optional(file, line, record, field, v);
    return s.isEmpty() ? "user-declared: " + file : "user-declared: " + file + "; " + s;
  }

  private static LocalDate required(
      String file, long line, long record, String field, LocalDate d) {
    if (d == null) {
      throw new InputException(
          file,
          line,
          0,
          record,
          field,
          "required field is missing; expected an ISO-8601 date such as 2027-06-05");
    }
    return d;
  }

  private static List<String> list(
      String file, long line, long record, String field, List<String> v) {
    if (v == null) {
      return List.of();
    }
    if (v.size() > Limits.MAX_LIST_ENTRIES) {
      throw new InputException(
          file, line, 0, record, field, v.size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    List<String> out = new ArrayList<>();
    for (String s : v) {
      if (s == null || s.isBlank()) {
        throw new InputException(file, line, 0, record, field, "an empty entry; expected text");
      }
      out.add(optional(file, line, record, field, s));
    }
    return out;
  }

  private static String strip(String at) {
    return at.endsWith(".") ? at.substring(0, at.length() - 1) : at;
  }

  /** The rows of one file, with the checks that span rows (ids once, a row limit). */
  private static final class Rows {
    final List<HighProfileEvent> events = new ArrayList<>();
    final List<TensionPeriod> tensions = new ArrayList<>();
    final List<ThreatLevelPeriod> threats = new ArrayList<>();
    final Set<String> eventIds = new java.util.HashSet<>();
    final Set<String> tensionIds = new java.util.HashSet<>();
    int total;

    void count(String file, long line) {
      if (++total > MAX_ROWS) {
        throw new InputException(
            file,
            line,
            0,
            null,
            "more than " + MAX_ROWS + " rows; split the context into several files");
      }
    }

    void event(String file, long line, long record, String field, HighProfileEvent e) {
      if (!eventIds.add(e.id())) {
        throw new InputException(
            file,
            line,
            0,
            record,
            field,
            "'" + e.id() + "' is declared twice in this file; each high-profile event id once");
      }
      events.add(e);
    }

    void tension(String file, long line, long record, String field, TensionPeriod t) {
      if (!tensionIds.add(t.id())) {
        throw new InputException(
            file,
            line,
            0,
            record,
            field,
            "'" + t.id() + "' is declared twice in this file; each tension period id once");
      }
      tensions.add(t);
    }

    DeclaredContext context(String file) {
      return new DeclaredContext(events, tensions, threats);
    }
  }
}
