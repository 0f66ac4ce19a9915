package io.venuerisk.rules;

import static io.venuerisk.TestScenarios.scenario;
import static io.venuerisk.rules.RuleHarness.assess;
import static io.venuerisk.rules.RuleHarness.fired;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.EventType;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Measure;
import io.venuerisk.model.VenueType;
import org.junit.jupiter.api.Test;

/** rules/tactics.drl: exposures to the six tactic families of ISK-T3. */
class TacticRulesTest {

  @Test
  void anOutdoorPedestrianCrowdIsExposedToVehicleRamming() {
    var s = scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000).build();
    assertThat(fired(s)).contains("EXD-VEHICLE-RAMMING", "EXP-VEHICLE-RAMMING");
  }

  @Test
  void hostileVehicleMitigationEarnsCreditButDoesNotRemoveTheRammingExposure() {
    var s = scenario().at(VenueType.PUBLIC_SPACE).indoor(false).people(3000)
        .measures(Measure.HOSTILE_VEHICLE_MITIGATION).build();
    ExposureSummary ramming = exposure(s, ExposureKind.VEHICLE_RAMMING);
    assertThat(ramming.points()).isEqualTo(12);
    assertThat(ramming.credit()).isEqualTo(6);
    assertThat(ramming.inPlace()).containsExactly(Measure.HOSTILE_VEHICLE_MITIGATION);
    assertThat(ramming.missing()).contains(Measure.STANDOFF_PERIMETER).doesNotContain(Measure.HOSTILE_VEHICLE_MITIGATION);
  }

  @Test
  void unscreenedEntryQueuesAreExposedToIeds() {
    assertThat(fired(scenario().people(800).build())).contains("EXP-PERSON-BORNE-IED");
    assertThat(fired(scenario().people(300).build())).doesNotContain("EXP-PERSON-BORNE-IED");
  }

  @Test
  void aLargeIndoorVenueIsExposedToAMaraudingFirearmsAttack() {
    var s = scenario().at(VenueType.ARENA).event(EventType.CONCERT).indoor(true).people(8000).build();
    assertThat(fired(s)).contains("EXP-MARAUDING-FIREARMS", "EXP-COMPLEX-ASSAULT")
        .doesNotContain("EXP-VEHICLE-RAMMING");
    assertThat(exposure(s, ExposureKind.MARAUDING_FIREARMS).missing())
        .contains(Measure.ARMED_SECURITY, Measure.LOCKDOWN_PLAN);
  }

  @Test
  void officialsPresentAreExposedToTargetedKilling() {
    assertThat(fired(scenario().officials(true).build())).contains("EXP-TARGETED-KILLING");
    assertThat(exposure(scenario().officials(true).build(), ExposureKind.TARGETED_KILLING).missing())
        .contains(Measure.CLOSE_PROTECTION);
  }

  @Test
  void westernersOrAidWorkersInTheCoreRegionAreExposedToAbductionButNotInEurope() {
    assertThat(fired(scenario().aidAgencies(true).in("AF").build())).contains("EXP-ABDUCTION");
    assertThat(fired(scenario().westerners(true).in("TJ").build())).contains("EXP-ABDUCTION");
    assertThat(fired(scenario().westerners(true).in("DE").build())).doesNotContain("EXP-ABDUCTION");
  }

  @Test
  void rocketsAreAnExposureOnlyInTheCoreConflictRegionAndSaySoHonestly() {
    var s = scenario().in("PK").build();
    assertThat(fired(s)).contains("EXP-INDIRECT-FIRE");
    assertThat(exposure(s, ExposureKind.INDIRECT_FIRE).reason()).contains("not mitigable by a venue operator");
    assertThat(fired(scenario().in("FR").build())).doesNotContain("EXP-INDIRECT-FIRE");
  }

  @Test
  void symbolicSitesAndMassGatheringsAreExposedToVehicleBorneIeds() {
    assertThat(fired(scenario().at(VenueType.EMBASSY).build())).contains("EXP-VEHICLE-BORNE-IED");
    assertThat(fired(scenario().people(20000).build())).contains("EXP-VEHICLE-BORNE-IED");
    assertThat(fired(scenario().people(2000).build())).doesNotContain("EXP-VEHICLE-BORNE-IED");
  }

  @Test
  void eachExposureIsScoredOnceEvenWhenSeveralFactsLeadToIt() {
    var s = scenario().at(VenueType.EMBASSY).people(20000).build();
    assertThat(assess(s).findings()).filteredOn(f -> f.rule().equals("EXP-VEHICLE-BORNE-IED")).hasSize(1);
  }

  private static ExposureSummary exposure(io.venuerisk.model.Scenario s, ExposureKind kind) {
    return assess(s).exposures().stream().filter(e -> e.exposure() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " exposure"));
  }
}
