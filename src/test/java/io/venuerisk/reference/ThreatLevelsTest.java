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
import java.util.Map;
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
    // each country's rows begin when its published system did (docs: data/README.md)
    assertThat(LEVELS.inForce(scenario().in("GB").on("2006-07-31").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("NL").on("2005-06-09").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("FR").on("2005-07-06").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("BE").on("2006-11-30").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("AU").on("2003-06-10").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("US").on("2011-04-25").build())).isEmpty();
    assertThat(LEVELS.inForce(scenario().in("ES").on("2015-06-25").build())).isEmpty();
  }

  @Test
  void anOpenRowStaysInForceAfterTheLastReview() {
    assertThat(level("GB", "2028-06-20").level()).isEqualTo("SEVERE");
  }

  // ------------------------------------------------------------------ the earlier years

  @Test
  void theUkLevelsOfTheEarlierYearsWereInForceOnTheirDays() {
    assertThat(level("GB", "2006-08-01").level()).isEqualTo("SEVERE");
    ThreatLevelInForce airliners = level("GB", "2006-08-12");
    assertThat(airliners.level()).isEqualTo("CRITICAL");
    assertThat(airliners.asOf()).isEqualTo("2006-08-10");
    assertThat(airliners.until()).isEqualTo("2006-08-13");
    assertThat(level("GB", "2012-07-27").level()).isEqualTo("SUBSTANTIAL"); // London 2012
    assertThat(level("GB", "2017-05-25").level()).isEqualTo("CRITICAL"); // after Manchester
    assertThat(level("GB", "2017-05-27").level()).isEqualTo("SEVERE");
    assertThat(level("GB", "2020-06-01").level()).isEqualTo("SUBSTANTIAL");
    assertThat(level("GB", "2021-12-01").level()).isEqualTo("SEVERE");
    assertThat(level("GB", "2021-12-01").uncertain()).isFalse();
  }

  @Test
  void theEarlierScalesAreScoredOnTheSharedRanks() {
    ThreatLevelInForce nl = level("NL", "2010-06-01");
    assertThat(nl.level()).isEqualTo("beperkt_pre_2016");
    assertThat(nl.rankName()).isEqualTo(ThreatRank.MODERATE);
    assertThat(nl.meaning()).contains("four-step scale");
    assertThat(level("NL", "2015-06-01").level()).isEqualTo("substantieel_pre_2016");
    assertThat(level("NL", "2015-06-01").rank()).isEqualTo(4);
    // NCTV kept the level when it moved to five steps: the rank does not change on 11 Jul 2016
    assertThat(level("NL", "2016-07-11").level()).isEqualTo("4");
    assertThat(level("NL", "2016-07-11").rank()).isEqualTo(level("NL", "2016-07-10").rank());
    assertThat(level("NL", "2021-06-01").level()).isEqualTo("3");

    assertThat(level("FR", "2010-12-24").level()).isEqualTo("rouge");
    ThreatLevelInForce paris = level("FR", "2015-11-13");
    assertThat(paris.level()).isEqualTo("vigilance_pre_2016");
    assertThat(paris.rankName()).isEqualTo(ThreatRank.SEVERE);
    assertThat(level("FR", "2016-12-01").level()).isEqualTo("securite_renforcee_risque_attentat");
    assertThat(level("FR", "2018-12-12").level()).isEqualTo("urgence_attentat");
    assertThat(level("FR", "2020-11-15").level()).isEqualTo("urgence_attentat");

    assertThat(level("AU", "2010-01-26").level()).isEqualTo("medium");
    assertThat(level("AU", "2010-01-26").rankName()).isEqualTo(ThreatRank.MODERATE);
    assertThat(level("AU", "2015-01-26").level()).isEqualTo("high");
    // ASIO: NTTAS probable corresponds with the previous high
    assertThat(level("AU", "2015-11-26").level()).isEqualTo("probable");
    assertThat(level("AU", "2015-11-26").rank()).isEqualTo(level("AU", "2015-11-25").rank());
  }

  @Test
  void theOtherCountriesOfTheEarlierYearsWithTheUncertainRowsMarked() {
    ThreatLevelInForce brussels = level("BE", "2016-03-22");
    assertThat(brussels.level()).isEqualTo("4");
    assertThat(brussels.rankName()).isEqualTo(ThreatRank.CRITICAL);
    assertThat(level("BE", "2017-06-01").level()).isEqualTo("3");
    assertThat(level("BE", "2019-06-01").level()).isEqualTo("2");
    assertThat(level("BE", "2010-06-01").level()).isEqualTo("2");
    assertThat(level("BE", "2010-06-01").uncertain()).isTrue();

    ThreatLevelInForce us = level("US", "2013-04-15");
    assertThat(us.level()).isEqualTo("no_advisory");
    assertThat(us.uncertain()).isFalse();
    assertThat(level("US", "2016-07-04").level()).isEqualTo("bulletin");
    assertThat(level("US", "2020-01-10").level()).isEqualTo("bulletin");
    assertThat(level("US", "2020-01-10").asOf()).isEqualTo("2020-01-04");
    assertThat(level("US", "2020-06-01").level()).isEqualTo("no_advisory");
    assertThat(level("US", "2020-06-01").uncertain()).isTrue();
    // the end of the May 2023 Bulletin is confirmed
    assertThat(level("US", "2023-11-24").uncertain()).isFalse();
    assertThat(level("ES", "2017-08-17").level()).isEqualTo("4");
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
    "AU, Medium, medium",
    "FR, Écarlate, ecarlate",
    "FR, vigilance renforcée, vigilance_pre_2016",
    "FR, Alerte attentat, alerte_attentat",
    "NL, Beperkt pre 2016, beperkt_pre_2016",
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

  /**
   * The earlier scales of a system, each lowest first: the levels the dated rows use before the
   * current scale began (AU's public alert levels to November 2015, France's colour code to
   * February 2014 and its two-level plan to November 2016, the Netherlands' four steps to July
   * 2016).
   */
  private static final Map<String, List<List<String>>> EARLIER_SCALES =
      Map.of(
          "AU", List.of(List.of("low", "medium", "high", "extreme")),
          "FR",
              List.of(
                  List.of("jaune", "orange", "rouge", "ecarlate"),
                  List.of("vigilance_pre_2016", "alerte_attentat")),
          "NL",
              List.of(
                  List.of(
                      "minimaal_pre_2016",
                      "beperkt_pre_2016",
                      "substantieel_pre_2016",
                      "kritiek_pre_2016")));

  private static List<String> earlier(String cc) {
    return EARLIER_SCALES.getOrDefault(cc, List.of()).stream().flatMap(List::stream).toList();
  }

  @Test
  void everySystemsLevelsRiseInRankInTheSystemsOwnOrderAndTheUkScaleIsTheSharedOne() {
    for (String cc : LEVELS.countries()) {
      List<ThreatLevelDefinition> scale =
          LEVELS.scale(cc).stream().filter(d -> !earlier(cc).contains(d.level())).toList();
      assertRising(cc, scale);
      for (List<String> names : EARLIER_SCALES.getOrDefault(cc, List.of())) {
        assertRising(cc, names.stream().map(n -> LEVELS.definition(cc, n).orElseThrow()).toList());
      }
    }
    assertThat(LEVELS.scale("GB"))
        .extracting(ThreatLevelDefinition::level)
        .containsExactly("LOW", "MODERATE", "SUBSTANTIAL", "SEVERE", "CRITICAL");
    for (ThreatLevelDefinition d : LEVELS.scale("GB")) {
      assertThat(d.rankName().name()).isEqualTo(d.level());
    }
  }

  private static void assertRising(String cc, List<ThreatLevelDefinition> scale) {
    for (int i = 1; i < scale.size(); i++) {
      assertThat(scale.get(i).rank())
          .as("%s %s", cc, scale.get(i).level())
          .isGreaterThan(scale.get(i - 1).rank());
    }
    assertThat(scale.get(scale.size() - 1).rankName())
        .as("top of %s", cc)
        .isEqualTo(ThreatRank.CRITICAL);
  }

  @Test
  void theLevelsOfAnEarlierScaleAreInForceOnlyBeforeTheCurrentScaleBegan() {
    for (String cc : LEVELS.countries()) {
      List<ThreatLevelPeriod> rows = LEVELS.referencePeriods(cc);
      LocalDate currentFrom =
          rows.stream()
              .filter(p -> !earlier(cc).contains(p.level()))
              .map(ThreatLevelPeriod::from)
              .min(LocalDate::compareTo)
              .orElseThrow();
      for (ThreatLevelPeriod p : rows) {
        if (earlier(cc).contains(p.level())) {
          assertThat(p.to()).as("%s", p).isNotNull().isBefore(currentFrom);
        }
      }
    }
    assertThat(earlier("GB")).isEmpty();
    assertThat(earlier("US")).isEmpty();
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
