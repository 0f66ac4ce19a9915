package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Scenario;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a labelled case file for {@code validate}: JSON Lines or CSV whose records are scenarios
 * with three more fields, {@code label} (attack, plot, secured_no_incident, ordinary), {@code
 * source} and, optionally, {@code basis}. The three are taken off each record and the rest is read
 * by the calendar reader of the format, so a case is checked exactly as a calendar record is, with
 * the same one-line errors and the same line numbers.
 */
public final class CaseFile {
  private static final List<String> EXTRA = List.of("label", "source", "basis");

  private CaseFile() {}

  public static List<LabelledCase> read(
      ScenarioJson json, Path file, Consumer<InputException> bad) {
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
    Map<Long, String[]> extras = new HashMap<>();
    byte[] stripped =
        fmt == CalendarFormat.jsonl ? stripLines(bytes, extras) : stripCsv(name, bytes, extras);
    List<LabelledCase> out = new ArrayList<>();
    fmt.reader(json, null)
        .read(
            name,
            new ByteArrayInputStream(stripped),
            new CalendarReader.Sink() {
              @Override
              public void scenario(Scenario scenario, long record, long line) {
                String[] x = extras.getOrDefault(record, new String[3]);
                String labelText = x[0];
                if (labelText == null || labelText.isBlank()) {
                  bad.accept(
                      new InputException(
                          name, line, 0, record, "label", "missing; expected one of " + codes()));
                  return;
                }
                CaseLabel label;
                try {
                  label = CaseLabel.valueOf(labelText.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                  bad.accept(
                      new InputException(
                          name,
                          line,
                          0,
                          record,
                          "label",
                          "unknown label '"
                              + labelText
                              + "'; expected one of "
                              + codes()
                              + Nearest.of(
                                      labelText,
                                      Arrays.stream(CaseLabel.values())
                                          .map(CaseLabel::code)
                                          .toList())
                                  .map(n -> "; nearest: " + n)
                                  .orElse("")));
                  return;
                }
                if (x[1] == null || x[1].isBlank()) {
                  bad.accept(
                      new InputException(
                          name,
                          line,
                          0,
                          record,
                          "source",
                          "missing; every case names where its facts come from"));
                  return;
                }
                out.add(new LabelledCase(scenario, label, x[1]));
              }

              @Override
              public void rejected(InputException error) {
                bad.accept(error);
              }
            });
    return out;
  }

  private static String codes() {
    return String.join(", ", Arrays.stream(CaseLabel.values()).map(CaseLabel::code).toList());
  }

  /**
   * Each line with label, source and basis taken out; a line that is not a JSON object is left as
   * it is, for the calendar reader to report.
   */
  private static byte[] stripLines(byte[] bytes, Map<Long, String[]> extras) {
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

  private static String[] take(ObjectNode o) {
    String[] x = new String[3];
    for (int i = 0; i < EXTRA.size(); i++) {
      JsonNode v = o.remove(EXTRA.get(i));
      x[i] = v == null || v.isNull() ? null : v.asText();
    }
    return x;
  }

  /**
   * The CSV without the label, source and basis columns, written back as plain comma CSV. Read as
   * the calendar reader reads it (the header's delimiter, a byte-order mark, empty lines skipped),
   * so that row r here is record r there.
   */
  private static byte[] stripCsv(String file, byte[] bytes, Map<Long, String[]> extras) {
    CsvMapper csv = CsvCalendar.CSV;
    int bom =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        csv.readerFor(String[].class)
            .with(CsvSchema.emptySchema().withColumnSeparator(CsvCalendar.delimiter(bytes, bom)))
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES)
            .readValues(bytes, bom, bytes.length - bom)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    } catch (IOException e) {
      throw InputException.of(file, "not a readable CSV file: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw InputException.of(file, "the file is empty; expected a header line naming the columns");
    }
    String[] header = rows.get(0);
    int[] where = new int[EXTRA.size()];
    Arrays.fill(where, -1);
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      int extra = EXTRA.indexOf(header[c].trim());
      if (extra >= 0) {
        where[extra] = c;
      } else {
        keep.add(c);
      }
    }
    StringWriter w = new StringWriter();
    try (var g = csv.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValues(w)) {
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        if (r > 0) {
          String[] x = new String[3];
          for (int i = 0; i < where.length; i++) {
            x[i] = where[i] >= 0 && where[i] < row.length ? row[where[i]] : null;
          }
          extras.put((long) r, x);
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
