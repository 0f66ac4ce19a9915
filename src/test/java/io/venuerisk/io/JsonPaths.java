package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The dotted paths of a JSON object's leaves ({@code venue.type}), in the order written: what the
 * tests compare with {@link ScenarioTree#paths()} to show a writer leaves no contract field out.
 */
public final class JsonPaths {
  private JsonPaths() {}

  public static List<String> of(String json) throws IOException {
    List<String> out = new ArrayList<>();
    collect("", new ObjectMapper().readTree(json), out);
    return out;
  }

  private static void collect(String prefix, JsonNode node, List<String> out) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode v = node.get(name);
      if (v.isObject()) {
        collect(prefix + name + ".", v, out);
      } else {
        out.add(prefix + name);
      }
    }
  }
}
