package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Dimension;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON result contract (docs/scenario-format.md, "Result"). Built field by field rather than
 * from the records, so the field order is fixed and a record refactoring cannot change the contract.
 */
public final class AssessmentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private AssessmentJson() {}

  public static ObjectNode toJson(Assessment a) {
    Scenario s = a.scenario();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("date", s.date().toString());
    o.put("endDate", s.endDate().toString());
    ObjectNode venue = o.putObject("venue");
    venue.put("name", s.venue().name());
    venue.put("type", s.venueType().code());
    venue.put("city", s.city());
    venue.put("country", s.country());
    o.put("eventType", s.eventType().code());
    o.put("attendance", s.attendance());
    o.put("score", a.score());
    o.put("tier", a.tier().name());
    o.put("rawPoints", a.rawPoints());
    ObjectNode dims = o.putObject("dimensions");
    for (Dimension d : Dimension.values()) {
      if (d != Dimension.NONE) {
        dims.put(d.code(), a.dimensions().getOrDefault(d, 0));
      }
    }
    ArrayNode findings = o.putArray("findings");
    for (Finding f : a.findings()) {
      findings.add(finding(f));
    }
    ArrayNode exposures = o.putArray("exposures");
    for (ExposureSummary e : a.exposures()) {
      ObjectNode x = exposures.addObject();
      x.put("exposure", e.exposure().code());
      x.put("tactic", e.tactic().code());
      x.put("reason", e.reason());
      x.put("points", e.points());
      x.put("credit", e.credit());
      x.put("residual", e.residual());
      measures(x.putArray("inPlace"), e.inPlace());
      measures(x.putArray("missing"), e.missing());
    }
    ArrayNode recs = o.putArray("recommendedMeasures");
    for (RecommendedMeasure r : a.recommendedMeasures()) {
      ObjectNode x = recs.addObject();
      x.put("measure", r.measure().code());
      x.put("reduction", r.reduction());
      ArrayNode reduces = x.putArray("reduces");
      r.reduces().forEach(k -> reduces.add(k.code()));
    }
    ArrayNode notes = o.putArray("notes");
    a.notes().forEach(notes::add);
    return o;
  }

  public static ObjectNode finding(Finding f) {
    ObjectNode x = MAPPER.createObjectNode();
    x.put("rule", f.rule());
    x.put("category", f.category().code());
    x.put("dimension", f.category().dimension().code());
    x.put("points", f.points());
    x.put("rationale", f.rationale());
    ArrayNode cites = x.putArray("cites");
    f.cites().forEach(cites::add);
    measures(x.putArray("measures"), f.measures());
    if (f.exposure() != null) {
      x.put("exposure", f.exposure().code());
    }
    return x;
  }

  private static void measures(ArrayNode arr, List<Measure> measures) {
    measures.forEach(m -> arr.add(m.code()));
  }

  /** Pretty, two-space indented, "\n" line ends on every platform, with a final newline. */
  public static void write(Writer out, JsonNode node) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      PRETTY.writeValue(g, node);
    }
    out.write('\n');
  }

  /** One line, for JSON Lines. */
  public static String compact(JsonNode node) throws IOException {
    return MAPPER.writeValueAsString(node);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
