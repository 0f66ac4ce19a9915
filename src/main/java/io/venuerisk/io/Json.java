package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one configured Jackson mapper every JSON output goes through: result records serialised in
 * their declared field order, absent optional fields left out, two-space indentation with "\n" line
 * ends on every platform. Same records, same bytes.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .addModule(unsignedZero())
          .build();

  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectWriter COMPACT = MAPPER.writer();

  private Json() {}

  /**
   * -0.0 (a rounded loss of nothing) written as 0.0: a reader would see a loss where there is none,
   * and the same result would compare unequal as text.
   */
  private static SimpleModule unsignedZero() {
    StdSerializer<Double> doubles =
        new StdSerializer<>(Double.class) {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeNumber(v == 0 ? 0.0 : v);
          }
        };
    SimpleModule m = new SimpleModule("unsigned-zero");
    m.addSerializer(Double.class, doubles);
    m.addSerializer(Double.TYPE, doubles);
    return m;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Pretty, with a final newline. */
  public static void write(Writer out, Object value) throws IOException {
    write(out, value, true);
  }

  /**
   * Pretty with a final newline, or, when not {@code indent}, on one line without one: what an HTTP
   * client gets unless it asks for indentation, as indenting costs more than the rest of the
   * writing.
   */
  public static void write(Writer out, Object value, boolean indent) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      (indent ? PRETTY : COMPACT).writeValue(g, value);
    }
    if (indent) {
      out.write('\n');
    }
  }

  /** One line, no final newline: a JSON Lines record. */
  public static String compact(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
