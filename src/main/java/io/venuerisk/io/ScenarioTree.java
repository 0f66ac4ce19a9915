package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Scenario;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scenario contract as dotted JSON paths ({@code venue.type}, {@code security.measures}), for
 * formats that name fields by path: CSV headers and iCalendar {@code X-VENUE-RISK-*} properties.
 * Values given as text are turned into the JSON the contract expects (a whole number, a yes/no
 * value, a list) and everything else stays a string, so that {@link ScenarioJson} binds and
 * validates them with the same errors as a JSON file gives.
 *
 * <p>Text is what spreadsheets and calendar apps write: a yes/no field takes {@code true/false},
 * {@code yes/no} or {@code 1/0} in any case (a spreadsheet writes {@code TRUE}), and list values
 * are separated by {@code ;}, {@code ,} or {@code |} (no vocabulary code holds any of them), so a
 * list fits in a cell whatever the file's delimiter.
 *
 * <p>The paths are read from the {@link Scenario} record itself, so a field added to the contract
 * is a column and a property without a change here.
 */
public final class ScenarioTree {
  /** What a path holds. */
  enum Kind {
    TEXT,
    WHOLE_NUMBER,
    TRUE_FALSE,
    LIST
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]*\\.[0-9]+([eE][-+]?[0-9]+)?");

  /** What separates list values in a cell; docs/scenario-format.md, "Calendars". */
  static final String LIST_SEPARATORS = ";,|";

  /**
   * The one record component that is not a field of its own: how each measure is deployed is
   * written in {@code security.measures}, as an object in JSON and in parentheses in a cell.
   */
  static final String QUALITIES = "security.qualities";

  static final String MEASURES = "security.measures";

  /** What a cell may say in parentheses after a measure, besides a placement. */
  static final String EXERCISED = "exercised";

  static final String NOT_EXERCISED = "not exercised";

  /** The spellings of a yes/no value, for error messages. */
  static final String YES_NO = "true/false, yes/no or 1/0 (any case)";

  private static final Map<String, Kind> KINDS;
  private static final Map<String, String> BY_LOWER_CASE;

  static {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    collect("", Scenario.class, kinds);
    KINDS = Collections.unmodifiableMap(kinds);
    Map<String, String> lower = new LinkedHashMap<>();
    for (String p : kinds.keySet()) {
      lower.put(p.toLowerCase(Locale.ROOT), p);
    }
    BY_LOWER_CASE = Collections.unmodifiableMap(lower);
  }

  private ScenarioTree() {}

  private static void collect(String prefix, Class<?> type, Map<String, Kind> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      if (path.equals(QUALITIES)) {
        continue;
      }
      Class<?> t = c.getType();
      if (t.isRecord()) {
        collect(path + ".", t, out);
      } else if (List.class.isAssignableFrom(t)) {
        out.put(path, Kind.LIST);
      } else if (t == Integer.class || t == int.class) {
        out.put(path, Kind.WHOLE_NUMBER);
      } else if (t == Boolean.class || t == boolean.class) {
        out.put(path, Kind.TRUE_FALSE);
      } else {
        out.put(path, Kind.TEXT);
      }
      assert !(c.getGenericType() instanceof ParameterizedType) || List.class.isAssignableFrom(t);
    }
  }

  /** Every field of the contract as a dotted path, in contract order. */
  public static List<String> paths() {
    return List.copyOf(KINDS.keySet());
  }

  /** The path as the contract spells it, matched without regard to case. */
  public static Optional<String> canonical(String path) {
    return Optional.ofNullable(BY_LOWER_CASE.get(path.strip().toLowerCase(Locale.ROOT)));
  }

  /** "unknown field 'x'; ... nearest: y", for a path that is not in the contract. */
  static String unknown(String what, String path) {
    String hint = Nearest.of(path, KINDS.keySet()).map(n -> "; nearest: " + n).orElse("");
    return "unknown "
        + what
        + " '"
        + path
        + "'; expected a scenario field path: "
        + String.join(", ", KINDS.keySet())
        + hint;
  }

  /**
   * Sets a path (canonical, see {@link #canonical}) from text; empty text is an absent fact.
   *
   * @throws InputException naming the path, for text that cannot be a yes/no value
   */
  static void put(String file, ObjectNode root, String path, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    ObjectNode parent = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    parent.set(
        parts[parts.length - 1], value(file, path, KINDS.getOrDefault(path, Kind.TEXT), text));
  }

  static JsonNode value(String file, String path, Kind kind, String text) {
    switch (kind) {
      case WHOLE_NUMBER -> {
        if (INTEGER.matcher(text).matches()) {
          BigInteger n = new BigInteger(text);
          return n.bitLength() < 32
              ? NODES.numberNode(n.intValue())
              : n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
        }
        if (DECIMAL.matcher(text).matches()) {
          return NODES.numberNode(new BigDecimal(text));
        }
        return NODES.textNode(text);
      }
      case TRUE_FALSE -> {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "1" -> NODES.booleanNode(true);
          case "false", "no", "0" -> NODES.booleanNode(false);
          // Y and N are not the contract's spellings: the binder reads them, and says so
          case "y", "n" -> NODES.textNode(text.strip());
          default ->
              throw new InputException(
                  file,
                  0,
                  0,
                  path,
                  "'" + shorten(text) + "' is not a yes/no value; expected " + YES_NO);
        };
      }
      case LIST -> {
        ArrayNode arr = NODES.arrayNode();
        for (String part : split(text)) {
          String v = part.strip();
          if (v.isEmpty()) {
            continue;
          }
          if (path.equals(MEASURES) && v.indexOf('(') >= 0) {
            arr.add(measure(file, v));
          } else {
            arr.add(v);
          }
        }
        return arr;
      }
      default -> {
        return NODES.textNode(text);
      }
    }
  }

  /**
   * A cell's list values: split at {@link #LIST_SEPARATORS} outside parentheses, so that {@code
   * bag_search (entry, exercised); cctv} is two measures.
   */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && LIST_SEPARATORS.indexOf(c) >= 0) {
        parts.add(text.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(text.substring(from));
    return parts;
  }

  /**
   * {@code bag_search (entry, exercised)}, {@code cctv (inside)}, {@code bag_search (not
   * exercised)}: a measure with how it is deployed, as the JSON object form {@code {"measure":
   * "bag_search", "placement": "entry", "exercised": true}}. The measure and placement stay text
   * for the binder, which reads their codes with the same spellings and errors as anywhere else.
   */
  static ObjectNode measure(String file, String text) {
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (close < open || !text.substring(close + 1).isBlank() || text.indexOf('(', open + 1) >= 0) {
      throw new InputException(
          file,
          0,
          0,
          MEASURES,
          "'"
              + shorten(text)
              + "' is not a measure with its deployment; expected a measure and words in one pair"
              + " of parentheses, such as bag_search (entry, exercised)");
    }
    String measure = text.substring(0, open).strip();
    ObjectNode o = NODES.objectNode();
    o.put("measure", measure);
    List<String> words = new ArrayList<>();
    for (Placement p : Placement.values()) {
      words.add(p.code());
    }
    words.add(EXERCISED);
    words.add(NOT_EXERCISED);
    for (String part : text.substring(open + 1, close).split(",", -1)) {
      String word = part.strip().replaceAll("\\s+", " ");
      String folded = word.toLowerCase(Locale.ROOT);
      String code = folded.replaceAll("[\\s_-]+", "_");
      String field;
      if (folded.equals(EXERCISED) || folded.equals(NOT_EXERCISED)) {
        field = "exercised";
      } else if (Arrays.stream(Placement.values()).anyMatch(p -> p.code().equals(code))) {
        field = "placement";
      } else {
        throw new InputException(
            file,
            0,
            0,
            MEASURES,
            (word.isEmpty() ? "an empty word" : "'" + shorten(word) + "'")
                + " in the parentheses after "
                + (measure.isEmpty() ? "the measure" : measure)
                + "; expected a placement ("
                + String.join(", ", words.subList(0, Placement.values().length))
                + "), "
                + EXERCISED
                + " or "
                + NOT_EXERCISED
                + Nearest.of(folded, words).map(n -> "; nearest: " + n).orElse(""));
      }
      if (o.has(field)) {
        throw new InputException(
            file,
            0,
            0,
            MEASURES,
            "the parentheses after "
                + measure
                + " say its "
                + field
                + " twice; give one placement and at most one of "
                + EXERCISED
                + " or "
                + NOT_EXERCISED);
      }
      if (field.equals("exercised")) {
        o.put(field, folded.equals(EXERCISED));
      } else {
        o.put(field, word); // the binder reads and reports the spelling, as for any code
      }
    }
    return o;
  }

  /** A cell quoted in a message: a whole paragraph pasted into a yes/no column stays one line. */
  private static String shorten(String text) {
    String one = text.replaceAll("\\s+", " ");
    return one.length() <= 40 ? one : one.substring(0, 37) + "...";
  }

  /**
   * Fills the fields a record leaves out of its {@code venue} from a registry venue: what the
   * record says wins, so a calendar can override a registry entry for one event.
   */
  static void fillVenue(ObjectNode scenario, ObjectNode registryVenue) {
    JsonNode v = scenario.get("venue");
    ObjectNode venue = v instanceof ObjectNode o ? o : scenario.putObject("venue");
    Iterator<Map.Entry<String, JsonNode>> it = registryVenue.fields();
    List<Map.Entry<String, JsonNode>> missing = new ArrayList<>();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!venue.has(e.getKey())) {
        missing.add(e);
      }
    }
    for (Map.Entry<String, JsonNode> e : missing) {
      venue.set(e.getKey(), e.getValue().deepCopy());
    }
  }
}
