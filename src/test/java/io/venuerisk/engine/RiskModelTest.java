package io.venuerisk.engine;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.EventType;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.MitigationRole;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The residual risk and the measures (docs/scoring.md, "Measures"): data/mitigations.csv as the
 * risk model applies it, on the exposures the shipped rules find.
 */
class RiskModelTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), DATA);

  /** Scenarios between them exposed to every tactic family. */
  private static final List<Scenario> EXPOSED =
      List.of(
          scenario()
              .at(VenueType.STADIUM)
              .event(EventType.SPORTING_EVENT)
              .indoor(false)
              .people(60000)
              .international(true)
              .officials(true)
              .in("PK")
              .westerners(true)
              .build(),
          scenario()
              .at(VenueType.CONCERT_HALL)
              .event(EventType.CONCERT)
              .indoor(true)
              .people(5000)
              .in("DE")
              .build(),
          scenario()
              .at(VenueType.RELIGIOUS_SITE)
              .event(EventType.RELIGIOUS_SERVICE)
              .people(40)
              .in("TR")
              .build(),
          scenario()
              .at(VenueType.PUBLIC_SPACE)
              .event(EventType.MARKET)
              .indoor(false)
              .people(3000)
              .in("FR")
              .build());

  @Test
  void theScenariosBelowCoverEveryExposureKind() {
    Set<ExposureKind> seen = EnumSet.noneOf(ExposureKind.class);
    EXPOSED.forEach(s -> ENGINE.assess(s).exposures().forEach(e -> seen.add(e.exposure())));
    assertThat(seen).containsExactlyInAnyOrder(ExposureKind.values());
  }

  @Test
  void everyPrimaryMeasureTogetherLeavesAtMostHalfOfEachVulnerabilityAndNeverNone() {
    for (ExposureKind k : ExposureKind.values()) {
      double left = 1;
      for (MitigationOption m : DATA.mitigations()) {
        if (m.exposure() == k && m.role() == MitigationRole.PRIMARY) {
          left *= 1 - m.effectiveness();
        }
      }
      assertThat(left)
          .as("left of %s by its primary measures", k)
          .isPositive()
          .isLessThanOrEqualTo(0.5);
    }
  }

  @Test
  void everyPrimaryMeasureForEveryExposurePresentHalvesTheHarmLeftAtLeastButNeverZeroesIt() {
    for (Scenario s : EXPOSED) {
      Assessment unprotected = ENGINE.assess(s);
      Set<Measure> primaries = EnumSet.noneOf(Measure.class);
      for (ExposureSummary e : unprotected.exposures()) {
        for (MitigationOption m : DATA.mitigations()) {
          if (m.exposure() == e.exposure() && m.role() == MitigationRole.PRIMARY) {
            primaries.add(m.measure());
          }
        }
      }
      Assessment secured = ENGINE.assess(s.withMeasures(new ArrayList<>(primaries)));
      assertThat(secured.inherent()).isEqualTo(unprotected.inherent());
      // at most half the weighed harm is left: the residual likelihood falls by at least one
      // doubling (10 points), and the score with it, but never to nothing
      assertThat(secured.trace().vulnerability())
          .as(s.venueType().code())
          .isPositive()
          .isLessThanOrEqualTo(0.5);
      assertThat(secured.trace().residualLikelihood())
          .isLessThanOrEqualTo(unprotected.trace().residualLikelihood() - 10 + 0.1);
      assertThat(secured.score()).isPositive().isLessThan(unprotected.score());
    }
  }

  @Test
  void oneSupportingMeasureTakesOffLittle() {
    for (Scenario s : EXPOSED) {
      Assessment unprotected = ENGINE.assess(s);
      for (MitigationOption m : DATA.mitigations()) {
        if (m.role() != MitigationRole.SUPPORTING) {
          continue;
        }
        Assessment with = ENGINE.assess(s.withMeasures(List.of(m.measure())));
        boolean primaryElsewhere =
            DATA.mitigations().stream()
                .anyMatch(
                    o ->
                        o.measure() == m.measure()
                            && o.role() == MitigationRole.PRIMARY
                            && unprotected.exposures().stream()
                                .anyMatch(e -> e.exposure() == o.exposure()));
        if (!primaryElsewhere) {
          assertThat(unprotected.score() - with.score())
              .as("%s on %s", m.measure(), s.venueType())
              .isLessThanOrEqualTo(unprotected.score() * 0.1 + 0.05);
        }
      }
    }
  }

  @Test
  void aMeasureThatAnswersNoExposureOfTheEventIsListedWithItsReasonAndChangesNothing() {
    Scenario meeting = scenario().indoor(null).people(80).build();
    Assessment without = ENGINE.assess(meeting);
    Assessment with =
        ENGINE.assess(meeting.withMeasures(List.of(Measure.CLOSE_PROTECTION, Measure.BAG_SEARCH)));
    assertThat(with.measuresWithoutEffect())
        .extracting(m -> m.measure())
        .containsExactly(Measure.CLOSE_PROTECTION);
    assertThat(with.measuresWithoutEffect().get(0).why())
        .isEqualTo(MeasureWithoutEffect.Why.ANSWERS_OTHER_EXPOSURES);
    assertThat(with.measuresWithoutEffect().get(0).answers()).contains("targeted_killing");
    Assessment onlyIdle = ENGINE.assess(meeting.withMeasures(List.of(Measure.CLOSE_PROTECTION)));
    assertThat(onlyIdle.score()).isEqualTo(without.score());
  }

  @Test
  void unknownMeasuresEarnNothingAndEveryMissingMeasureIsRecommended() {
    Scenario arena = scenario().at(VenueType.ARENA).indoor(true).people(5000).build();
    Assessment a = ENGINE.assess(arena);
    assertThat(a.score()).isEqualTo(a.inherent().score());
    assertThat(a.trace().vulnerability()).isEqualTo(1.0);
    assertThat(a.recommendedMeasures())
        .extracting(r -> r.measure())
        .contains(Measure.ARMED_SECURITY, Measure.LOCKDOWN_PLAN, Measure.BAG_SEARCH);
  }

  @Test
  void eachRecommendationTakesOffWhatAddingItReallyDoesAndTheyAreRankedByIt() {
    Scenario market = EXPOSED.get(3);
    Assessment a = ENGINE.assess(market);
    var recs = a.recommendedMeasures();
    assertThat(recs).isNotEmpty();
    for (int i = 0; i < recs.size(); i++) {
      if (i > 0) {
        assertThat(recs.get(i - 1).reduction()).isGreaterThanOrEqualTo(recs.get(i).reduction());
      }
      Assessment with = ENGINE.assess(market.withMeasures(List.of(recs.get(i).measure())));
      assertThat(recs.get(i).reduction())
          .as(recs.get(i).measure().code())
          .isCloseTo(a.score() - with.score(), org.assertj.core.data.Offset.offset(0.11));
      // per tactic: the risk points the measure takes off each tactic it answers, as scored
      var expected = io.venuerisk.model.TacticReduction.between(a, with);
      assertThat(recs.get(i).byTactic())
          .extracting(t -> t.exposure())
          .containsExactlyInAnyOrderElementsOf(expected.stream().map(t -> t.exposure()).toList());
      for (var t : recs.get(i).byTactic()) {
        double scored =
            expected.stream()
                .filter(x -> x.exposure() == t.exposure())
                .findFirst()
                .orElseThrow()
                .points();
        assertThat(t.points())
            .as(t.exposure().code())
            .isCloseTo(scored, org.assertj.core.data.Offset.offset(0.11));
      }
    }
    assertThat(ENGINE.assess(market.withMeasures(List.of(Measure.values()))).recommendedMeasures())
        .isEmpty();
  }

  @Test
  void eachExposureListsTheMeasuresInPlaceWithTheirEffectAndEveryMissingOne() {
    Scenario s = EXPOSED.get(3).withMeasures(List.of(Measure.BAG_SEARCH));
    for (ExposureSummary e : ENGINE.assess(s).exposures()) {
      var expected =
          DATA.mitigations().stream()
              .filter(m -> m.exposure() == e.exposure() && m.measure() != Measure.BAG_SEARCH)
              .map(MitigationOption::measure)
              .sorted()
              .distinct()
              .toList();
      assertThat(e.missing()).as("missing against %s", e.exposure()).isEqualTo(expected);
      double left = 1;
      for (var m : e.inPlace()) {
        assertThat(m.measure()).isEqualTo(Measure.BAG_SEARCH);
        left *= 1 - m.effectiveness();
      }
      assertThat(e.vulnerability()).isCloseTo(left, org.assertj.core.data.Offset.offset(0.001));
    }
  }

  @Test
  void aCrowdWithNoTargetDateOrPrecedentTheGuideNamesIsAtMostUnlikely() {
    // data/risk_levels.csv: "possible" needs one of the guide's signals, not a crowd alone
    for (String country : List.of("DE", "FR", "GB", "US")) {
      Assessment a =
          ENGINE.assess(
              scenario()
                  .at(VenueType.PUBLIC_SPACE)
                  .indoor(false)
                  .people(10000)
                  .in(country)
                  .build());
      assertThat(a.findings())
          .noneMatch(f -> f.rule().startsWith("TIM-") || f.rule().startsWith("PRE-"));
      assertThat(a.inherent().likelihood().level()).as(country).isLessThanOrEqualTo(2);
      assertThat(
              ENGINE
                  .assess(
                      scenario()
                          .at(VenueType.PUBLIC_SPACE)
                          .indoor(false)
                          .people(10000)
                          .in(country)
                          .communities(io.venuerisk.model.Community.JEWISH)
                          .build())
                  .inherent()
                  .likelihood()
                  .level())
          .as(country + " with a Jewish community present")
          .isGreaterThanOrEqualTo(a.inherent().likelihood().level());
    }
  }
}
