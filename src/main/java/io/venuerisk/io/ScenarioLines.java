package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A scenario as one line of a JSON Lines calendar (docs/scenario-format.md): the form in which
 * {@code convert} hands any calendar to other pipelines, and in which the Flink job carries an
 * event read from a CSV, JSON array or iCalendar file. Reading the line back with {@link
 * JsonLinesCalendar} gives a scenario with the same facts, so it scores to the same bytes.
 *
 * <p>The fields are the {@link Scenario} record's own components, walked as {@link ScenarioTree}
 * walks them, so a field added to the contract is written without a change here: a nested record is
 * an object, a vocabulary value its code, a date its ISO form. An unknown fact (null), an empty
 * list and an object with nothing known are left out, as a scenario file leaves them out. The one
 * exception is {@code security}, whose measures carry how each is deployed (see {@link #security}).
 */
public final class ScenarioLines {
  private static final JsonFactory JSON = new JsonFactory();

  private ScenarioLines() {}

  /** The scenario as one line of JSON, without the line break. */
  public static String line(Scenario s) {
    return new String(bytes(s), StandardCharsets.UTF_8);
  }

  /** The scenario as UTF-8 JSON on one line, without the line break. */
  public static byte[] bytes(Scenario s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      object(g, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array is never short of room
    }
    return out.toByteArray();
  }

  private static void object(JsonGenerator g, Record r) throws IOException {
    if (r instanceof Security s) {
      security(g, s);
      return;
    }
    g.writeStartObject();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = get(c, r);
      if (known(v)) {
        g.writeFieldName(c.getName());
        value(g, v);
      }
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Record r) {
      object(g, r);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object e : list) {
        value(g, e);
      }
      g.writeEndArray();
    } else if (v instanceof Vocabulary code) {
      g.writeString(code.code());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else {
      g.writeString(v.toString()); // text, and dates and times in their ISO form
    }
  }

  /**
   * {@code security} as the contract writes it: each measure its code, or the object {@code
   * {"measure", "placement", "exercised"}} when the scenario says how it is deployed, so that a
   * scenario without any such statement is written as it always was.
   */
  private static void security(JsonGenerator g, Security s) throws IOException {
    g.writeStartObject();
    g.writeFieldName("measures");
    g.writeStartArray();
    for (Measure m : s.measures()) {
      MeasureQuality q = s.quality(m);
      if (q.stated()) {
        object(g, q);
      } else {
        g.writeString(m.code());
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Whether a value says anything: not null, not an empty list, not a record of unknowns. */
  private static boolean known(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof List<?> list) {
      return !list.isEmpty();
    }
    if (v instanceof Security s) {
      return !s.measures().isEmpty();
    }
    if (v instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (known(get(c, r))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
    }
  }
}
