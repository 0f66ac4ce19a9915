package io.venuerisk.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.engine.Validation.Ranking;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results an earlier run recorded for a case set ({@code validate --results-out}, or a {@code
 * batch --format jsonl} report of the same scenarios, from this version or another): per case id
 * its residual and inherent score and tier, and the points of its geography findings. {@code
 * validate --versus} ranks the cases by them beside the rules of this run, so that a change of the
 * model, not only of a rule pack, is measured on the same cases and resamples.
 */
public final class RecordedResults {
  private RecordedResults() {}

  public static Map<String, Ranking> read(Path file) {
    String name = file.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw InputException.of(name, "no such file");
    } catch (IOException e) {
      throw InputException.of(name, "cannot read: " + e.getMessage());
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Ranking> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      long at = i + 1;
      JsonNode n;
      try {
        n = mapper.readTree(line);
      } catch (IOException e) {
        throw new InputException(
            name,
            at,
            0,
            null,
            "not a JSON result: each line is one result of batch --format jsonl");
      }
      String id = text(name, at, n, "id");
      double residual = number(name, at, n.path("score"), "score");
      Tier tier = tier(name, at, n.path("tier"), "tier");
      double inherent = number(name, at, n.path("inherent").path("score"), "inherent.score");
      Tier inherentTier = tier(name, at, n.path("inherent").path("tier"), "inherent.tier");
      double geography = 0;
      for (JsonNode f : n.path("findings")) {
        if (f.path("category").asText().equals("geography")) {
          geography += f.path("points").asDouble();
        }
      }
      if (out.put(id, new Ranking(residual, tier, inherent, inherentTier, geography)) != null) {
        throw new InputException(name, at, 0, "id", "'" + id + "' has two results");
      }
    }
    return out;
  }

  private static String text(String file, long line, JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InputException(file, line, 0, field, "missing; every result names its case");
    }
    return v.asText();
  }

  private static double number(String file, long line, JsonNode v, String field) {
    if (!v.isNumber()) {
      throw new InputException(file, line, 0, field, "missing or not a number");
    }
    return v.asDouble();
  }

  private static Tier tier(String file, long line, JsonNode v, String field) {
    return Tier.parse(v.asText())
        .orElseThrow(
            () ->
                new InputException(
                    file,
                    line,
                    0,
                    field,
                    "'" + v.asText() + "' is not a tier; expected LOW to SEVERE"));
  }
}
