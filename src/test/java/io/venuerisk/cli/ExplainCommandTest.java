package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code venue-risk explain FILE}: every firing, with the facts of its match. */
class ExplainCommandTest {
  static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";

  static JsonNode json(String file) throws IOException {
    CommandRun r = CommandRun.of("explain", "--format", "json", file);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void firingsAreListedInFiringOrderWithTheFactsTheyMatched() {
    CommandRun r = CommandRun.of("explain", COLOGNE);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("xmas-market-2026-cologne  Christmas market at the cathedral")
        .containsPattern("(?m)^  1\\. [A-Z]+-[A-Z-]+  ")
        .containsPattern("(?m)^  2\\. [A-Z]+-[A-Z-]+  ")
        .contains("matched   scenario xmas-market-2026-cologne")
        .contains("country DE Germany (region europe)")
        .contains("trait outdoor_crowd: ")
        .contains("mitigation_option hostile_vehicle_mitigation against vehicle_ramming")
        .contains("Rules of the same categories that did not fire");
  }

  @Test
  void theFiringsAddUpToTheAssessedScore() throws IOException {
    JsonNode j = json(COLOGNE);
    int sum = 0;
    for (JsonNode f : j.get("firings")) {
      sum += f.get("points").asInt();
    }
    JsonNode assessed = new ObjectMapper().readTree(CommandRun.of("assess", "-f", "json", COLOGNE).out());
    assertThat(sum).isEqualTo(assessed.get("rawPoints").asInt());
    assertThat(j.get("score").asInt()).isEqualTo(assessed.get("score").asInt());
  }

  @Test
  void eachFiringHasItsSequencePointsDimensionCitesWithTextAndMeasures() throws IOException {
    JsonNode j = json(COLOGNE);
    var statements = ReferenceData.bundled().statements();
    int expected = 1;
    for (JsonNode f : j.get("firings")) {
      assertThat(f.get("sequence").asInt()).isEqualTo(expected++);
      assertThat(f.get("facts")).isNotEmpty();
      for (JsonNode c : f.get("cites")) {
        assertThat(c.get("text").asText()).isEqualTo(statements.get(c.get("id").asText()).text());
      }
      if (f.get("dimension").asText().equals("none")) {
        assertThat(f.get("points").asInt()).as("classification scores nothing").isZero();
      }
    }
    JsonNode ramming = firing(j, "EXP-VEHICLE-RAMMING");
    assertThat(ramming.get("points").asInt()).isPositive();
    assertThat(ramming.get("dimension").asText()).isEqualTo("exposure");
    assertThat(ramming.get("facts").get(0).get("type").asText()).isEqualTo("exposure");
    assertThat(ramming.get("measures")).extracting(JsonNode::asText).contains("hostile_vehicle_mitigation");
    assertThat(ramming.get("file").asText()).isEqualTo("tactics.drl");
  }

  @Test
  void aCreditFiringScoresTheCreditOfTheMeasureItMatched() throws IOException {
    JsonNode j = json(COLOGNE);
    for (JsonNode f : j.get("firings")) {
      if (f.get("rule").asText().equals("MIT-CREDIT")) {
        assertThat(f.get("points").asInt()).isNegative();
        assertThat(f.get("measures")).hasSize(1);
        String option = f.get("facts").get(1).get("description").asText();
        assertThat(option).startsWith(f.get("measures").get(0).asText() + " against ")
            .endsWith("credit " + -f.get("points").asInt());
      }
    }
  }

  @Test
  void aRecommendationFiringNamesTheMissingMeasuresItCollected() throws IOException {
    JsonNode j = json(COLOGNE);
    int seen = 0;
    for (JsonNode f : j.get("firings")) {
      if (f.get("rule").asText().equals("MIT-RECOMMEND")) {
        seen++;
        JsonNode collected = null;
        for (JsonNode fact : f.get("facts")) {
          if (fact.get("type").asText().equals("collected")) {
            collected = fact;
          }
        }
        assertThat(collected).as("firing %s", f.get("sequence")).isNotNull();
        List<String> measures = new ArrayList<>();
        f.get("measures").forEach(m -> measures.add(m.asText()));
        assertThat(measures).isNotEmpty();
        assertThat(collected.get("description").asText()).isEqualTo(String.join(", ", measures));
      }
    }
    assertThat(seen).isPositive();
  }

  @Test
  void theRulesThatDidNotFireAreThoseOfTheFiredCategories() throws IOException {
    JsonNode j = json(COLOGNE);
    Set<String> fired = new HashSet<>();
    Set<String> categories = new HashSet<>();
    for (JsonNode f : j.get("firings")) {
      fired.add(f.get("rule").asText());
      categories.add(f.get("category").asText());
    }
    List<String> notFired = new ArrayList<>();
    for (JsonNode r : j.get("notFired")) {
      notFired.add(r.get("rule").asText());
      assertThat(categories).contains(r.get("category").asText());
    }
    assertThat(notFired).isNotEmpty().doesNotContainAnyElementsOf(fired).contains("GEO-CORE");
  }

  @Test
  void aMissingFileIsOneLineAndExitCodeThree() {
    CommandRun r = CommandRun.of("explain", "no-such.json");
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).isEqualTo("venue-risk: no-such.json: no such file\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpGivesAnExampleAndTheExitCodes() {
    CommandRun r = CommandRun.of("explain", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Example:").contains("Exit codes:").contains("3   invalid scenario file");
  }

  private static JsonNode firing(JsonNode j, String rule) {
    for (JsonNode f : j.get("firings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError(rule + " did not fire");
  }
}
