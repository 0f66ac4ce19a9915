package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a file that holds one scenario object or a JSON array of scenarios (the JSON calendar of
 * docs/scenario-format.md), for the commands that compare scores over many events ({@code diff}).
 * A bad record is reported with its number and line and skipped; the others are read.
 */
public final class ScenarioArrays {
  /** A JSON calendar is read whole: larger ones belong to the streaming batch reader. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private ScenarioArrays() {}

  /**
   * The scenarios of the file, in file order.
   *
   * @param rejected receives each bad record of an array (the file itself failing throws)
   * @throws InputException when the file cannot be read, is not JSON, or is a bad single scenario
   */
  public static List<Scenario> read(ScenarioJson json, Path path, Consumer<InputException> rejected) {
    String file = path.toString();
    byte[] bytes = ScenarioFiles.bytes(path, MAX_FILE_BYTES);
    if (!isArray(bytes)) {
      if (bytes.length > Limits.MAX_SCENARIO_FILE_BYTES) {
        throw InputException.of(file, "a single scenario larger than "
            + Limits.MAX_SCENARIO_FILE_BYTES + " bytes (see docs/input-limits.md)");
      }
      return List.of(json.read(file, bytes));
    }
    Text.check(file, bytes);
    ObjectMapper mapper = ScenarioJson.mapper();
    // one element at a time: what follows it (a comma) is not trailing content
    ObjectReader elements =
        mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    List<Scenario> out = new ArrayList<>();
    try (JsonParser p = mapper.getFactory().createParser(bytes)) {
      p.nextToken(); // START_ARRAY
      int record = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw InputException.of(file, "the file ends before the JSON array is closed (truncated?)");
        }
        record++;
        JsonLocation at = p.currentTokenLocation();
        long line = Math.max(at.getLineNr(), 0);
        JsonNode node = elements.readValue(p); // a syntax error here is the file's, not the record's
        if (!node.isObject()) {
          rejected.accept(new InputException(file, line, 0, record, null,
              "expected a JSON object with a scenario, found " + node.getNodeType().name().toLowerCase()));
          continue;
        }
        try (JsonParser element = node.traverse(mapper)) {
          element.nextToken();
          out.add(json.read(file, element));
        } catch (InputException e) {
          rejected.accept(new InputException(file, e.line() > 0 ? e.line() : line, e.line() > 0 ? e.column() : 0,
              record, e.field(), e.problem()));
        }
      }
      if (p.nextToken() != null) {
        throw InputException.of(file, "unexpected content after the JSON array; expected end of file");
      }
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    return out;
  }

  private static boolean isArray(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      i = 3; // a UTF-8 byte-order mark
    }
    for (; i < bytes.length; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return bytes[i] == '[';
      }
    }
    return false;
  }
}
