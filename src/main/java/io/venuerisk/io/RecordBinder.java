package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;

/**
 * Binds one calendar record to a {@link Scenario} with the mapper and validation of {@link
 * ScenarioJson}, so every calendar format accepts and rejects exactly what a scenario file does.
 */
final class RecordBinder {
  final ObjectMapper mapper = ScenarioJson.mapper();
  private final ObjectReader reader;

  /** For an element of an array: the tokens after it are the rest of the calendar. */
  private final ObjectReader element;

  private final ObjectReader elementTree =
      mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final ScenarioJson json;
  private final VenueRegistry venues;

  RecordBinder(ScenarioJson json, VenueRegistry venues) {
    this.json = json;
    this.venues = venues;
    this.reader = json.objectReader();
    this.element = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  boolean hasVenues() {
    return venues != null;
  }

  VenueRegistry venues() {
    return venues;
  }

  /** The scenario the parser is positioned on (its START_OBJECT). */
  Scenario bind(String file, JsonParser parser) throws IOException {
    Scenario s = element.readValue(parser);
    if (s == null) {
      throw InputException.of(file, "expected a JSON object with the scenario, found null");
    }
    return json.validate(file, s);
  }

  /** The JSON value the parser is positioned on, as a tree (an element of an array). */
  com.fasterxml.jackson.databind.JsonNode tree(JsonParser parser) throws IOException {
    return elementTree.readTree(parser);
  }

  /** A scenario built as a JSON tree (CSV row, iCalendar event, or a record to join to venues). */
  Scenario bind(String file, ObjectNode tree) {
    if (venues != null) {
      venues.complete(file, tree);
    }
    Scenario s;
    try (JsonParser p = mapper.treeAsTokens(tree)) {
      s = reader.readValue(p);
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
    return json.validate(file, s);
  }
}
