package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code venue-risk plan}: the measures worth adding, each judged by the engine. */
class PlanCommandTest {
  static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";
  static final String OSAKA = "scenarios/trade-conference-osaka-2027.json";
  static final String VIENNA_MASS = "scenarios/christmas-eve-mass-vienna-2026.json";
  static final String KABUL_EID = "scenarios/eid-al-adha-prayers-kabul-2027.json";
  static final String BIRMINGHAM = "scenarios/party-leader-rally-birmingham-2027.json";
  static final String BOSTON = "scenarios/university-commencement-boston-2027.json";
  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode plan(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    all[0] = "plan";
    all[1] = "--format";
    all[2] = "json";
    System.arraycopy(args, 0, all, 3, args.length);
    CommandRun r = CommandRun.of(all);
    assertThat(r.exit()).as(r.err()).isZero();
    return MAPPER.readTree(r.out());
  }

  /** The score assess gives the file with more measures in place. */
  static double assessedWith(Path dir, String file, String... measures) throws IOException {
    ObjectNode s = (ObjectNode) MAPPER.readTree(Path.of(file).toFile());
    ArrayNode m = (ArrayNode) s.with("security").withArray("measures");
    for (String x : measures) {
      m.add(x);
    }
    Path f = Files.createTempFile(dir, "with-", ".json");
    MAPPER.writeValue(f.toFile(), s);
    CommandRun r = CommandRun.of("assess", "-f", "json", f.toString());
    assertThat(r.exit()).isZero();
    return MAPPER.readTree(r.out()).get("score").asDouble();
  }

  @Test
  void eachMeasureIsJudgedByScoringTheScenarioAgainWithIt(@TempDir Path dir) throws IOException {
    JsonNode j = plan(COLOGNE);
    JsonNode options = j.get("options");
    assertThat(options).isNotEmpty();
    for (JsonNode o : options) {
      assertThat(j.get("inPlace"))
          .extracting(JsonNode::asText)
          .doesNotContain(o.get("measure").asText());
    }
    double previous = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      JsonNode o = options.get(i);
      double score = assessedWith(dir, COLOGNE, o.get("measure").asText());
      assertThat(o.get("score").asDouble()).as(o.get("measure").asText()).isEqualTo(score);
      assertThat(o.get("reduction").asDouble())
          .isCloseTo(j.get("score").asDouble() - score, org.assertj.core.data.Offset.offset(0.051));
      assertThat(o.get("reduction").asDouble())
          .as("ranked by reduction")
          .isLessThanOrEqualTo(previous);
      previous = o.get("reduction").asDouble();
    }
  }

  @Test
  void theDefaultTargetIsOneTierBelowAndEachStepIsScored(@TempDir Path dir) throws IOException {
    JsonNode j = plan(VIENNA_MASS);
    assertThat(j.get("tier").asText()).isEqualTo("ELEVATED");
    assertThat(j.get("targetTier").asText()).isEqualTo("MODERATE");
    assertThat(j.at("/inherent/tier").asText()).isEqualTo("ELEVATED");
    JsonNode plan = j.get("plan");
    assertThat(plan.get("reached").asBoolean()).isTrue();
    assertThat(plan.get("finalTier").asText()).isEqualTo("MODERATE");
    JsonNode steps = plan.get("steps");
    assertThat(steps).isNotEmpty();
    double previous = j.get("score").asDouble();
    String[] added = new String[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i).get("score").asDouble()).isLessThan(previous);
      previous = steps.get(i).get("score").asDouble();
      added[i] = steps.get(i).get("measure").asText();
    }
    assertThat(assessedWith(dir, VIENNA_MASS, added)).isEqualTo(plan.get("finalScore").asDouble());
    assertThat(steps.get(0).get("measure").asText())
        .as("the best single measure goes first")
        .isEqualTo(j.get("options").get(0).get("measure").asText());
  }

  @Test
  void aTargetNoMeasureCanReachIsSaidHonestlyWithTheInherentRiskThatHoldsTheEventThere()
      throws IOException {
    CommandRun r = CommandRun.of("plan", "--target-tier", "low", KABUL_EID);
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Best effort: no set of measures reaches LOW")
        .containsPattern(
            "With every measure in place the residual risk is still \\d+\\.\\d \\(\\w+\\)")
        .containsPattern(
            "the inherent risk is \\d+\\.\\d SEVERE \\(likelihood [1-5], consequence [1-5]\\)")
        .contains("A venue's measures cannot lower the inherent risk");
    JsonNode j =
        MAPPER.readTree(
            CommandRun.of("plan", "-f", "json", "--target-tier", "LOW", KABUL_EID).out());
    assertThat(j.at("/plan/reached").asBoolean()).isFalse();
    assertThat(j.at("/allMeasures/heldBy").asText()).startsWith("the inherent risk is ");
    assertThat(j.at("/allMeasures/vulnerability").asDouble()).isPositive().isLessThan(0.5);
  }

  @Test
  void anEventAlreadyAtTheTargetNeedsNothing() throws IOException {
    JsonNode j = plan(OSAKA);
    assertThat(j.get("tier").asText()).isEqualTo("LOW");
    assertThat(j.get("targetTier").asText()).isEqualTo("LOW");
    assertThat(j.get("plan").get("steps")).isEmpty();
    assertThat(j.get("plan").get("reached").asBoolean()).isTrue();
    assertThat(CommandRun.of("plan", OSAKA).out()).contains("Already at or below LOW");
  }

  @Test
  void anUnknownTierIsAUsageErrorNamingTheValidOnes() {
    CommandRun r = CommandRun.of("plan", "--target-tier", "lowest", COLOGNE);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("unknown tier 'lowest'; expected one of LOW, MODERATE, ELEVATED, HIGH, SEVERE");
  }

  @Test
  void measuresAreNamedInPlainWordsAsTheVenuesCountryUnderstandsThem() throws IOException {
    CommandRun r = CommandRun.of("plan", BIRMINGHAM);
    assertThat(r.exit()).isZero();
    // a UK venue cannot hire armed guards: there the measure is a plan agreed with the police
    assertThat(r.out())
        .contains("a stand-off perimeter (screening and road closures away from the crowd)")
        .contains("an armed police response plan [armed_security]")
        .contains("What a measure means in GB")
        .contains("private armed guards are not lawful in the United Kingdom");
    JsonNode gb = plan(BIRMINGHAM);
    assertThat(names(gb).get("armed_security").get("label").asText())
        .isEqualTo("an armed police response plan");
    JsonNode us = plan(BOSTON);
    assertThat(names(us).get("armed_security").get("label").asText())
        .isEqualTo("an armed response on site");
    assertThat(names(us).get("hostile_vehicle_mitigation").get("label").asText())
        .isEqualTo("hostile vehicle mitigation (barriers, bollards)");
    for (JsonNode o : us.get("options")) {
      assertThat(names(us)).as("every option is named").containsKey(o.get("measure").asText());
    }
  }

  private static java.util.Map<String, JsonNode> names(JsonNode j) {
    java.util.Map<String, JsonNode> m = new java.util.HashMap<>();
    j.get("measureNames").forEach(n -> m.put(n.get("measure").asText(), n));
    return m;
  }

  @Test
  void excludedMeasuresAreNeverAddedAndAreNamedAsLeftOut() throws IOException {
    JsonNode all = plan("--target-tier", "LOW", BOSTON);
    assertThat(all.get("plan").get("steps"))
        .extracting(st -> st.get("measure").asText())
        .contains("hostile_vehicle_mitigation");
    JsonNode j =
        plan(
            "--target-tier",
            "LOW",
            "--exclude",
            "hostile_vehicle_mitigation,close_protection",
            "--exclude",
            "armed_security",
            BOSTON);
    assertThat(j.get("excluded"))
        .extracting(JsonNode::asText)
        .containsExactly("hostile_vehicle_mitigation", "armed_security", "close_protection");
    List<String> named = new ArrayList<>();
    j.get("options").forEach(o -> named.add(o.get("measure").asText()));
    j.at("/plan/steps").forEach(o -> named.add(o.get("measure").asText()));
    assertThat(named)
        .isNotEmpty()
        .doesNotContain("hostile_vehicle_mitigation", "armed_security", "close_protection");
    CommandRun r = CommandRun.of("plan", "--exclude", "armed_security", BIRMINGHAM);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Left out (--exclude): an armed police response plan");
  }

  @Test
  void anUnknownExcludedMeasureIsAUsageErrorNamingTheNearestCode() {
    CommandRun r = CommandRun.of("plan", "--exclude", "armed_securty", COLOGNE);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("unknown measure 'armed_securty'; did you mean armed_security?")
        .contains("hostile_vehicle_mitigation");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void closeProtectionIsShownAsProtectingTheOfficialsNotRankedWithTheCrowdsMeasures()
      throws IOException {
    // 30,000 people and officials: what protects the crowd comes first
    JsonNode j = plan("--target-tier", "LOW", BOSTON);
    boolean personSeen = false;
    for (JsonNode st : j.at("/plan/steps")) {
      boolean person = st.hasNonNull("protects");
      assertThat(personSeen && !person)
          .as("a crowd measure after one that protects people: %s", st)
          .isFalse();
      personSeen |= person;
    }
    JsonNode close = null;
    for (JsonNode o : j.get("options")) {
      if (o.get("measure").asText().equals("close_protection")) {
        close = o;
      }
    }
    assertThat(close).isNotNull();
    assertThat(close.get("protects").asText()).isEqualTo("the officials or speakers present");
    String out = CommandRun.of("plan", "--target-tier", "LOW", BOSTON).out();
    String crowd = out.substring(0, out.indexOf("For the officials or speakers present"));
    assertThat(crowd).contains("Measures for the crowd").doesNotContain("[close_protection]");
    assertThat(out.substring(out.indexOf("For the officials or speakers present")))
        .startsWith("For the officials or speakers present (protects them, not the crowd)")
        .contains("close protection [close_protection]");
  }
}
