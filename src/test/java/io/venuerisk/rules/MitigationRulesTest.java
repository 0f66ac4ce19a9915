package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static io.venuerisk.rules.RuleHarness.engine;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Category;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.VenueType;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** rules/mitigations.drl: credit for measures in place, recommendations for the missing ones. */
class MitigationRulesTest {

  @Test
  void aMeasureInPlaceEarnsTheCreditOfItsMitigationsRow() {
    var s = scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000)
        .measures(Measure.BAG_SEARCH).build();
    var credits = assess(s).findings().stream().filter(f -> f.category() == Category.MITIGATION).toList();
    assertThat(credits).extracting(f -> f.rule()).containsOnly("MIT-CREDIT");
    assertThat(credits).anySatisfy(f -> {
      assertThat(f.exposure()).isEqualTo(ExposureKind.PERSON_BORNE_IED);
      assertThat(f.points()).isEqualTo(-3);
      assertThat(f.measures()).containsExactly(Measure.BAG_SEARCH);
    });
  }

  @Test
  void aMeasureWithNoExposureToAnswerEarnsNothing() {
    var s = scenario().measures(Measure.CLOSE_PROTECTION, Measure.TRAVEL_SECURITY).build();
    assertThat(assess(s).findings()).noneMatch(f -> f.category() == Category.MITIGATION);
  }

  @Test
  void unknownMeasuresEarnNoCreditAndAreRecommended() {
    var s = scenario().at(VenueType.ARENA).indoor(true).people(5000).build();
    var a = assess(s);
    assertThat(a.findings()).noneMatch(f -> f.points() < 0);
    assertThat(a.recommendedMeasures()).extracting(r -> r.measure())
        .contains(Measure.ARMED_SECURITY, Measure.LOCKDOWN_PLAN, Measure.BAG_SEARCH);
  }

  @Test
  void recommendationsAreRankedByThePointsTheyWouldTakeOffAndNameTheExposures() {
    var a = assess(scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000).build());
    var recs = a.recommendedMeasures();
    for (int i = 1; i < recs.size(); i++) {
      assertThat(recs.get(i - 1).reduction()).isGreaterThanOrEqualTo(recs.get(i).reduction());
    }
    var hvm = recs.stream().filter(r -> r.measure() == Measure.HOSTILE_VEHICLE_MITIGATION).findFirst().orElseThrow();
    assertThat(hvm.reduces()).contains(ExposureKind.VEHICLE_RAMMING);
  }

  @Test
  void eachExposureListsEveryMeasureItsGuidanceNamesThatIsNotInPlace() {
    var s = scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000)
        .measures(Measure.BAG_SEARCH).build();
    var a = assess(s);
    assertThat(a.exposures()).isNotEmpty();
    for (var e : a.exposures()) {
      var expected = engine().data().mitigations().stream()
          .filter(m -> m.exposure() == e.exposure() && m.measure() != Measure.BAG_SEARCH)
          .map(MitigationOption::measure).sorted().distinct().toList();
      assertThat(e.missing()).as("missing against %s", e.exposure()).isEqualTo(expected);
    }
  }

  @Test
  void nothingIsRecommendedWhenEveryMeasureIsInPlace() {
    var s = scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000)
        .measures(Measure.values()).build();
    assertThat(assess(s).exposures()).isNotEmpty();
    assertThat(assess(s).recommendedMeasures()).isEmpty();
    assertThat(RuleHarness.fired(s)).contains("MIT-CREDIT").doesNotContain("MIT-RECOMMEND");
  }

  @Test
  void noExposureCanBeCreditedBeyondItsOwnPoints() {
    // the guarantee behind "adding a measure never raises a score and never goes below zero
    // per exposure": the credits tied to an exposure add up to at most its points
    Map<ExposureKind, Integer> totalCredit =
        engine().data().mitigations().stream()
            .collect(Collectors.groupingBy(MitigationOption::exposure,
                Collectors.summingInt(MitigationOption::credit)));
    Map<String, Integer> exposurePoints =
        engine().rules().rules().stream()
            .filter(r -> r.meta().category() == Category.EXPOSURE)
            .collect(Collectors.toMap(r -> r.meta().id(), r -> r.meta().points()));
    for (ExposureKind k : ExposureKind.values()) {
      String rule = "EXP-" + k.code().toUpperCase().replace('_', '-');
      assertThat(exposurePoints).as("exposure rule for %s", k).containsKey(rule);
      assertThat(totalCredit.getOrDefault(k, 0)).as("credit against %s", k)
          .isPositive().isLessThanOrEqualTo(exposurePoints.get(rule));
    }
  }
}
