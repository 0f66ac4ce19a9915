package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.TestScenarios;
import io.venuerisk.model.EventType;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Measure;
import io.venuerisk.model.VenueType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * rules/tactics.drl: exposures to the six tactic families of ISK-T3, exactly which fire, and what
 * the measures in place do to them (data/mitigations.csv, applied by the risk model).
 */
class TacticRulesTest {
  private static Set<String> fired(TestScenarios s) {
    return RuleHarness.firedIn("tactics.drl", s.build());
  }

  @Test
  void everyGatheringIsExposedToIedsAtItsEntrancesAndToKnives() {
    assertThat(fired(scenario().indoor(null).people(30)))
        .containsExactly("EXP-EDGED-WEAPON", "EXP-PERSON-BORNE-IED");
  }

  @Test
  void anOutdoorCrowdIsExposedToVehicleRammingWhateverItsSize() {
    Set<String> open =
        Set.of(
            "EXP-EDGED-WEAPON",
            "EXP-PERSON-BORNE-IED",
            "EXP-VEHICLE-BORNE-IED",
            "EXP-VEHICLE-RAMMING");
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(50)))
        .containsExactlyInAnyOrderElementsOf(open);
    assertThat(fired(scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(50000)))
        .containsExactlyInAnyOrderElementsOf(open);
  }

  @Test
  void anIndoorVenueIsExposedToFirearmsAndAMilitaryStyleAssaultButNotToRamming() {
    assertThat(
            fired(
                scenario().at(VenueType.ARENA).event(EventType.CONCERT).indoor(true).people(8000)))
        .containsExactly(
            "EXP-COMPLEX-ASSAULT",
            "EXP-EDGED-WEAPON",
            "EXP-MARAUDING-FIREARMS",
            "EXP-PERSON-BORNE-IED",
            "EXP-VEHICLE-BORNE-IED");
  }

  @Test
  void aSmallCongregationIsExposedToAFirearmsAttackLikeTheIstanbulMass() {
    assertThat(
            fired(
                scenario()
                    .at(VenueType.RELIGIOUS_SITE)
                    .event(EventType.RELIGIOUS_SERVICE)
                    .indoor(false)
                    .people(40)))
        .containsExactly(
            "EXP-EDGED-WEAPON",
            "EXP-MARAUDING-FIREARMS",
            "EXP-PERSON-BORNE-IED",
            "EXP-VEHICLE-BORNE-IED",
            "EXP-VEHICLE-RAMMING");
  }

  @Test
  void officialsPresentAreExposedToTargetedKilling() {
    assertThat(fired(scenario().indoor(null).officials(true)))
        .containsExactly("EXP-EDGED-WEAPON", "EXP-PERSON-BORNE-IED", "EXP-TARGETED-KILLING");
  }

  @Test
  void westernersOrAidWorkersInKhorasanAreExposedToAbductionButNotInEurope() {
    assertThat(fired(scenario().indoor(null).aidAgencies(true).in("AF")))
        .containsExactly(
            "EXP-ABDUCTION", "EXP-EDGED-WEAPON", "EXP-INDIRECT-FIRE", "EXP-PERSON-BORNE-IED");
    assertThat(fired(scenario().indoor(null).westerners(true).in("TJ")))
        .containsExactly("EXP-ABDUCTION", "EXP-EDGED-WEAPON", "EXP-PERSON-BORNE-IED");
    assertThat(fired(scenario().indoor(null).westerners(true).in("DE")))
        .containsExactly("EXP-EDGED-WEAPON", "EXP-PERSON-BORNE-IED");
  }

  @Test
  void rocketsAreAnExposureOnlyInTheCoreConflictRegionAndSaySoHonestly() {
    var s = scenario().indoor(null).in("PK").build();
    assertThat(exposure(s, ExposureKind.INDIRECT_FIRE).reason())
        .contains("hardly mitigable by a venue operator");
    assertThat(fired(scenario().indoor(null).in("FR"))).doesNotContain("EXP-INDIRECT-FIRE");
  }

  @Test
  void symbolicSitesStadiumsAndInternationalEventsAreExposedToVehicleBorneIedsOnce() {
    assertThat(fired(scenario().at(VenueType.EMBASSY).indoor(null)))
        .containsExactly(
            "EXP-COMPLEX-ASSAULT",
            "EXP-EDGED-WEAPON",
            "EXP-PERSON-BORNE-IED",
            "EXP-VEHICLE-BORNE-IED");
    assertThat(fired(scenario().at(VenueType.STADIUM).indoor(false).international(true)))
        .containsExactly(
            "EXP-COMPLEX-ASSAULT",
            "EXP-EDGED-WEAPON",
            "EXP-PERSON-BORNE-IED",
            "EXP-VEHICLE-BORNE-IED",
            "EXP-VEHICLE-RAMMING");
    var both = scenario().at(VenueType.EMBASSY).indoor(null).international(true).build();
    assertThat(assess(both).findings())
        .filteredOn(f -> f.rule().equals("EXP-VEHICLE-BORNE-IED"))
        .hasSize(1);
  }

  @Test
  void hostileVehicleMitigationLowersTheRammingVulnerabilityButDoesNotRemoveTheExposure() {
    var s =
        scenario()
            .at(VenueType.PUBLIC_SPACE)
            .indoor(false)
            .people(3000)
            .measures(Measure.HOSTILE_VEHICLE_MITIGATION)
            .build();
    ExposureSummary ramming = exposure(s, ExposureKind.VEHICLE_RAMMING);
    // the scenario is in the harness's default country; its region's weight of ramming is data
    assertThat(ramming.weight())
        .isEqualTo(
            RuleHarness.engine()
                .data()
                .riskTables()
                .weight(
                    RuleHarness.engine().data().country(s.country()).orElseThrow().region(),
                    ExposureKind.VEHICLE_RAMMING));
    assertThat(ramming.vulnerability()).isEqualTo(0.4);
    assertThat(ramming.inPlace())
        .extracting(m -> m.measure())
        .containsExactly(Measure.HOSTILE_VEHICLE_MITIGATION);
    assertThat(ramming.missing())
        .contains(Measure.STANDOFF_PERIMETER)
        .doesNotContain(Measure.HOSTILE_VEHICLE_MITIGATION);
  }

  private static ExposureSummary exposure(io.venuerisk.model.Scenario s, ExposureKind kind) {
    return assess(s).exposures().stream()
        .filter(e -> e.exposure() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " exposure"));
  }
}
