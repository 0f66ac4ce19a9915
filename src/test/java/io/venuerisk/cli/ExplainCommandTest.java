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
        .contains("place DE Germany (region europe)")
        .contains("trait outdoor_crowd: ")
        .contains("during christmas_market_season: Christmas market season 2026")
        .contains("Rules of the same categories that did not fire");
  }

  @Test
  void everyFactOfEveryShippedScenarioIsInWordsNeverAJavaRecord() throws IOException {
    java.util.List<java.nio.file.Path> files;
    try (var s = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (java.nio.file.Path f : files) {
      CommandRun r = CommandRun.of("explain", f.toString());
      assertThat(r.exit()).as(f.toString()).isZero();
      assertThat(r.out()).as(f.toString()).doesNotContainPattern("[A-Z][A-Za-z]+\\[[a-z]+=");
    }
    assertThat(
            CommandRun.of("explain", "scenarios/arena-concert-los-angeles-2027-protected.json")
                .out())
        .contains(
            "matched   threat_level_in_force no_advisory (moderate, rank 2 of 5) in US on NTAS, since"
                + " 2025-09-23, from data/threat_levels.csv (not confirmed) for"
                + " arena-concert-2027-los-angeles-protected");
  }

  @Test
  void howTheRiskWasFormedShowsEachStepFromItsFindingsAndTheResidualFromTheMeasures() {
    String out = CommandRun.of("explain", COLOGNE).out();
    assertThat(out)
        .contains("How the risk was formed")
        .containsPattern(
            "(?m)^  likelihood +.*BAS-COUNTRY \\d+\\.\\d \\+ .*GEO-EUROPE 8\\.0.* = \\d+\\.\\d  level [1-5] \\(")
        .containsPattern("(?m)^    vehicle_ramming +\\d\\.\\d{3} +\\d+ +\\d+\\.\\d +\\d\\.\\d{3} ")
        .containsPattern("(?m)^  consequence +10 x log2\\(.*\\) = \\d+\\.\\d  level [1-5] \\(")
        .containsPattern("(?m)^  residual likelihood +\\d+\\.\\d \\+ 1 x \\(")
        .containsPattern(
            "(?m)^  inherent +likelihood [1-5] x consequence [1-5] = [A-Z]+ \\(data/risk_matrix.csv\\)")
        .contains(
            "hostile vehicle mitigation (barriers, bollards) [hostile_vehicle_mitigation] (primary)"
                + " removes 60%")
        .containsPattern("(?m)^  residual +likelihood ");
  }

  @Test
  void theFiringsAddUpToTheLikelihoodAndTheStepsMatchTheAssessedRisk() throws IOException {
    JsonNode j = json(COLOGNE);
    double likelihood = 0;
    for (JsonNode f : j.get("firings")) {
      if (f.get("factor").asText().equals("likelihood")) {
        likelihood += f.get("points").asDouble();
      }
    }
    JsonNode assessed =
        new ObjectMapper().readTree(CommandRun.of("assess", "-f", "json", COLOGNE).out());
    assertThat(likelihood)
        .isCloseTo(
            assessed.at("/model/likelihood").asDouble(), org.assertj.core.data.Offset.offset(0.05));
    assertThat(j.get("score").asDouble()).isEqualTo(assessed.get("score").asDouble());
    assertThat(j.get("inherent")).isEqualTo(assessed.get("inherent"));
    assertThat(j.get("residual")).isEqualTo(assessed.get("residual"));
    assertThat(j.get("band")).isEqualTo(assessed.get("band"));
  }

  @Test
  void eachFiringHasItsSequencePointsFactorCitesWithTextAndMeasures() throws IOException {
    JsonNode j = json(COLOGNE);
    var statements = ReferenceData.bundled().statements();
    int expected = 1;
    for (JsonNode f : j.get("firings")) {
      assertThat(f.get("sequence").asInt()).isEqualTo(expected++);
      assertThat(f.get("facts")).isNotEmpty();
      for (JsonNode c : f.get("cites")) {
        assertThat(c.get("text").asText()).isEqualTo(statements.get(c.get("id").asText()).text());
      }
      if (f.get("factor").asText().equals("none")) {
        assertThat(f.get("points").asDouble()).as("classification scores nothing").isZero();
      }
    }
    JsonNode ramming = firing(j, "EXP-VEHICLE-RAMMING");
    // an exposure's weight is its region's row of data/tactic_weights.csv (Germany: europe, 7)
    assertThat(ramming.get("points").asDouble()).isEqualTo(7.0);
    assertThat(ramming.get("factor").asText()).isEqualTo("exposure");
    assertThat(ramming.get("facts").get(0).get("type").asText()).isEqualTo("trait");
    assertThat(ramming.get("measures"))
        .extracting(JsonNode::asText)
        .contains("hostile_vehicle_mitigation");
    assertThat(ramming.get("file").asText()).isEqualTo("tactics.drl");
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
    assertThat(j.at("/formation/inherent").asText()).startsWith("likelihood ");
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
    assertThat(r.out()).contains("Example:").contains("Exit codes:").contains("3   invalid input");
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
