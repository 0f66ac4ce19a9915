package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.Tier;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.reference.RiskTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a planner reads in each result the job writes (to files, and as a Kafka message's value):
 * the inherent and residual risk, each as a likelihood and a consequence with points and a level,
 * the tier the risk matrix gives for those levels, the band the unknown facts leave, and per
 * exposure (an attack method, with its tactic family) the people it reaches, its consequence and
 * its points before and after the measures. Checked against the shipped tables, not against fixed
 * numbers, on the example arena concert with and without its measures, in both emit modes.
 */
class RiskFieldsTest {
  @RegisterExtension static final MiniClusterExtension CLUSTER = Runs.cluster();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIOS = "../scenarios/";
  private static final String PROTECTED = "arena-concert-los-angeles-2027-protected.json";
  private static final String UNPROTECTED = "arena-concert-los-angeles-2027-unprotected.json";

  @TempDir Path dir;

  @Test
  void eachResultCarriesLikelihoodConsequenceBandAndPerExposureRiskInBothEmitModes()
      throws Exception {
    Path calendar = dir.resolve("twins.jsonl");
    List<String> lines = new ArrayList<>();
    for (String f : List.of(PROTECTED, UNPROTECTED)) {
      lines.add(JSON.writeValueAsString(JSON.readTree(Path.of(SCENARIOS + f).toFile())));
    }
    Files.write(calendar, lines, StandardCharsets.UTF_8);
    ObjectNode protectedInput = (ObjectNode) JSON.readTree(lines.get(0));
    String protectedId = protectedInput.get("id").asText();
    String unprotectedId = JSON.readTree(lines.get(1)).get("id").asText();

    for (String emit : List.of("final", "changes")) {
      Path out = dir.resolve("out-" + emit);
      Runs.Run job =
          Runs.flink(
              "--input",
              calendar.toString(),
              "--output",
              out.toString(),
              "--emit",
              emit,
              "--parallelism",
              "2");
      assertThat(job.exit()).as(job.err()).isZero();
      Map<String, String> results = Runs.latest(out);
      assertThat(results.keySet()).containsExactlyInAnyOrder(protectedId, unprotectedId);

      JsonNode withMeasures = JSON.readTree(results.get(protectedId));
      JsonNode without = JSON.readTree(results.get(unprotectedId));
      for (JsonNode r : List.of(withMeasures, without)) {
        assertRisk(r);
      }

      // measures never change the inherent risk; here they lower the residual one
      assertThat(withMeasures.get("inherent")).isEqualTo(without.get("inherent"));
      assertThat(withMeasures.get("score").asDouble()).isLessThan(without.get("score").asDouble());
      // without measures, nothing is taken off: residual is inherent, tactic by tactic too
      assertThat(without.get("residual")).isEqualTo(without.get("inherent"));
      for (JsonNode e : without.get("exposures")) {
        assertThat(e.get("vulnerability").asDouble()).isEqualTo(1.0);
        assertThat(e.get("residualPoints").asDouble())
            .isEqualTo(e.get("inherentPoints").asDouble());
      }
      assertThat(withMeasures.get("exposures"))
          .anySatisfy(
              e ->
                  assertThat(e.get("residualPoints").asDouble())
                      .isLessThan(e.get("inherentPoints").asDouble()));

      // the band names a field the input left unknown, and moves the score over its values
      String field = withMeasures.get("band").get("field").asText();
      assertThat(field).startsWith("profile.");
      assertThat(protectedInput.at("/" + field.replace('.', '/')).isMissingNode())
          .as("%s is unknown in the input", field)
          .isTrue();
      assertThat(withMeasures.get("band").get("high").asDouble())
          .isGreaterThan(withMeasures.get("band").get("low").asDouble());

      // a Kafka result message's value is the same result
      String line = results.get(protectedId);
      byte[] value = new KafkaIO.ResultValue().serialize(new Result(protectedId, line));
      assertThat(JSON.readTree(value)).isEqualTo(withMeasures);
    }
  }

  /** The risk fields of one result agree with each other and with the shipped tables. */
  private static void assertRisk(JsonNode r) {
    RiskTables tables = ReferenceData.bundled().riskTables();
    String id = r.get("id").asText();
    for (String which : List.of("inherent", "residual")) {
      JsonNode risk = r.get(which);
      assertThat(risk).as("%s %s", id, which).isNotNull();
      int l = level(risk.get("likelihood"), tables.likelihoodLevels(), id + " " + which);
      int c = level(risk.get("consequence"), tables.consequenceLevels(), id + " " + which);
      assertThat(Tier.valueOf(risk.get("tier").asText()))
          .as("%s %s tier for likelihood %d, consequence %d", id, which, l, c)
          .isEqualTo(tables.tier(l, c));
      assertThat(risk.get("score").asDouble()).isBetween(0.0, 100.0);
    }
    // the score and tier a result leads with are the residual risk's, never above the inherent
    double score = r.get("score").asDouble();
    assertThat(score).isEqualTo(r.get("residual").get("score").asDouble());
    assertThat(r.get("tier").asText()).isEqualTo(r.get("residual").get("tier").asText());
    assertThat(score).isLessThanOrEqualTo(r.get("inherent").get("score").asDouble());

    JsonNode band = r.get("band");
    assertThat(band).as("%s band", id).isNotNull();
    double low = band.get("low").asDouble();
    double high = band.get("high").asDouble();
    assertThat(low).as("%s band low", id).isLessThanOrEqualTo(score);
    assertThat(high).as("%s band high", id).isGreaterThanOrEqualTo(score);
    assertThat(band.get("central").asDouble()).isBetween(low, high);
    assertThat(band.has("field")).as("%s band field", id).isEqualTo(low < high);

    assertThat(r.get("model")).as("%s model", id).isNotNull();
    JsonNode exposures = r.get("exposures");
    assertThat(exposures).as("%s exposures", id).isNotEmpty();
    for (JsonNode e : exposures) {
      String tactic = id + " " + e.get("exposure").asText();
      assertThat(e.get("tactic").asText()).as(tactic).isNotBlank();
      assertThat(e.get("relativeWeight").asDouble()).as(tactic).isGreaterThan(0).isLessThan(1.0001);
      assertThat(e.get("peopleReached").asLong()).as(tactic).isPositive();
      level(e.get("consequence"), tables.consequenceLevels(), tactic);
      assertThat(e.get("residualPoints").asDouble())
          .as(tactic)
          .isLessThanOrEqualTo(e.get("inherentPoints").asDouble());
    }
  }

  /**
   * A rating's level, checked to be 1 to 5, the level of the table its points fall in, and with
   * that level's meaning. Points are printed to one decimal, so a level taken from the unrounded
   * points may be the one 0.05 on either side.
   */
  private static int level(JsonNode rating, List<RiskTables.Level> levels, String what) {
    assertThat(rating).as(what).isNotNull();
    double points = rating.get("points").asDouble();
    int level = rating.get("level").asInt();
    assertThat(level).as("%s level", what).isBetween(1, 5);
    assertThat(level)
        .as("%s level of %s points", what, points)
        .isIn(
            levelOf(points - 0.05, levels),
            levelOf(points, levels),
            levelOf(points + 0.05, levels));
    assertThat(rating.get("meaning").asText()).isEqualTo(levels.get(level - 1).meaning());
    assertThat(levels.get(level - 1).level()).isEqualTo(level);
    return level;
  }

  private static int levelOf(double points, List<RiskTables.Level> levels) {
    int level = 1;
    for (RiskTables.Level l : levels) {
      if (l.from() == null || points >= l.from()) {
        level = l.level();
      }
    }
    return level;
  }
}
