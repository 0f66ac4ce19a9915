package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static io.venuerisk.rules.RuleHarness.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.EventType;
import io.venuerisk.model.VenueType;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/impact.drl: people present on a log scale, mass casualties, symbolic value. */
class ImpactRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("impact.drl", s.build());
  }

  @ParameterizedTest(name = "{0} people are worth {1} points")
  @CsvSource({"10, 10.0", "100, 20.0", "1000, 30.0", "3000, 34.8", "10000, 40.0", "80000, 49.0"})
  void peoplePresentCountTenPointsPerTenfold(int people, double points) {
    assertThat(finding(scenario().people(people).build(), "IMP-PEOPLE-PRESENT").points())
        .isEqualTo(points);
  }

  @Test
  void everyCrowdSizeRanksSoTwoDifferentCrowdsNeverTie() {
    double a = assess(scenario().people(12000).build()).inherent().consequence().points();
    double b = assess(scenario().people(15000).build()).inherent().consequence().points();
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void exactlyTheImpactRulesOfEachKindOfEvent() {
    assertThat(fired(scenario())).containsExactly("IMP-PEOPLE-PRESENT");
    // no steps at 10,000 or 50,000: the people count on one log scale
    assertThat(fired(scenario().indoor(false).people(10000))).containsExactly("IMP-PEOPLE-PRESENT");
    assertThat(fired(scenario().indoor(false).people(60000))).containsExactly("IMP-PEOPLE-PRESENT");
    assertThat(fired(scenario().at(VenueType.CONCERT_HALL).people(2000)))
        .containsExactly("IMP-CROWDED-INDOOR", "IMP-PEOPLE-PRESENT");
    assertThat(fired(scenario().at(VenueType.EMBASSY)))
        .containsExactly("IMP-PEOPLE-PRESENT", "IMP-SYMBOLIC-SITE");
    assertThat(fired(scenario().at(VenueType.RELIGIOUS_SITE).event(EventType.RELIGIOUS_SERVICE)))
        .containsExactly("IMP-PEOPLE-PRESENT", "IMP-RELIGIOUS-OCCASION");
    assertThat(fired(scenario().international(true)))
        .containsExactly("IMP-INTERNATIONAL-PROFILE", "IMP-PEOPLE-PRESENT");
  }
}
