package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasuresBasis;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads labelled case files for {@code validate}: JSON Lines or CSV whose records are scenarios
 * with the case fields of scenarios/validation/README.md: {@code label} (attack, plot,
 * secured_no_incident, ordinary), {@code source}, and optionally {@code basis}, {@code
 * measuresBasis}, {@code placement}, {@code matchedTo} and {@code crossoverOf}. The case fields are
 * taken off each record and the rest is read by the calendar reader of the format, so a case is
 * checked exactly as a calendar record is, with the same one-line errors and the same line numbers.
 *
 * <p>In CSV, {@code placement} is a cell such as {@code bag_search=entry;cctv=inside} and {@code
 * matchedTo} a {@code ;}-separated list of ids. A matched control or a crossover twin must be an
 * ordinary case naming an attack or plot of the files read together; a case that breaks a rule is
 * reported with its file, line, record and field, and the others are still read.
 */
public final class CaseFile {
  private static final String LABEL = "label";
  private static final String SOURCE = "source";
  private static final String BASIS = "basis";
  private static final String MEASURES_BASIS = "measuresBasis";
  private static final String PLACEMENT = "placement";
  private static final String MATCHED_TO = "matchedTo";
  private static final String CROSSOVER_OF = "crossoverOf";
  private static final List<String> EXTRA =
      List.of(LABEL, SOURCE, BASIS, MEASURES_BASIS, PLACEMENT, MATCHED_TO, CROSSOVER_OF);

  private CaseFile() {}

  /** The case fields of one record as written, and its id as written (null if it has none). */
  private record Raw(boolean csv, String id, Map<String, JsonNode> fields) {
    JsonNode get(String field) {
      JsonNode v = fields.get(field);
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        return null;
      }
      return v;
    }

    String text(String field) {
      JsonNode v = get(field);
      return v == null ? null : v.asText();
    }
  }

  /** A case read, with where it stands, waiting for its references to be checked. */
  private record Read(LabelledCase c, String file, long line, long record) {
    InputException error(String field, String problem) {
      return new InputException(file, line, 0, record, field, problem);
    }
  }

  /** One case file read on its own: its matched controls and twins name cases of this file. */
  public static List<LabelledCase> read(
      ScenarioJson json, Path file, Consumer<InputException> bad) {
    return read(json, List.of(file), bad);
  }

  /**
   * Case files read as one case set, in order: a matched control or twin may name a case of any of
   * them. Errors reach {@code bad} in file order, then those of the references between cases.
   *
   * @throws InputException when a file cannot be read as a case file at all
   */
  public static List<LabelledCase> read(
      ScenarioJson json, List<Path> files, Consumer<InputException> bad) {
    List<Read> read = new ArrayList<>();
    Set<String> unreadable = new HashSet<>();
    for (Path f : files) {
      readFile(json, f, read, unreadable, bad);
    }
    return link(read, unreadable, bad);
  }

  private static void readFile(
      ScenarioJson json,
      Path file,
      List<Read> out,
      Set<String> unreadable,
      Consumer<InputException> bad) {
    CalendarFormat fmt = CalendarFormat.of(file).orElse(null);
    if (fmt != CalendarFormat.jsonl && fmt != CalendarFormat.csv) {
      throw InputException.of(
          file.toString(),
          "a case file is JSON Lines (.jsonl) or CSV (.csv) of scenarios with a label and a source");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw InputException.of(file.toString(), "no such file");
    } catch (IOException e) {
      throw InputException.of(file.toString(), "cannot read: " + e.getMessage());
    }
    String name = file.toString();
    Map<Long, Raw> extras = new HashMap<>();
    // CSV only: record to {its first line in the file, its first line as handed to the reader}
    Map<Long, long[]> lines = new HashMap<>();
    byte[] stripped =
        fmt == CalendarFormat.jsonl
            ? stripLines(bytes, extras)
            : stripCsv(name, bytes, extras, lines);
    Set<Long> accepted = new HashSet<>();
    fmt.reader(json, null)
        .read(
            name,
            new ByteArrayInputStream(stripped),
            new CalendarReader.Sink() {
              @Override
              public void scenario(Scenario scenario, long record, long readerLine) {
                long[] at = lines.get(record);
                long line = at == null ? readerLine : at[0];
                Raw x = extras.getOrDefault(record, new Raw(false, null, Map.of()));
                Read r = new Read(null, name, line, record);
                try {
                  out.add(new Read(labelled(scenario, x, r), name, line, record));
                  accepted.add(record);
                } catch (InputException e) {
                  bad.accept(e);
                }
              }

              @Override
              public void rejected(InputException error) {
                long[] at = lines.get(error.record());
                if (at == null) {
                  bad.accept(error);
                  return;
                }
                // the line in the file the user wrote, not in the copy without the case columns
                long line = error.line() > 0 ? at[0] + error.line() - at[1] : at[0];
                bad.accept(
                    new InputException(
                        error.file(),
                        line,
                        error.column(),
                        error.record(),
                        error.field(),
                        error.problem()));
              }
            });
    // the ids of records that could not be read: a reference to one is not a typo
    for (Map.Entry<Long, Raw> e : extras.entrySet()) {
      if (!accepted.contains(e.getKey()) && e.getValue().id() != null) {
        unreadable.add(e.getValue().id());
      }
    }
  }

  /** The case of one record, or the first of its case fields that is wrong. */
  private static LabelledCase labelled(Scenario scenario, Raw x, Read at) {
    String labelText = x.text(LABEL);
    if (labelText == null) {
      throw at.error(LABEL, "missing; expected one of " + codes(CaseLabel.values()));
    }
    CaseLabel label = vocab(at, LABEL, "label", labelText, CaseLabel.values());
    String source = x.text(SOURCE);
    if (source == null) {
      throw at.error(SOURCE, "missing; every case names where its facts come from");
    }
    String basisText = x.text(MEASURES_BASIS);
    MeasuresBasis basis =
        basisText == null
            ? null
            : vocab(at, MEASURES_BASIS, "measures basis", basisText, MeasuresBasis.values());
    Map<Measure, Placement> placement = placement(x, scenario, at);
    List<String> matchedTo = ids(x, at);
    String crossoverOf = null;
    JsonNode twin = x.get(CROSSOVER_OF);
    if (twin != null) {
      if (!twin.isTextual()) {
        throw at.error(CROSSOVER_OF, "expected one case id, got " + kind(twin));
      }
      crossoverOf = twin.asText().trim();
    }
    if (label != CaseLabel.ORDINARY) {
      if (!matchedTo.isEmpty()) {
        throw at.error(
            MATCHED_TO,
            "only an ordinary case is a matched control; this case is labelled " + label.code());
      }
      if (crossoverOf != null) {
        throw at.error(
            CROSSOVER_OF,
            "only an ordinary case is a crossover twin; this case is labelled " + label.code());
      }
    }
    return new LabelledCase(scenario, label, source, basis, placement, matchedTo, crossoverOf);
  }

  private static <E extends Enum<E> & Vocabulary> E vocab(
      Read at, String field, String what, String text, E[] values) {
    for (E v : values) {
      if (v.code().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw at.error(
        field,
        "unknown "
            + what
            + " '"
            + text
            + "'; expected one of "
            + codes(values)
            + Nearest.of(text, Arrays.stream(values).map(Vocabulary::code).toList())
                .map(n -> "; nearest: " + n)
                .orElse(""));
  }

  private static String codes(Vocabulary[] values) {
    return String.join(", ", Arrays.stream(values).map(Vocabulary::code).toList());
  }

  private static final String PLACEMENT_SHAPE =
      "expected measures with where each sat, such as {\"bag_search\": \"entry\"}"
          + " (in CSV bag_search=entry;cctv=inside)";

  /** Measure to placement, each measure one the scenario lists. */
  private static Map<Measure, Placement> placement(Raw x, Scenario scenario, Read at) {
    JsonNode v = x.get(PLACEMENT);
    if (v == null) {
      return Map.of();
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    if (x.csv() && v.isTextual()) {
      for (String part : v.asText().split(";")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        if (eq < 0) {
          throw at.error(PLACEMENT, "'" + part.trim() + "' has no '='; " + PLACEMENT_SHAPE);
        }
        String key = part.substring(0, eq).trim();
        if (pairs.putIfAbsent(key, part.substring(eq + 1).trim()) != null) {
          throw at.error(PLACEMENT, "names " + key + " twice");
        }
      }
    } else if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw at.error(
              PLACEMENT + "." + e.getKey(),
              "expected one of " + codes(Placement.values()) + ", got " + kind(e.getValue()));
        }
        pairs.put(e.getKey(), e.getValue().asText());
      }
    } else {
      throw at.error(PLACEMENT, PLACEMENT_SHAPE + ", got " + kind(v));
    }
    Map<Measure, Placement> out = new EnumMap<>(Measure.class);
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      Measure m = vocab(at, PLACEMENT, "measure", e.getKey(), Measure.values());
      if (!scenario.measures().contains(m)) {
        throw at.error(
            PLACEMENT + "." + m.code(),
            m.code() + " is not in security.measures; a placement says where a listed measure sat");
      }
      out.put(
          m, vocab(at, PLACEMENT + "." + m.code(), "placement", e.getValue(), Placement.values()));
    }
    return out;
  }

  /** The ids of matchedTo: one id, a list of ids, or in CSV a ;-separated list. */
  private static List<String> ids(Raw x, Read at) {
    JsonNode v = x.get(MATCHED_TO);
    if (v == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (v.isTextual()) {
      for (String id : x.csv() ? v.asText().split(";") : new String[] {v.asText()}) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isTextual() || e.asText().isBlank()) {
          throw at.error(MATCHED_TO, "expected case ids, got " + kind(e) + " in the list");
        }
        ids.add(e.asText().trim());
      }
    } else {
      throw at.error(MATCHED_TO, "expected a case id or a list of case ids, got " + kind(v));
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw at.error(MATCHED_TO, "names '" + id + "' twice");
      }
    }
    return ids;
  }

  private static String kind(JsonNode v) {
    return v.isObject()
        ? "an object"
        : v.isArray() ? "a list" : v.isTextual() ? "'" + v.asText() + "'" : v.toString();
  }

  /**
   * The cases whose id is their own and whose matchedTo and crossoverOf name an attack or plot
   * read; the others are reported, in case order.
   */
  private static List<LabelledCase> link(
      List<Read> read, Set<String> unreadable, Consumer<InputException> bad) {
    Map<String, Read> byId = new HashMap<>();
    List<Read> unique = new ArrayList<>();
    for (Read r : read) {
      Read first = byId.putIfAbsent(r.c().id(), r);
      if (first != null) {
        bad.accept(
            r.error(
                "id",
                "'"
                    + r.c().id()
                    + "' is also the id of the case at "
                    + first.file()
                    + ":"
                    + first.line()
                    + "; every case has its own id"));
      } else {
        unique.add(r);
      }
    }
    List<String> targets = new ArrayList<>();
    for (Read r : unique) {
      if (r.c().label().targeted()) {
        targets.add(r.c().id());
      }
    }
    List<LabelledCase> out = new ArrayList<>();
    for (Read r : unique) {
      InputException problem = null;
      for (String id : r.c().matchedTo()) {
        problem = reference(r, MATCHED_TO, id, byId, unreadable, targets);
        if (problem != null) {
          break;
        }
      }
      if (problem == null && r.c().crossoverOf() != null) {
        problem = reference(r, CROSSOVER_OF, r.c().crossoverOf(), byId, unreadable, targets);
      }
      if (problem != null) {
        bad.accept(problem);
      } else {
        out.add(r.c());
      }
    }
    return out;
  }

  /** Null when {@code id} names an attack or plot read, else why not. */
  private static InputException reference(
      Read r,
      String field,
      String id,
      Map<String, Read> byId,
      Set<String> unreadable,
      List<String> targets) {
    Read named = byId.get(id);
    if (named != null && named.c().label().targeted()) {
      return null;
    }
    String nearest =
        Nearest.closest(id, targets).map(n -> "; nearest attack or plot: " + n).orElse("");
    if (named != null) {
      return r.error(
          field,
          "'"
              + id
              + "' is labelled "
              + named.c().label().code()
              + "; a matched control or crossover twin names an attack or plot"
              + nearest);
    }
    if (unreadable.contains(id)) {
      return r.error(field, "'" + id + "' is a case that could not be read (reported above)");
    }
    return r.error(field, "no case '" + id + "' in the files read" + nearest);
  }

  /**
   * Each line with the case fields taken out; a line that is not a JSON object is left as it is,
   * for the calendar reader to report.
   */
  private static byte[] stripLines(byte[] bytes, Map<Long, Raw> extras) {
    ObjectMapper mapper = ScenarioJson.mapper();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    long record = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String text = line;
      if (!line.isBlank()) {
        record++;
        try {
          JsonNode tree = mapper.readTree(line);
          if (tree instanceof ObjectNode o) {
            extras.put(record, take(o));
            text = mapper.writeValueAsString(o);
          }
        } catch (IOException e) {
          // left as is: the calendar reader reports it with its line and column
        }
      }
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      if (i < lines.length - 1) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static Raw take(ObjectNode o) {
    Map<String, JsonNode> x = new HashMap<>();
    for (String field : EXTRA) {
      JsonNode v = o.remove(field);
      if (v != null) {
        x.put(field, v);
      }
    }
    JsonNode id = o.get("id");
    return new Raw(false, id != null && id.isTextual() ? id.asText() : null, x);
  }

  /**
   * The CSV without the case-field columns, written back as plain comma CSV. Read as the calendar
   * reader reads it (the header's delimiter, a byte-order mark, empty lines skipped), so that row r
   * here is record r there.
   */
  private static byte[] stripCsv(
      String file, byte[] bytes, Map<Long, Raw> extras, Map<Long, long[]> lines) {
    CsvMapper csv = CsvCalendar.CSV;
    int bom =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    List<String[]> rows = new ArrayList<>();
    List<Long> firstLines = new ArrayList<>();
    try (MappingIterator<String[]> it =
        csv.readerFor(String[].class)
            .with(CsvSchema.emptySchema().withColumnSeparator(CsvCalendar.delimiter(bytes, bom)))
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES)
            .readValues(bytes, bom, bytes.length - bom)) {
      while (it.hasNext()) {
        // after hasNext(), before next(): the parser sits where the row starts, past empty lines
        firstLines.add((long) it.getCurrentLocation().getLineNr());
        rows.add(it.next());
      }
    } catch (IOException e) {
      throw InputException.of(file, "not a readable CSV file: " + PlainWords.csv(e.getMessage()));
    }
    if (rows.isEmpty()) {
      throw InputException.of(file, "the file is empty; expected a header line naming the columns");
    }
    String[] header = rows.get(0);
    int[] where = new int[EXTRA.size()];
    Arrays.fill(where, -1);
    int idColumn = -1;
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      int extra = EXTRA.indexOf(header[c].trim());
      if (extra >= 0) {
        where[extra] = c;
      } else {
        keep.add(c);
        idColumn = header[c].trim().equals("id") ? c : idColumn;
      }
    }
    StringWriter w = new StringWriter();
    try (var g = csv.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValues(w)) {
      long written = 1; // the line the next row starts on in the copy
      int counted = 0; // characters of w already counted
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        g.flush();
        StringBuffer text = w.getBuffer();
        for (; counted < text.length(); counted++) {
          written += text.charAt(counted) == '\n' ? 1 : 0;
        }
        if (r > 0) {
          lines.put((long) r, new long[] {firstLines.get(r), written});
          Map<String, JsonNode> x = new HashMap<>();
          for (int i = 0; i < where.length; i++) {
            if (where[i] >= 0 && where[i] < row.length) {
              x.put(EXTRA.get(i), TextNode.valueOf(row[where[i]]));
            }
          }
          String id = idColumn >= 0 && idColumn < row.length ? row[idColumn].trim() : null;
          extras.put((long) r, new Raw(true, id == null || id.isEmpty() ? null : id, x));
        }
        List<String> cells = new ArrayList<>();
        for (int c : keep) {
          cells.add(c < row.length ? row[c] : "");
        }
        g.write(cells.toArray(new String[0]));
      }
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }
}
