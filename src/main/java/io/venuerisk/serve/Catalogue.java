package io.venuerisk.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.Engine;
import io.venuerisk.io.Json;
import io.venuerisk.io.RulesReport;
import io.venuerisk.model.Community;
import io.venuerisk.model.Country;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Tier;
import io.venuerisk.model.VenueType;
import io.venuerisk.model.Vocabulary;

/**
 * The answers that depend only on the rules and data the server was started with, rendered once:
 * the rule catalogue, the guide coverage, the scenario schema, the vocabularies for the page's
 * selects, and this API's OpenAPI document.
 */
final class Catalogue {
  final Call.Both rules;
  final Call.Both coverage;
  final Call.Both schema;
  final Call.Both vocabularies;
  final Call.Both openapi;
  final Call.Both health;

  Catalogue(Engine engine) {
    // indented, exactly what `rules --format json` and `rules --coverage --format json` print
    rules = Call.Both.of(RulesReport.catalogue(engine.rules().rules()));
    Coverage c = Coverage.of(engine.rules(), engine.data().statements().values());
    coverage = Call.Both.of(RulesReport.coverage(c));
    schema = document("scenario.schema.json");
    openapi = document("openapi.json");
    vocabularies = Call.Both.of(vocabularies(engine));
    health = Call.Both.of(JsonNodeFactory.instance.objectNode().put("status", "ok"));
  }

  /** A JSON document of the jar: indented, the file as it is; else the same on one line. */
  private static Call.Both document(String name) {
    byte[] file = Assets.resource(name);
    try {
      return new Call.Both(Call.json(Json.mapper().readTree(file), false), file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(name + " in the jar is not JSON", e);
    }
  }

  private static ObjectNode vocabularies(Engine engine) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    codes(o.putArray("venueTypes"), VenueType.values());
    codes(o.putArray("eventTypes"), EventType.values());
    codes(o.putArray("communities"), Community.values());
    codes(o.putArray("measures"), Measure.values());
    // the page names measures in plain words; a result names them as the venue's country does
    ObjectNode labels = o.putObject("measureLabels");
    for (Measure m : Measure.values()) {
      labels.put(m.code(), engine.data().measureNames().of(m, null).label());
    }
    ArrayNode tiers = o.putArray("tiers");
    for (Tier t : Tier.values()) {
      tiers.add(t.name());
    }
    ArrayNode countries = o.putArray("countries");
    for (Country c : engine.data().countries()) {
      countries.addObject().put("code", c.code()).put("name", c.name());
    }
    return o;
  }

  private static void codes(ArrayNode arr, Vocabulary[] values) {
    for (Vocabulary v : values) {
      arr.add(v.code());
    }
  }
}
