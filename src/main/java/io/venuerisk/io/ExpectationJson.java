package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.venuerisk.model.Expectation;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code expect} object of a scenario file: {@code {"tier": "HIGH", "score":
 * {"min": 60, "max": 79.9}, "inherentTier": "SEVERE", "inherentScore": {"min": 80}, "fires": [...],
 * "doesNotFire": [...]}}.
 */
public final class ExpectationJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ExpectationJson() {}

  record Range(Double min, Double max) {}

  record Raw(
      String tier,
      Range score,
      String inherentTier,
      Range inherentScore,
      List<String> fires,
      @JsonProperty("doesNotFire") List<String> doesNotFire) {}

  private static Tier tier(String file, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Tier.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          file,
          0,
          0,
          field,
          "unknown tier '" + value + "'; expected one of " + Arrays.toString(Tier.values()));
    }
  }

  /** The expectation of a scenario file, or empty when it states none. */
  public static Optional<Expectation> read(String file, byte[] bytes) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      JsonNode node = root == null ? null : root.get("expect");
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      Raw raw = MAPPER.treeToValue(node, Raw.class);
      Tier tier = tier(file, "expect.tier", raw.tier());
      Tier inherent = tier(file, "expect.inherentTier", raw.inherentTier());
      Range r = raw.score();
      Range i = raw.inherentScore();
      return Optional.of(
          new Expectation(
              tier,
              r == null ? null : r.min(),
              r == null ? null : r.max(),
              inherent,
              i == null ? null : i.min(),
              i == null ? null : i.max(),
              raw.fires(),
              raw.doesNotFire()));
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
  }
}
