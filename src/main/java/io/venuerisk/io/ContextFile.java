package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.reference.DeclaredContext;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Path;
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
 * <p>This class reads the file's framing (the JSON object and its arrays, the CSV header) and its
 * limits; each kind of row is read and checked by its own class ({@link RowKind}), and {@link
 * ContextRow} holds the checks they share.
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
  static final String COMMENT = "$comment";

  private static final Set<String> LIST_COLUMNS =
      Set.of("countries", "cities", "cites", "communities");
  private static final Set<String> BOOLEAN_COLUMNS = Set.of("sporting", "european", "provisional");

  // built once, as each kind's row reader is: a mapper per file and a reader per CSV row were the
  // cost of a large context file
  static final ObjectMapper MAPPER = ScenarioJson.mapper();

  /**
   * One kind of row, read by its own class: {@link ContextHighProfileEvents}, {@link
   * ContextTensionPeriods}, {@link ContextThreatLevels}. Each keeps the rows it has read.
   */
  interface RowKind {
    /** The JSON array of these rows. */
    String key();

    /** What messages call a CSV file of these rows. */
    String table();

    /** The fields of a row: the columns of a CSV file. */
    List<String> columns();

    /** Reads the row at {@code p} (a JSON object, or a CSV row's tree), checks it and keeps it. */
    void read(ContextRow at, JsonParser p) throws IOException;
  }

  private final ContextHighProfileEvents events;
  private final ContextTensionPeriods tensions = new ContextTensionPeriods();
  private final ContextThreatLevels threats;
  private int total;

  private ContextFile(ReferenceData data) {
    this.events = new ContextHighProfileEvents(data);
    this.threats = new ContextThreatLevels(data);
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
        RowKind kind = key.equals(EVENTS) ? events : key.equals(TENSIONS) ? tensions : threats;
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String where = key + "[" + index + "]";
          long line = line(p);
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InputException(
                file, line, column(p), where, "wrong type; expected a JSON object");
          }
          count(file, line);
          try {
            kind.read(new ContextRow(file, line, 0, where + "."), p);
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
    return context();
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
    RowKind kind;
    if (names.contains("level")) {
      kind = threats;
    } else if (names.contains("countries")) {
      kind = events;
    } else if (names.contains("communities")) {
      kind = tensions;
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
    List<String> valid = kind.columns();
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
                + kind.table()
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
      count(file, line);
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
        kind.read(new ContextRow(file, line, record, ""), p);
      } catch (IOException e) {
        InputException ie = ScenarioJson.translate(file, e);
        throw new InputException(file, line, 0, record, ie.field(), ie.problem());
      }
    }
    if (record == 0) {
      throw new InputException(file, 1, 0, null, "the file has a header but no rows");
    }
    return context();
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

  // ------------------------------------------------------------------ rows

  /** Counts a row against the limit of rows of all kinds in one file. */
  private void count(String file, long line) {
    if (++total > MAX_ROWS) {
      throw new InputException(
          file,
          line,
          0,
          null,
          "more than " + MAX_ROWS + " rows; split the context into several files");
    }
  }

  private DeclaredContext context() {
    return new DeclaredContext(events.rows, tensions.rows, threats.rows);
  }
}
