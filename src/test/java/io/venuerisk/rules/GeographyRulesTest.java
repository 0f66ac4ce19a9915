package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static io.venuerisk.rules.RuleHarness.firedIn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/geography.drl: exactly one rule per scenario, that of its country's region. */
class GeographyRulesTest {

  @ParameterizedTest(name = "{0} is scored by {1} alone")
  @CsvSource({
    "AF, GEO-CORE",
    "PK, GEO-CORE",
    "TJ, GEO-CENTRAL-ASIA",
    "UZ, GEO-CENTRAL-ASIA",
    "IR, GEO-IRAN",
    "TR, GEO-TURKIYE",
    "RU, GEO-RUSSIA",
    "DE, GEO-EUROPE",
    "FR, GEO-EUROPE",
    "GB, GEO-EUROPE",
    "US, GEO-UNITED-STATES",
    "JP, GEO-OUTSIDE",
    "BR, GEO-OUTSIDE",
  })
  void eachCountryGetsExactlyTheRuleOfItsRegion(String country, String rule) {
    // every event also has its country's baseline (data/country_baseline.csv)
    assertThat(firedIn("geography.drl", scenario().in(country).build()))
        .containsExactly("BAS-COUNTRY", rule);
  }

  @ParameterizedTest(name = "{0} is a higher threat than {1}")
  @CsvSource({"AF, IR", "IR, TR", "TR, DE", "DE, US", "US, JP"})
  void theCoreRegionWeighsMostAndThePlacesOutsideTheGuideLeast(String higher, String lower) {
    assertThat(geography(higher)).isGreaterThan(geography(lower));
  }

  private static double geography(String country) {
    return assess(scenario().in(country).build()).findings().stream()
        .filter(f -> f.rule().startsWith("GEO-"))
        .mapToDouble(f -> f.points())
        .sum();
  }

  @Test
  void outsideTheGuidesRegionsTheThreatIsSmallButNotNil() {
    var a = assess(scenario().in("JP").build());
    assertThat(a.findings())
        .anyMatch(f -> f.rule().equals("GEO-OUTSIDE") && f.points() > 0 && f.points() < 2);
    assertThat(a.score()).isPositive();
  }
}
