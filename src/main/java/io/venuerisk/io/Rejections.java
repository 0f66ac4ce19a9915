package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.model.InputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The rejected records of a batch, for the report to list: each as the problem object {@code POST
 * /api/batch} answers with (one line of JSON), kept in a temporary file from the first one, so that
 * a calendar of a million bad lines costs disk, not heap. Added to by the reading thread, read by
 * the report at its end.
 */
public final class Rejections implements AutoCloseable {
  /** The {@code title} of every rejected record's problem object. */
  public static final String TITLE =
      "A record of the calendar was rejected; the others were scored";

  private Path file;
  private Writer out;
  private long count;

  /** The problem object of a rejected record: what stderr says, and the parts of it. */
  public static ObjectNode problem(InputException e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", "urn:venue-risk:problem:invalid-input");
    o.put("title", TITLE);
    o.put("status", 400);
    o.put("detail", e.getMessage());
    where(o, e);
    return o;
  }

  /** The members that say where and what: file, line, column, record, field, problem. */
  public static void where(ObjectNode o, InputException e) {
    if (e.file() != null) {
      o.put("file", e.file());
    }
    if (e.line() > 0) {
      o.put("line", e.line());
    }
    if (e.column() > 0) {
      o.put("column", e.column());
    }
    if (e.record() > 0) {
      o.put("record", e.record());
    }
    if (e.field() != null && !e.field().isEmpty()) {
      o.put("field", e.field());
    }
    o.put("problem", e.problem());
  }

  public void add(InputException e) {
    try {
      if (out == null) {
        file = Files.createTempFile("venue-risk-rejected-", ".tmp");
        file.toFile().deleteOnExit();
        OutOfHeap.remove(file.toFile());
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 14);
      }
      out.write(Json.compact(problem(e)));
      out.write('\n');
      count++;
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  public long count() {
    return count;
  }

  /** Each rejected record's problem object as one line of JSON, in the order they came. */
  public void lines(Consumer<String> each) throws IOException {
    if (out == null) {
      return;
    }
    out.flush();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        each.accept(line);
      }
    }
  }

  /** Each rejected record's problem object, in the order they came. */
  public void each(Consumer<JsonNode> each) throws IOException {
    lines(
        line -> {
          try {
            each.accept(Json.mapper().readTree(line));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A rejected record as the calendar reports' tables show it: where, and what went wrong. */
  public record Row(String file, String line, String record, String problem) {}

  /** What writes one row of a report's table of rejected records. */
  @FunctionalInterface
  public interface RowWriter {
    void write(Row row) throws IOException;
  }

  /** Each rejected record as a table row, in the order they came. */
  public void rows(RowWriter writer) throws IOException {
    try {
      each(
          p -> {
            String field = p.path("field").asText("");
            Row row =
                new Row(
                    p.path("file").asText(""),
                    p.has("line") ? p.get("line").asText() : "",
                    p.has("record") ? p.get("record").asText() : "",
                    (field.isEmpty() ? "" : field + ": ") + p.path("problem").asText(""));
            try {
              writer.write(row);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
        OutOfHeap.forget(file.toFile());
      }
    } catch (IOException e) {
      // a temporary file, deleted on exit as well
    }
  }
}
