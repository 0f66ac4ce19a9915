package io.venuerisk.reference;

import static io.venuerisk.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.Scenario;
import io.venuerisk.model.ScenarioContext;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.model.ThreatLevelInForce;
import io.venuerisk.model.ThreatLevelOrigin;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.model.ThreatRank;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The national threat level an event is scored against: the dated rows of data/threat_levels.csv,
 * each system's vocabulary, and the order in which a user's own levels take over.
 */
class ThreatLevelsTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final ThreatLevels LEVELS = DATA.threatLevels();

  private static ThreatLevelInForce level(String country, String from, String to) {
    return LEVELS.inForce(scenario().in(country).on(from).until(to).build()).orElseThrow();
  }

  private static ThreatLevelInForce level(String country, String day) {
    return level(country, day, day);
  }

  private static Scenario withLevel(Scenario s, String level) {
    return s.withContext(new ScenarioContext(level));
  }

  private static ThreatLevelPeriod declared(String country, String level, String from, String to) {
    ThreatLevelDefinition d = LEVELS.definition(country, level).orElseThrow();
    return new ThreatLevelPeriod(
        country,
        d.system(),
        d.level(),
        d.rank(),
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        "user-declared: ctx.json",
        "ctx.json");
  }

  private static ReferenceData withDeclared(ThreatLevelPeriod... rows) {
    return DATA.withDeclared(new DeclaredContext(List.of(), List.of(), List.of(rows)));
  }

  // ------------------------------------------------------------------ the dated rows

  @Test
  void theUkWentFromSubstantialToSevereOnThirtyAprilTwentySix() {
    ThreatLevelInForce before = level("GB", "2026-04-29");
    assertThat(before.level()).isEqualTo("SUBSTANTIAL");
    assertThat(before.rankName()).isEqualTo(ThreatRank.SUBSTANTIAL);
    assertThat(before.asOf()).isEqualTo("2022-02-09");
    ThreatLevelInForce after = level("GB", "2026-04-30");
    assertThat(after.level()).isEqualTo("SEVERE");
    assertThat(after.rank()).isEqualTo(4);
    assertThat(after.system()).isEqualTo("JTAC national threat level");
    assertThat(after.meaning()).isEqualTo("An attack is highly likely");
    assertThat(after.asOf()).isEqualTo("2026-04-30");
    assertThat(after.until()).isNull();
    assertThat(after.origin()).isEqualTo(ThreatLevelOrigin.REFERENCE_DATA);
    assertThat(after.declared()).isFalse();
    assertThat(after.source()).contains("30 Apr 2026");
  }

  @Test
  void anEventOverAChangeOfLevelIsScoredAgainstTheHighestOfItsDays() {
    ThreatLevelInForce t = level("GB", "2026-04-25", "2026-05-02");
    assertThat(t.level()).isEqualTo("SEVERE");
    assertThat(t.asOf()).isEqualTo("2026-04-30");
    // and a lowering does not hide the higher level of the event's first days
    ThreatLevelInForce fr = level("FR", "2024-01-10", "2024-01-20");
    assertThat(fr.level()).isEqualTo("urgence_attentat");
    assertThat(fr.until()).isEqualTo("2024-01-14");
  }

  @Test
  void franceWasLoweredInJanuaryTwentyFourAndRaisedAfterCrocus() {
    assertThat(level("FR", "2024-02-01").level()).isEqualTo("securite_renforcee_risque_attentat");
    assertThat(level("FR", "2024-02-01").rank()).isEqualTo(4);
    ThreatLevelInForce olympics = level("FR", "2024-07-26");
    assertThat(olympics.level()).isEqualTo("urgence_attentat");
    assertThat(olympics.rankName()).isEqualTo(ThreatRank.CRITICAL);
    assertThat(olympics.asOf()).isEqualTo("2024-03-24");
    assertThat(level("FR", "2026-12-12").asOf()).isEqualTo("2026-01-05");
  }

  @Test
  void equalRanksOnAnEventsDaysGiveTheMostRecentRow() {
    // two postures at urgence attentat meet on 1 July 2025
    assertThat(level("FR", "2025-06-30", "2025-07-01").asOf()).isEqualTo("2025-07-01");
  }

  @Test
  void theOtherCountriesAtTheirLevelsWithTheUncertainRowsMarked() {
    ThreatLevelInForce nl = level("NL", "2026-06-01");
    assertThat(nl.level()).isEqualTo("4");
    assertThat(nl.asOf()).isEqualTo("2023-12-12");
    assertThat(nl.uncertain()).isTrue();
    assertThat(level("AU", "2024-08-04").level()).isEqualTo("possible");
    assertThat(level("AU", "2024-08-05").level()).isEqualTo("probable");
    assertThat(level("AU", "2024-08-05").uncertain()).isFalse();
    assertThat(level("BE", "2025-03-01").level()).isEqualTo("3");
    ThreatLevelInForce us = level("US", "2025-07-04");
    assertThat(us.level()).isEqualTo("bulletin");
    assertThat(us.until()).isEqualTo("2025-09-22");
    assertThat(level("US", "2025-12-24").level()).isEqualTo("no_advisory");
    assertThat(level("US", "2025-12-24").uncertain()).isTrue();
  }

  @Test
  void aCountryWithoutASystemOrADateBeforeTheRowsHasNoLevel() {
    assertThat(LEVELS.inForce(scenario().in("DE").on("2026-12-20").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("JP").on("2026-12-20").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("GB").on("2021-06-01").build())).isEmpty();
  }

  @Test
  void anOpenRowStaysInForceAfterTheLastReview() {
    assertThat(level("GB", "2028-06-20").level()).isEqualTo("SEVERE");
  }

  // ------------------------------------------------------------------ vocabularies

  @ParameterizedTest
  @CsvSource({
    "GB, severe, SEVERE",
    "GB, ' Severe ', SEVERE",
    "FR, Urgence attentat, urgence_attentat",
    "FR, URGENCE-ATTENTAT, urgence_attentat",
    "FR, 'Sécurité renforcée – risque attentat', securite_renforcee_risque_attentat",
    "NL, 4, 4",
    "NL, Substantieel, 4",
    "BE, très grave, 4",
    "US, elevated, elevated_alert",
    "AU, Not expected, not_expected",
  })
  void aLevelIsMatchedWithoutRegardToCaseAccentsSpacesOrHyphensOrByAnAlias(
      String country, String written, String level) {
    assertThat(LEVELS.definition(country, written))
        .map(ThreatLevelDefinition::level)
        .contains(level);
  }

  @Test
  void anUnknownLevelOrACountryWithoutASystemMatchesNothing() {
    assertThat(LEVELS.definition("GB", "SEVER")).isEmpty();
    assertThat(LEVELS.definition("GB", "4")).isEmpty(); // NL's vocabulary, not the UK's
    assertThat(LEVELS.definition("DE", "hoch")).isEmpty();
    assertThat(LEVELS.definition("GB", "")).isEmpty();
    assertThat(LEVELS.system("DE")).isEmpty();
    assertThat(LEVELS.countries()).containsExactly("AU", "BE", "ES", "FR", "GB", "NL", "US");
  }

  @Test
  void everySystemsLevelsRiseInRankInTheSystemsOwnOrderAndTheUkScaleIsTheSharedOne() {
    for (String cc : LEVELS.countries()) {
      List<ThreatLevelDefinition> scale = LEVELS.scale(cc);
      for (int i = 1; i < scale.size(); i++) {
        assertThat(scale.get(i).rank())
            .as("%s %s", cc, scale.get(i).level())
            .isGreaterThan(scale.get(i - 1).rank());
      }
      assertThat(scale.get(scale.size() - 1).rankName())
          .as("top of %s", cc)
          .isEqualTo(ThreatRank.CRITICAL);
    }
    assertThat(LEVELS.scale("GB"))
        .extracting(ThreatLevelDefinition::level)
        .containsExactly("LOW", "MODERATE", "SUBSTANTIAL", "SEVERE", "CRITICAL");
    for (ThreatLevelDefinition d : LEVELS.scale("GB")) {
      assertThat(d.rankName().name()).isEqualTo(d.level());
    }
  }

  @Test
  void everyDatedRowUsesItsCountrysSystemAndALevelOfIt() {
    for (ThreatLevelPeriod p : LEVELS.periods()) {
      assertThat(LEVELS.system(p.country())).as("%s", p).contains(p.system());
      assertThat(LEVELS.definition(p.country(), p.level()))
          .as("%s", p)
          .map(ThreatLevelDefinition::rank)
          .contains(p.rank());
      assertThat(p.declared()).isFalse();
    }
  }

  // ------------------------------------------------------------------ a user's own levels

  @Test
  void theScenariosOwnLevelWinsOverTheOptionWhichWinsOverTheData() {
    Scenario gb = scenario().in("GB").on("2026-06-01").build();
    ReferenceData option =
        DATA.withThreatOverrides(List.of(LEVELS.definition("GB", "CRITICAL").orElseThrow()));
    ThreatLevelInForce fromOption = option.threatLevels().inForce(gb).orElseThrow();
    assertThat(fromOption.level()).isEqualTo("CRITICAL");
    assertThat(fromOption.origin()).isEqualTo(ThreatLevelOrigin.COMMAND_LINE);
    assertThat(fromOption.source()).isEqualTo("--threat-level GB=CRITICAL");
    assertThat(fromOption.asOf()).isEqualTo(gb.date());
    assertThat(fromOption.declared()).isTrue();

    ThreatLevelInForce own = option.threatLevels().inForce(withLevel(gb, "moderate")).orElseThrow();
    assertThat(own.level()).isEqualTo("MODERATE");
    assertThat(own.origin()).isEqualTo(ThreatLevelOrigin.SCENARIO);
    assertThat(own.source()).isEqualTo("context.threatLevel of the scenario");

    // the option is for its own country only
    assertThat(option.threatLevels().inForce(scenario().in("FR").on("2026-06-01").build()))
        .map(ThreatLevelInForce::level)
        .contains("urgence_attentat");
    // and the data it was made from is unchanged
    assertThat(LEVELS.inForce(gb)).map(ThreatLevelInForce::level).contains("SEVERE");
  }

  @Test
  void aDeclaredRowReplacesTheDataOnItsOwnDaysOnly() {
    ThreatLevels ctx =
        withDeclared(declared("GB", "MODERATE", "2026-05-01", "2026-05-01")).threatLevels();
    ThreatLevelInForce oneDay =
        ctx.inForce(scenario().in("GB").on("2026-05-01").build()).orElseThrow();
    assertThat(oneDay.level()).isEqualTo("MODERATE");
    assertThat(oneDay.origin()).isEqualTo(ThreatLevelOrigin.CONTEXT_FILE);
    assertThat(oneDay.source()).isEqualTo("user-declared: ctx.json");
    // the event's other days keep the reference level, which is higher
    ThreatLevelInForce threeDays =
        ctx.inForce(scenario().in("GB").on("2026-05-01").until("2026-05-03").build()).orElseThrow();
    assertThat(threeDays.level()).isEqualTo("SEVERE");
    assertThat(threeDays.origin()).isEqualTo(ThreatLevelOrigin.REFERENCE_DATA);
    // a declared row can also raise the level, or give one where the data has none
    ThreatLevels raised =
        withDeclared(
                declared("GB", "CRITICAL", "2027-05-28", "2027-06-03"),
                declared("NL", "5", "2027-01-01", null))
            .threatLevels();
    assertThat(raised.inForce(scenario().in("GB").on("2027-06-01").build()))
        .map(ThreatLevelInForce::level)
        .contains("CRITICAL");
    assertThat(raised.inForce(scenario().in("GB").on("2027-06-04").build()))
        .map(ThreatLevelInForce::level)
        .contains("SEVERE");
    ThreatLevelInForce nl =
        raised.inForce(scenario().in("NL").on("2030-01-01").build()).orElseThrow();
    assertThat(nl.level()).isEqualTo("5");
    assertThat(nl.until()).isNull();
  }

  @Test
  void aScenarioLevelThatIsNotInItsCountrysVocabularyIsABugOfTheCaller() {
    // the scenario readers refuse such a file with an input error first (ScenarioJson)
    Scenario bad = withLevel(scenario().in("GB").on("2026-06-01").build(), "urgence_attentat");
    assertThatThrownBy(() -> LEVELS.inForce(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("urgence_attentat");
  }

  @Test
  void theFormLevelsAreComparedIn() {
    assertThat(ThreatLevels.normalise("  Sécurité  renforcée – risque-attentat "))
        .isEqualTo("securite_renforcee_risque_attentat");
    assertThat(ThreatLevels.normalise("SEVERE")).isEqualTo("severe");
    assertThat(ThreatLevels.normalise("_4_")).isEqualTo("4");
  }
}
