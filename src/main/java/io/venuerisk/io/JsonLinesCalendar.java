package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * JSON Lines: one scenario per line; blank lines are skipped. A file whose first record is a JSON
 * array or an object spread over several lines (pretty-printed) is refused whole, with one error.
 * Lines are split on the raw bytes, so a line that is not UTF-8 or is longer than {@link
 * #MAX_LINE_BYTES} is rejected on its own and the next line is read as usual.
 */
public final class JsonLinesCalendar implements CalendarReader {
  /** The longest line read; a scenario is well under a kilobyte. */
  public static final int MAX_LINE_BYTES = (int) Limits.MAX_SCENARIO_FILE_BYTES;

  private final RecordBinder binder;
  private final ScenarioJson json;

  public JsonLinesCalendar(ScenarioJson json, VenueRegistry venues) {
    this.json = json;
    this.binder = new RecordBinder(json, venues);
  }

  @Override
  public void read(String file, InputStream in, Sink sink) {
    Records records = records(file, in);
    while (records.next()) {
      if (records.error() != null) {
        sink.rejected(records.error());
        continue;
      }
      long record = records.record();
      long lineNo = records.line();
      try {
        sink.scenario(bind(file, records.buffer(), records.length()), record, lineNo);
      } catch (InputException e) {
        sink.rejected(CalendarReader.place(e, record, lineNo, lineNo - 1));
      }
    }
  }

  /**
   * One record of a JSON Lines file before it is bound: its number, the line it is on, and its
   * bytes, or the error that rejects it without binding (a line too long, a read that failed).
   */
  public record Record(long record, long line, byte[] bytes, InputException error) {}

  /**
   * The records of {@code in} one at a time, numbered and checked as {@link #read} reads them: for
   * a reader that binds records elsewhere than it reads them (the Flink job reads a file on one
   * task and binds its records on many).
   */
  public Records records(String file, InputStream in) {
    return new Records(file, in);
  }

  /**
   * Binds a record that {@link Records#copy} returned without an error.
   *
   * @throws InputException placed at the record: file, line, record number, field and reason
   */
  public Scenario bind(String file, Record r) {
    try {
      return bind(file, r.bytes(), r.bytes().length);
    } catch (InputException e) {
      throw CalendarReader.place(e, r.record(), r.line(), r.line() - 1);
    }
  }

  /**
   * Reads the records of one file in order; see {@link #records}. The current record's bytes are
   * the splitter's buffer, valid until the next call of {@link #next} ({@link #copy} keeps them).
   */
  public final class Records {
    private final String file;
    private final LineSplitter lines;
    private long record;
    private long lineNo;
    private InputException error;
    private boolean done;

    private Records(String file, InputStream in) {
      this.file = file;
      this.lines = new LineSplitter(in, MAX_LINE_BYTES);
    }

    /**
     * Moves to the next record; false after the last (after a read error, the rest of the file is
     * skipped). Blank lines are not records.
     *
     * @throws InputException when the first record shows the file is not JSON Lines at all (a JSON
     *     array, pretty-printed JSON): the whole file is refused
     */
    public boolean next() {
      error = null;
      if (done) {
        return false;
      }
      try {
        while (lines.next()) {
          lineNo = lines.lineNumber();
          if (lines.tooLong()) {
            record++;
            error =
                new InputException(
                    file,
                    lineNo,
                    0,
                    record,
                    null,
                    "line longer than "
                        + MAX_LINE_BYTES
                        + " bytes; expected one scenario per line");
            return true;
          }
          byte[] bytes = lines.bytes();
          if (blank(bytes, lines.length())) {
            continue;
          }
          if (record == 0) {
            String wrong = notOnePerLine(bytes, lines.length());
            if (wrong != null) {
              done = true;
              throw new InputException(file, lineNo, 0, null, wrong);
            }
          }
          record++;
          return true;
        }
      } catch (IOException e) {
        done = true;
        lineNo = lines.lineNumber();
        error =
            new InputException(
                file,
                lineNo,
                0,
                record + 1,
                null,
                "cannot read: " + e.getMessage() + "; the rest of the file is skipped");
        return true;
      }
      done = true;
      return false;
    }

    /** 1-based number of the current record. */
    public long record() {
      return error != null && done ? record + 1 : record;
    }

    /** The line the current record is on. */
    public long line() {
      return lineNo;
    }

    /** Why the current record is rejected without binding, or null. */
    public InputException error() {
      return error;
    }

    /** The current record's bytes: the first {@link #length} of the splitter's buffer. */
    public byte[] buffer() {
      return lines.bytes();
    }

    public int length() {
      return lines.length();
    }

    /** The current record, its bytes copied out of the buffer. */
    public Record copy() {
      return new Record(
          record(),
          lineNo,
          error != null ? null : Arrays.copyOf(lines.bytes(), lines.length()),
          error);
    }
  }

  // the line is bound straight from the splitter's buffer, which the next line overwrites
  private Scenario bind(String file, byte[] line, int length) {
    if (!binder.hasVenues()) {
      return json.read(file, line, length);
    }
    Text.check(file, line, length);
    JsonNode tree;
    try {
      tree = binder.mapper.readTree(line, 0, length);
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    if (!(tree instanceof ObjectNode o)) {
      throw InputException.of(
          file,
          "expected a JSON object with the scenario, found "
              + (tree == null
                  ? "nothing"
                  : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return binder.bind(file, o);
  }

  /**
   * Why the first record shows the file is not JSON Lines at all, or null: a JSON array, an object
   * that goes on past its line (pretty-printed JSON), a CSV header or an iCalendar file. Said once
   * for the file, since every line of it would be rejected on its own.
   */
  private String notOnePerLine(byte[] line, int length) {
    int i = 0;
    if (length >= 3
        && (line[0] & 0xff) == 0xEF
        && (line[1] & 0xff) == 0xBB
        && (line[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    if (i < length && line[i] == '[') {
      return "the file holds a JSON array, and JSON Lines holds one scenario object per line;"
          + " name the file .json (or give --input-format json), or write one object per line";
    }
    if (i == length || line[i] != '{') {
      // another calendar format (a CSV header, BEGIN:VCALENDAR): every line would be malformed JSON
      return CalendarFormat.looksLike(line, length)
          .filter(f -> f == CalendarFormat.csv || f == CalendarFormat.ics)
          .map(CalendarFormat.jsonl::holds)
          .orElse(null);
    }
    try (JsonParser p = binder.mapper.getFactory().createParser(line, 0, length)) {
      p.nextToken();
      p.skipChildren();
      return null;
    } catch (JsonEOFException e) {
      return "the first scenario does not end on its line: JSON Lines holds one complete scenario"
          + " object per line, and this looks like pretty-printed JSON; write each scenario on one"
          + " line, or save them as a JSON array in a .json file";
    } catch (IOException e) {
      return null; // malformed on its own line: rejected as a record, with its own message
    }
  }

  private static boolean blank(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Splits a byte stream on '\n' (dropping a '\r' before it), within a length limit. */
  static final class LineSplitter {
    private final InputStream in;
    private final int limit;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;
    private long number;
    private boolean eof;

    LineSplitter(InputStream in, int limit) {
      this.in = in;
      this.limit = limit;
    }

    boolean next() throws IOException {
      if (eof) {
        return false;
      }
      length = 0;
      tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == end) {
          end = in.read(buf);
          pos = 0;
          if (end <= 0) {
            end = 0;
            eof = true;
            if (!any) {
              return false;
            }
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        append(start, pos - start);
        if (pos < end) {
          pos++; // the '\n'
          break;
        }
      }
      number++;
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      return true;
    }

    private void append(int from, int n) {
      if (tooLong || n == 0) {
        return;
      }
      if (length + n > limit) {
        tooLong = true;
        return;
      }
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(length + n, line.length * 2));
      }
      System.arraycopy(buf, from, line, length, n);
      length += n;
    }

    long lineNumber() {
      return number;
    }

    boolean tooLong() {
      return tooLong;
    }

    byte[] bytes() {
      return line;
    }

    int length() {
      return length;
    }
  }
}
