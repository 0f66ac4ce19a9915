package io.venuerisk.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * CSV with a header row naming the contract's JSON paths with dots ({@code venue.type},
 * {@code event.expectedAttendance}); list values are separated by {@code ;} and an empty cell is
 * an absent fact. Parsed by Jackson's CSV module (quoting, embedded commas and line breaks), one
 * row at a time. Column names are matched without regard to case; a column the contract does not
 * know stops the file, since every row would be misread.
 */
public final class CsvCalendar implements CalendarReader {
  /** A cell is held as one string: the same bound as any JSON string (docs/input-limits.md). */
  private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Limits.MAX_JSON_STRING_LENGTH).build())
      .build());
  /** A column users may keep notes in; ignored like {@code $comment} in a scenario file. */
  private static final String COMMENT = "$comment";

  private final RecordBinder binder;

  public CsvCalendar(ScenarioJson json, VenueRegistry venues) {
    this.binder = new RecordBinder(json, venues);
  }

  @Override
  public void read(String file, InputStream in, Sink sink) {
    MappingIterator<String[]> rows;
    String[] header;
    try {
      rows = CSV.readerFor(String[].class)
          .with(CsvParser.Feature.WRAP_AS_ARRAY)
          .with(CsvParser.Feature.SKIP_EMPTY_LINES)
          .with(CsvParser.Feature.TRIM_SPACES)
          .readValues(in);
      if (!rows.hasNextValue()) {
        throw InputException.of(file, "the file is empty; expected a header row of scenario field paths");
      }
      header = rows.nextValue();
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw InputException.of(file, "not a CSV file: " + ScenarioJson.firstLine(e.getMessage()));
    }
    String[] paths = header(file, header);
    long record = 0;
    while (true) {
      String[] cells;
      long line;
      try {
        if (!rows.hasNextValue()) {
          break;
        }
        cells = rows.nextValue();
        line = rows.getParser().currentTokenLocation().getLineNr();
      } catch (IOException | RuntimeException e) {
        sink.rejected(new InputException(file, rows.getCurrentLocation().getLineNr(), 0, record + 1,
            null, (constraint(e) ? "input past a size limit: " + ScenarioJson.firstLine(e.getMessage())
                + " (see docs/input-limits.md)" : "malformed CSV: " + ScenarioJson.firstLine(e.getMessage()))
                + "; the rest of the file is skipped"));
        return;
      }
      record++;
      try {
        if (cells.length != paths.length) {
          throw InputException.of(file, "the row has " + cells.length + " cells; the header has "
              + paths.length);
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.length; i++) {
          if (paths[i] != null) {
            ScenarioTree.put(tree, paths[i], cells[i]);
          }
        }
        sink.scenario(binder.bind(file, tree), record, line);
      } catch (InputException e) {
        sink.rejected(CalendarReader.place(e, record, line, 0));
      }
    }
  }

  /** Canonical paths per column; null for a comment column. */
  private static String[] header(String file, String[] header) {
    String[] paths = new String[header.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.length; i++) {
      String raw = header[i] == null ? "" : header[i].strip();
      String name = i == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
      if (name.equals(COMMENT)) {
        continue;
      }
      String path = ScenarioTree.canonical(name).orElseThrow(() ->
          new InputException(file, 1, 0, null, ScenarioTree.unknown("column", name)));
      if (!seen.add(path)) {
        throw new InputException(file, 1, 0, null, "column '" + name + "' appears twice");
      }
      paths[i] = path;
    }
    if (!seen.contains("id")) {
      throw new InputException(file, 1, 0, null,
          "no 'id' column; the header names the scenario fields (id, name, date, venue.type, ...)");
    }
    return paths;
  }

  private static boolean constraint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }
}
