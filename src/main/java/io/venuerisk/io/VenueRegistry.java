package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Venue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --venues FILE}: a JSON array of {@code venue} objects, each with a unique {@code id}.
 * iCalendar events name their venue in LOCATION, as calendar apps write it ({@link #locate}: by id,
 * by name, or by a venue name within a free-text address); records of the other formats may give
 * only {@code venue.id} and take the rest from here.
 */
public final class VenueRegistry {
  /** A registry is read whole; this many venues is far more than any city has. */
  public static final int MAX_VENUES = 100_000;

  private final String file;
  private final Map<String, ObjectNode> byId;

  /** Venues by their name as {@link #normalise} writes it, in registry order. */
  private final Map<String, List<ObjectNode>> byName;

  /** The most words in a venue name: the longest run of a LOCATION's words that can be one. */
  private final int maxNameWords;

  private VenueRegistry(
      String file, Map<String, ObjectNode> byId, Map<String, List<ObjectNode>> byName) {
    this.file = file;
    this.byId = byId;
    this.byName = byName;
    int words = 0;
    for (String name : byName.keySet()) {
      words = Math.max(words, name.split(" ").length);
    }
    this.maxNameWords = words;
  }

  /**
   * @throws InputException naming file, line and venue for anything wrong (exit code 3)
   */
  public static VenueRegistry read(Path path) {
    return read(path.toString(), ScenarioFiles.bytes(path, 64L << 20));
  }

  /** A registry that did not come from a file of its own (an upload); {@code file} names it. */
  public static VenueRegistry read(String file, byte[] bytes) {
    if (bytes.length == 0) {
      throw InputException.of(
          file, "the file is empty; expected a JSON array of venue objects, each with an id");
    }
    Text.check(file, bytes);
    ObjectMapper mapper = ScenarioJson.mapper();
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    Map<String, List<ObjectNode>> byName = new LinkedHashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new InputException(
            file,
            p.currentTokenLocation().getLineNr(),
            0,
            null,
            "expected a JSON array of venue objects, each with an id");
      }
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        n++;
        long line = p.currentTokenLocation().getLineNr();
        JsonNode node =
            mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p);
        if (!(node instanceof ObjectNode venue)) {
          throw new InputException(file, line, 0, n, null, "expected a venue object");
        }
        Venue v;
        try {
          v = mapper.treeToValue(venue, Venue.class);
        } catch (IOException e) {
          throw CalendarReader.place(ScenarioJson.translate(file, e), n, line, 0);
        }
        if (v.id() == null || v.id().isBlank()) {
          throw new InputException(
              file,
              line,
              0,
              n,
              "id",
              "required field is missing; expected the id that calendars use to name the venue");
        }
        if (byId.containsKey(v.id())) {
          throw new InputException(file, line, 0, n, "id", "duplicate venue id '" + v.id() + "'");
        }
        if (n > MAX_VENUES) {
          throw InputException.of(file, "more than " + MAX_VENUES + " venues");
        }
        byId.put(v.id(), venue);
        String name = normalise(v.name());
        if (!name.isEmpty()) {
          byName.computeIfAbsent(name, k -> new ArrayList<>()).add(venue);
        }
      }
      if (p.nextToken() != null) {
        throw new InputException(
            file,
            p.currentTokenLocation().getLineNr(),
            0,
            null,
            "unexpected content after the array of venues");
      }
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    return new VenueRegistry(
        file, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byName));
  }

  public String file() {
    return file;
  }

  public int size() {
    return byId.size();
  }

  /**
   * The venue a LOCATION names, as calendar apps write it (docs/batch.md, "How LOCATION finds its
   * venue"), trying in turn:
   *
   * <ol>
   *   <li>a venue whose id is the LOCATION;
   *   <li>a venue whose name is the LOCATION, both {@linkplain #normalise normalised} (case,
   *       punctuation and spacing do not count);
   *   <li>a venue whose name is contained, as whole words, in the LOCATION's first comma-separated
   *       part ({@code Victoria Square} in {@code Victoria Square, Birmingham B1 1BD, UK}); the
   *       longest such name wins;
   *   <li>the same in the whole LOCATION ({@code Christmas market, Victoria Square, Birmingham}).
   * </ol>
   *
   * Where one step finds several venues (two venues share a name, or two names of one length are in
   * the LOCATION), the one whose city is in the LOCATION is taken; failing that the LOCATION is
   * ambiguous and rejected, naming the venues. A near miss is offered, never taken: a venue guessed
   * from a typo would be scored without a word.
   *
   * @throws InputException on field LOCATION, with the nearest venue when nothing matches
   */
  public ObjectNode locate(String file, String location) {
    String key = location.strip();
    ObjectNode v = byId.get(key);
    if (v != null) {
      return v;
    }
    String whole = normalise(key);
    List<ObjectNode> named = byName.getOrDefault(whole, List.of());
    if (named.isEmpty()) {
      int comma = key.indexOf(',');
      named = comma < 0 ? List.of() : within(normalise(key.substring(0, comma)));
    }
    if (named.isEmpty()) {
      named = within(whole);
    }
    if (named.isEmpty()) {
      throw new InputException(file, 0, 0, "LOCATION", notFound(key, whole));
    }
    return one(file, key, whole, named);
  }

  /** The venues whose names are the longest run of whole words of {@code text} that is a name. */
  private List<ObjectNode> within(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] words = text.split(" ");
    for (int n = Math.min(maxNameWords, words.length); n >= 1; n--) {
      List<ObjectNode> found = new ArrayList<>();
      for (int start = 0; start + n <= words.length; start++) {
        String run = String.join(" ", Arrays.asList(words).subList(start, start + n));
        for (ObjectNode venue : byName.getOrDefault(run, List.of())) {
          if (!found.contains(venue)) {
            found.add(venue);
          }
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** The one venue of several that the LOCATION names by its city as well, or an error. */
  private ObjectNode one(String file, String location, String whole, List<ObjectNode> venues) {
    if (venues.size() == 1) {
      return venues.get(0);
    }
    List<ObjectNode> inCity = new ArrayList<>();
    String padded = " " + whole + " ";
    for (ObjectNode v : venues) {
      String city = normalise(v.path("city").asText(""));
      if (!city.isEmpty() && padded.contains(" " + city + " ")) {
        inCity.add(v);
      }
    }
    if (inCity.size() == 1) {
      return inCity.get(0);
    }
    List<ObjectNode> listed = inCity.isEmpty() ? venues : inCity;
    List<String> names = new ArrayList<>();
    for (ObjectNode v : listed.subList(0, Math.min(listed.size(), 5))) {
      names.add(describe(v));
    }
    throw new InputException(
        file,
        0,
        0,
        "LOCATION",
        "'"
            + location
            + "' matches "
            + listed.size()
            + " venues of "
            + this.file
            + ": "
            + String.join(", ", names)
            + (listed.size() > 5 ? ", ..." : "")
            + "; write the venue's id in LOCATION, or its city after a comma");
  }

  /** "no venue ... matches 'x' ...; nearest: Victoria Square (id bham-victoria-square)". */
  private String notFound(String location, String whole) {
    // ids as they are, names as Nearest compares words (joined by '_')
    Map<String, ObjectNode> keys = new LinkedHashMap<>(byId);
    byName.forEach((name, venues) -> keys.putIfAbsent(name.replace(' ', '_'), venues.get(0)));
    int comma = location.indexOf(',');
    String first = comma < 0 ? location : location.substring(0, comma);
    Optional<ObjectNode> nearest =
        Nearest.of(normalise(first).replace(' ', '_'), keys.keySet())
            .or(() -> Nearest.of(whole.replace(' ', '_'), keys.keySet()))
            .or(() -> Nearest.of(location, keys.keySet()))
            .map(keys::get);
    return "no venue of "
        + file
        + " matches '"
        + location
        + "' by id, by name, or by a venue name within it"
        + nearest.map(v -> "; nearest: " + describe(v)).orElse("")
        + "; write the venue's id or name in LOCATION, or add the venue to the registry";
  }

  /** "Victoria Square (id bham-victoria-square, Birmingham)". */
  private static String describe(ObjectNode venue) {
    String name = venue.path("name").asText("");
    String city = venue.path("city").asText("");
    String id = venue.path("id").asText();
    return (name.isEmpty() ? id : name) + " (id " + id + (city.isEmpty() ? "" : ", " + city) + ")";
  }

  /**
   * A name as LOCATION matching compares it: lower case, apostrophes dropped ({@code St Mary's} is
   * {@code st marys}), every other character that is not a letter or digit a space, runs of spaces
   * one space, none at the ends.
   */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`') {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.appendCodePoint(c);
      } else {
        space = true;
      }
    }
    return sb.toString();
  }

  /** "unknown venue 'x' in FILE; nearest: y". */
  String unknown(String idOrName) {
    List<String> keys = List.copyOf(byId.keySet());
    String hint = Nearest.of(idOrName, keys).map(n -> "; nearest: " + n).orElse("");
    return "no venue with id or name '" + idOrName + "' in " + file + hint;
  }

  /**
   * Completes a record's venue from the registry when it names a venue id; a record that names an
   * id the registry does not have is rejected (a typo would otherwise score an empty venue).
   */
  void complete(String file, ObjectNode scenario) {
    JsonNode venue = scenario.get("venue");
    JsonNode id = venue == null ? null : venue.get("id");
    if (id == null || !id.isTextual()) {
      return;
    }
    ObjectNode known = byId.get(id.asText());
    if (known == null) {
      throw new InputException(file, 0, 0, "venue.id", unknown(id.asText()));
    }
    ScenarioTree.fillVenue(scenario, known);
  }
}
