package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.Json;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ScenarioContext;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threat context behind a score: the national threat level moves it and never the wrong way,
 * the result names the level it used, and an event past the end of a table gets a note naming it.
 */
class ThreatContextTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final RuleBase RULES = RuleBase.shipped();
  private static final Engine ENGINE = new Engine(RULES, DATA);
  private static final ScenarioJson JSON = new ScenarioJson(DATA);

  private static Scenario read(String file) {
    return ScenarioFiles.read(JSON, Path.of("scenarios/threat-context", file));
  }

  private static Scenario withLevel(Scenario s, String level) {
    return s.withContext(new ScenarioContext(level));
  }

  @Test
  void aHigherNationalLevelNeverLowersAScoreAndAChangeOfLevelMovesIt() {
    Scenario rally =
        ScenarioFiles.read(JSON, Path.of("scenarios/party-leader-rally-birmingham-2027.json"));
    for (String country : DATA.threatLevels().countries()) {
      List<ThreatLevelDefinition> scale = new ArrayList<>(DATA.threatLevels().scale(country));
      scale.sort(Comparator.comparingInt(ThreatLevelDefinition::rank));
      Scenario there =
          new Scenario(
              rally.id(),
              rally.name(),
              rally.date(),
              rally.endDate(),
              new io.venuerisk.model.Venue(null, "v", rally.venueType(), false, null, "c", country),
              rally.event(),
              rally.profile(),
              rally.security(),
              null);
      double previous = -1;
      for (ThreatLevelDefinition d : scale) {
        Assessment a = ENGINE.assess(withLevel(there, d.level()));
        assertThat(a.inherent().score())
            .as("%s at %s", country, d.level())
            .isGreaterThanOrEqualTo(previous);
        assertThat(a.threatLevel().level()).isEqualTo(d.level());
        previous = a.inherent().score();
      }
    }
    // GB from SUBSTANTIAL to SEVERE (30 April 2026) raises the rally's risk
    Assessment substantial = ENGINE.assess(withLevel(rally, "SUBSTANTIAL"));
    Assessment severe = ENGINE.assess(withLevel(rally, "SEVERE"));
    assertThat(severe.inherent().score()).isGreaterThan(substantial.inherent().score());
    assertThat(severe.score()).isGreaterThan(substantial.score());
  }

  @Test
  void theOptionOverridesTheDataAndTheScenarioOverridesTheOption() {
    Scenario s = read("champions-league-final-madrid-2027.json");
    Assessment fromData = ENGINE.assess(s);
    assertThat(fromData.threatLevel().country()).isEqualTo("ES");
    assertThat(fromData.threatLevel().declared()).isFalse();
    Engine overridden =
        new Engine(
            RULES,
            DATA.withThreatOverrides(
                List.of(DATA.threatLevels().definition("ES", "5").orElseThrow())));
    Assessment fromOption = overridden.assess(s);
    assertThat(fromOption.threatLevel().rank()).isEqualTo(5);
    assertThat(fromOption.threatLevel().declared()).isTrue();
    assertThat(fromOption.inherent().score()).isGreaterThan(fromData.inherent().score());
    Assessment fromScenario = overridden.assess(withLevel(s, "2"));
    assertThat(fromScenario.threatLevel().rank()).isEqualTo(2);
    assertThat(fromScenario.inherent().score()).isLessThan(fromData.inherent().score());
  }

  @Test
  void theResultNamesTheLevelItsSystemSourceAndDate() {
    String json =
        Json.compact(
            AssessmentJson.of(ENGINE.assess(read("champions-league-final-madrid-2027.json"))));
    assertThat(json)
        .contains("\"threatLevel\":{\"country\":\"ES\",\"system\":")
        .containsPattern("\"level\":\"4\",\"rank\":4,")
        .contains("\"source\":")
        .containsPattern("\"asOf\":\"\\d{4}-\\d\\d-\\d\\d\"");
  }

  @Test
  void aFinalIn2027IsFoundAsAHighProfileEventAndSoIsAnOktoberfestTent() {
    assertThat(ENGINE.assess(read("champions-league-final-madrid-2027.json")).findings())
        .anyMatch(
            f ->
                f.rule().equals("TIM-HIGH-PROFILE-EVENT")
                    && f.rationale().contains("Champions League Final 2027"));
    assertThat(ENGINE.assess(read("oktoberfest-tent-munich-2027.json")).findings())
        .anyMatch(
            f ->
                f.rule().equals("TIM-HIGH-PROFILE-EVENT")
                    && f.rationale().contains("Oktoberfest 2027"));
  }

  @Test
  void anEventPastTheEndOfATableGetsANoteNamingItAndTheDateItEnds() {
    Assessment a = ENGINE.assess(read("christmas-market-2031-beyond-the-data.json"));
    assertThat(a.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("data/high_profile_events.csv covers 2005-01-01 to 2030-12-31"));
    assertThat(a.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("data/tension_periods.csv covers")
                    .contains("to 2026-12-01"));
    assertThat(Json.compact(AssessmentJson.of(a)))
        .contains("high_profile_events.csv covers 2005-01-01 to 2030-12-31");
  }
}
