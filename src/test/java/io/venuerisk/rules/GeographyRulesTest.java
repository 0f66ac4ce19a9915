package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static io.venuerisk.rules.RuleHarness.fired;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Category;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/geography.drl: one geography finding per scenario, by the country's guide region. */
class GeographyRulesTest {

  @ParameterizedTest(name = "{0} is scored by {1}")
  @CsvSource({
    "AF, GEO-CORE", "PK, GEO-CORE", "TJ, GEO-CENTRAL-ASIA", "UZ, GEO-CENTRAL-ASIA",
    "IR, GEO-IRAN", "TR, GEO-TURKIYE", "RU, GEO-RUSSIA", "DE, GEO-EUROPE", "FR, GEO-EUROPE",
    "GB, GEO-EUROPE", "US, GEO-UNITED-STATES", "JP, GEO-OUTSIDE", "BR, GEO-OUTSIDE",
  })
  void eachCountryGetsExactlyTheRuleOfItsRegion(String country, String rule) {
    Set<String> geo =
        assess(scenario().in(country).build()).findings().stream()
            .filter(f -> f.category() == Category.GEOGRAPHY)
            .map(f -> f.rule())
            .collect(Collectors.toSet());
    assertThat(geo).containsExactly(rule);
  }

  @ParameterizedTest(name = "{0} weighs more than {1}")
  @CsvSource({"AF, IR", "IR, TR", "TR, DE", "DE, US", "US, JP"})
  void theCoreRegionWeighsMostAndThePlacesOutsideTheGuideNothing(String higher, String lower) {
    assertThat(assess(scenario().in(higher).build()).score())
        .isGreaterThan(assess(scenario().in(lower).build()).score());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"JP", "BR", "AU"})
  void countriesOutsideTheGuideAddNoGeographicPoints(String country) {
    assertThat(fired(scenario().in(country).build())).contains("GEO-OUTSIDE");
    assertThat(assess(scenario().in(country).build()).score()).isZero();
  }
}
