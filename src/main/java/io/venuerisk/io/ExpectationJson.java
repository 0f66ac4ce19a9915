package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.venuerisk.model.Expectation;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code expect} object of a scenario file:
 * {@code {"tier": "HIGH", "score": {"min": 60, "max": 79}, "fires": [...], "doesNotFire": [...]}}.
 */
public final class ExpectationJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ExpectationJson() {}

  record Range(Integer min, Integer max) {}

  record Raw(
      String tier,
      Range score,
      List<String> fires,
      @JsonProperty("doesNotFire") List<String> doesNotFire) {}

  /** The expectation of a scenario file, or empty when it states none. */
  public static Optional<Expectation> read(String file, byte[] bytes) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      JsonNode node = root == null ? null : root.get("expect");
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      Raw raw = MAPPER.treeToValue(node, Raw.class);
      Tier tier = null;
      if (raw.tier() != null) {
        try {
          tier = Tier.valueOf(raw.tier());
        } catch (IllegalArgumentException e) {
          throw new InputException(file, 0, 0, "expect.tier",
              "unknown tier '" + raw.tier() + "'; expected one of " + Arrays.toString(Tier.values()));
        }
      }
      Range r = raw.score();
      return Optional.of(new Expectation(tier, r == null ? null : r.min(), r == null ? null : r.max(),
          raw.fires(), raw.doesNotFire()));
    } catch (IOException e) {
      throw ScenarioJson.translate(file, e);
    }
  }
}
