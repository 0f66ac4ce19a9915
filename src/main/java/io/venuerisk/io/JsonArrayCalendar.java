package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A JSON array of scenarios, read element by element with Jackson's streaming parser: memory holds
 * one scenario at a time, whatever the size of the file. A bad element is rejected and the parser
 * skips to the next; malformed JSON ends the file there (what follows cannot be trusted).
 */
public final class JsonArrayCalendar implements CalendarReader {
  /** Bytes looked at to tell another calendar format; a header line is well under this. */
  private static final int HEAD_BYTES = 1 << 12;

  private final RecordBinder binder;

  public JsonArrayCalendar(ScenarioJson json, VenueRegistry venues) {
    this.binder = new RecordBinder(json, venues);
  }

  @Override
  public void read(String file, InputStream in, Sink sink) {
    JsonParser p;
    JsonToken first;
    BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
    try {
      buffered.mark(HEAD_BYTES);
      byte[] head = buffered.readNBytes(HEAD_BYTES);
      buffered.reset();
      // another calendar format (CSV, iCalendar) is one error for the file, not malformed JSON
      Optional<CalendarFormat> other =
          CalendarFormat.looksLike(head, head.length)
              .filter(f -> f == CalendarFormat.csv || f == CalendarFormat.ics);
      if (other.isPresent()) {
        throw new InputException(file, 1, 0, null, CalendarFormat.json.holds(other.get()));
      }
      p = binder.mapper.getFactory().createParser(buffered);
      first = p.nextToken();
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    try (p) {
      if (first == null) {
        throw InputException.of(file, "the file is empty; expected a JSON array of scenarios");
      }
      if (first != JsonToken.START_ARRAY) {
        throw new InputException(
            file,
            p.currentTokenLocation().getLineNr(),
            p.currentTokenLocation().getColumnNr(),
            null,
            "expected a JSON array of scenarios ([{...}, {...}]); for one scenario per line name the"
                + " file .jsonl");
      }
      readElements(file, p, sink);
    } catch (IOException e) {
      // closing the parser failed: nothing left to report
    }
  }

  private void readElements(String file, JsonParser p, Sink sink) {
    JsonStreamContext array = p.getParsingContext();
    long record = 0;
    while (true) {
      JsonToken t;
      long line;
      try {
        t = p.nextToken();
        line = p.currentTokenLocation().getLineNr();
      } catch (IOException e) {
        sink.rejected(rest(ScenarioJson.translate(file, e), record + 1));
        return;
      }
      if (t == JsonToken.END_ARRAY) {
        break;
      }
      if (t == null) {
        sink.rejected(
            new InputException(
                file,
                0,
                0,
                record + 1,
                null,
                "the file ends before the array is closed (truncated?)"));
        return;
      }
      record++;
      try {
        if (t != JsonToken.START_OBJECT) {
          throw new InputException(
              file,
              line,
              p.currentTokenLocation().getColumnNr(),
              null,
              "expected a JSON object with the scenario, found " + describe(t));
        }
        sink.scenario(bind(file, p), record, line);
      } catch (InputException e) {
        sink.rejected(CalendarReader.place(e, record, line, 0));
        if (!skipElement(p, array)) {
          sink.rejected(
              new InputException(
                  file,
                  0,
                  0,
                  record,
                  null,
                  "cannot find the end of this record; the rest of the file is skipped"));
          return;
        }
      } catch (JsonParseException e) {
        boolean duplicate =
            e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        if (duplicate && skipElement(p, array)) {
          sink.rejected(CalendarReader.place(ScenarioJson.translate(file, e), record, line, 0));
          continue;
        }
        sink.rejected(rest(ScenarioJson.translate(file, e), record));
        return;
      } catch (IOException e) {
        sink.rejected(CalendarReader.place(ScenarioJson.translate(file, e), record, line, 0));
        if (!skipElement(p, array)) {
          return;
        }
      }
    }
    try {
      if (p.nextToken() != null) {
        sink.rejected(
            new InputException(
                file,
                p.currentTokenLocation().getLineNr(),
                0,
                null,
                "unexpected content after the array of scenarios"));
      }
    } catch (IOException e) {
      sink.rejected(ScenarioJson.translate(file, e));
    }
  }

  private io.venuerisk.model.Scenario bind(String file, JsonParser p) throws IOException {
    if (!binder.hasVenues()) {
      return binder.bind(file, p);
    }
    JsonNode tree = binder.tree(p);
    return binder.bind(file, (ObjectNode) tree);
  }

  /** Moves the parser to the last token of the current element; false if the JSON is broken. */
  private static boolean skipElement(JsonParser p, JsonStreamContext array) {
    try {
      while (p.getParsingContext() != array) {
        if (p.nextToken() == null) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InputException rest(InputException e, long record) {
    return new InputException(
        e.file(),
        e.line(),
        e.column(),
        record,
        e.field(),
        e.problem() + "; the rest of the file is skipped");
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> t.asString();
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
