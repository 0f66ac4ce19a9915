package io.venuerisk.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.Engine;
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
  final byte[] rules;
  final byte[] coverage;
  final byte[] schema;
  final byte[] vocabularies;
  final byte[] openapi;
  final byte[] health;

  Catalogue(Engine engine) {
    // exactly what `rules --format json` and `rules --coverage --format json` print
    rules = Call.render(w -> RulesReport.catalogueJson(w, engine.rules().rules()));
    Coverage c = Coverage.of(engine.rules(), engine.data().statements().values());
    coverage = Call.render(w -> RulesReport.coverageJson(w, c));
    schema = Assets.resource("scenario.schema.json");
    openapi = Assets.resource("openapi.json");
    vocabularies = Call.pretty(vocabularies(engine));
    health = Call.pretty(JsonNodeFactory.instance.objectNode().put("status", "ok"));
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
