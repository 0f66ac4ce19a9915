package io.venuerisk.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CSV with a header row naming the contract's JSON paths with dots ({@code venue.type}, {@code
 * event.expectedAttendance}); an empty cell is an absent fact. Parsed by Jackson's CSV module
 * (quoting, embedded delimiters and line breaks), one row at a time. Column names are matched
 * without regard to case; a column the contract does not know stops the file, since every row would
 * be misread.
 *
 * <p>Files come as spreadsheets save them: the delimiter is whichever of {@code ,}, {@code ;} and
 * tab the header line holds most (a spreadsheet in a locale with a decimal comma writes {@code ;}),
 * a UTF-8 byte order mark is skipped, and lines may end in CRLF. Cells are read by {@link
 * ScenarioTree}: yes/no values in any common spelling, list values separated by {@code ;}, {@code
 * ,} or {@code |}.
 */
public final class CsvCalendar implements CalendarReader {
  /** A cell is held as one string: the same bound as any JSON string (docs/input-limits.md). */
  static final CsvMapper CSV =
      new CsvMapper(
          CsvFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxStringLength(Limits.MAX_JSON_STRING_LENGTH)
                      .build())
              .build());

  /** A column users may keep notes in; ignored like {@code $comment} in a scenario file. */
  static final String COMMENT = "$comment";

  /** Bytes read ahead to find the header line's delimiter; a header is well under a kilobyte. */
  static final int SNIFF_BYTES = 1 << 16;

  /** The delimiters a header may use, the contract's own first (it wins a tie). */
  static final String DELIMITERS = ",;\t";

  private final RecordBinder binder;

  public CsvCalendar(ScenarioJson json, VenueRegistry venues) {
    this.binder = new RecordBinder(json, venues);
  }

  @Override
  public void read(String file, InputStream raw, Sink sink) {
    MappingIterator<String[]> rows;
    String[] header;
    char delimiter;
    try {
      BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
      in.mark(SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.reset();
      int bom =
          head.length >= 3
                  && (head[0] & 0xff) == 0xEF
                  && (head[1] & 0xff) == 0xBB
                  && (head[2] & 0xff) == 0xBF
              ? 3
              : 0;
      Optional<CalendarFormat> other =
          CalendarFormat.looksLike(head, head.length).filter(f -> f != CalendarFormat.csv);
      if (other.isPresent()) {
        throw new InputException(file, 1, 0, null, CalendarFormat.csv.holds(other.get()));
      }
      in.skipNBytes(bom);
      delimiter = delimiter(head, bom);
      rows =
          CSV.readerFor(String[].class)
              .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
              .with(CsvParser.Feature.WRAP_AS_ARRAY)
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .with(CsvParser.Feature.TRIM_SPACES)
              .readValues(in);
      if (!rows.hasNextValue()) {
        throw InputException.of(
            file, "the file is empty; expected a header row of scenario field paths");
      }
      header = rows.nextValue();
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw InputException.of(file, "not a CSV file: " + PlainWords.csv(e.getMessage()));
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
        sink.rejected(
            new InputException(
                file,
                rows.getCurrentLocation().getLineNr(),
                0,
                record + 1,
                null,
                (constraint(e) ? PlainWords.limit(e.getMessage()) : PlainWords.csv(e.getMessage()))
                    + "; the rest of the file is skipped"));
        return;
      }
      record++;
      try {
        if (cells.length != paths.length) {
          throw InputException.of(
              file,
              "the row has "
                  + cells.length
                  + " cells; the header has "
                  + paths.length
                  + cellsHint(delimiter, cells.length > paths.length));
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.length; i++) {
          if (paths[i] != null) {
            ScenarioTree.put(file, tree, paths[i], cells[i]);
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
      String name = header[i] == null ? "" : header[i].strip();
      if (name.equals(COMMENT)) {
        continue;
      }
      String path =
          ScenarioTree.canonical(name)
              .orElseThrow(
                  () -> new InputException(file, 1, 0, null, ScenarioTree.unknown("column", name)));
      if (!seen.add(path)) {
        throw new InputException(file, 1, 0, null, "column '" + name + "' appears twice");
      }
      paths[i] = path;
    }
    if (!seen.contains("id")) {
      throw new InputException(
          file,
          1,
          0,
          null,
          "no 'id' column; the header names the scenario fields (id, name, date, venue.type, ...)");
    }
    return paths;
  }

  /**
   * The delimiter of the header line (the bytes up to the first line break outside quotes): the one
   * of {@link #DELIMITERS} it holds most outside quotes, {@code ,} if it holds none.
   */
  static char delimiter(byte[] head, int from) {
    int[] counts = new int[DELIMITERS.length()];
    boolean quoted = false;
    for (int i = from; i < head.length; i++) {
      byte b = head[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && (b == '\n' || b == '\r')) {
        break;
      } else if (!quoted) {
        int d = DELIMITERS.indexOf(b);
        if (d >= 0) {
          counts[d]++;
        }
      }
    }
    int best = 0;
    for (int d = 1; d < counts.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS.charAt(best);
  }

  /**
   * Why a row may have the wrong number of cells: a cell holding the delimiter unquoted, most often
   * a list (lists are separated by ; which is also a common delimiter).
   */
  static String cellsHint(char delimiter, boolean tooMany) {
    String name = delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
    if (!tooMany) {
      return " (cells are separated by " + name + ", as in the header)";
    }
    String lists =
        delimiter == '\t'
            ? ""
            : ", or separate list values with "
                + ScenarioTree.LIST_SEPARATORS
                    .replace(String.valueOf(delimiter), "")
                    .chars()
                    .mapToObj(c -> "'" + (char) c + "'")
                    .collect(Collectors.joining(" or "));
    return "; cells are separated by "
        + name
        + " (as in the header): quote a cell that holds "
        + (delimiter == '\t' ? "a tab" : name)
        + lists;
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
