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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --venues FILE}: a JSON array of {@code venue} objects, each with a unique {@code id}.
 * iCalendar events name their venue in LOCATION (by id or by name); records of the other formats
 * may give only {@code venue.id} and take the rest from here.
 */
public final class VenueRegistry {
  /** A registry is read whole; this many venues is far more than any city has. */
  public static final int MAX_VENUES = 100_000;

  private final String file;
  private final Map<String, ObjectNode> byId;
  private final Map<String, ObjectNode> byName;

  private VenueRegistry(String file, Map<String, ObjectNode> byId, Map<String, ObjectNode> byName) {
    this.file = file;
    this.byId = byId;
    this.byName = byName;
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
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
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
        if (v.name() != null && !v.name().isBlank()) {
          byName.putIfAbsent(v.name().strip().toLowerCase(Locale.ROOT), venue);
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

  /** The venue with this id, or else with this name (without regard to case). */
  public Optional<ObjectNode> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    String key = idOrName.strip();
    ObjectNode v = byId.get(key);
    if (v == null) {
      v = byName.get(key.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(v);
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
