package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --data DIR}: a bad value is named by file, line and column; the checks match the rules.
 */
class ReferenceDataErrorsTest {
  @TempDir Path dir;

  private Path copyOfData() throws IOException {
    for (String f : ReferenceSnapshot.FILES) {
      Files.copy(Path.of("data", f), dir.resolve(f));
    }
    return dir;
  }

  private void replaceLine(String file, int line, String text) throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve(file)));
    lines.set(line - 1, text);
    Files.write(dir.resolve(file), lines);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "christmas,observances.csv,xmas,0,,note|periods.csv:2: column 'match': unknown value 'xmas'",
        "christmas,observances.csv,,0,,note|periods.csv:2: column 'match': empty: list the"
            + " observance kinds of the period",
        "christmas,calendar.csv,christmas,0,,note|periods.csv:2: column 'table': expected"
            + " observances.csv, high_profile_events.csv or tension_periods.csv, got 'calendar.csv'",
        "christmas,high_profile_events.csv,indoor,0,,note|periods.csv:2: column 'match': unknown"
            + " value 'indoor'; expected sporting, european or both, or empty",
        "christmas,observances.csv,christmas,31,,note|periods.csv:2: column 'eve_days': expected a"
            + " whole number of days from 0 to 30, got '31'",
        "christmas,observances.csv,christmas,0,jewish,note|periods.csv:2: column 'traits':"
            + " unknown value 'jewish'",
        "christmas,observances.csv,christmas,0,,|periods.csv:2: column 'note': empty: say why"
            + " these rows make the period"
      })
  void aBadRowOfThePeriodsIsNamed(String rowAndMessage) throws IOException {
    copyOfData();
    String[] parts = rowAndMessage.split("\\|");
    replaceLine(ReferenceData.PERIODS, 2, parts[0]);
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(parts[1]);
  }

  @Test
  void aPeriodWithTwoRowsIsNamedAtTheSecond() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.PERIODS, 10, "ramadan,observances.csv,eid_al_fitr,0,,note");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage("periods.csv:10: column 'period': ramadan has a row already");
  }

  @Test
  void aPeriodWithoutARowIsNamed() throws IOException {
    copyOfData();
    List<String> lines =
        new java.util.ArrayList<>(Files.readAllLines(dir.resolve(ReferenceData.PERIODS)));
    lines.removeIf(l -> l.startsWith("raised_threat,"));
    Files.write(dir.resolve(ReferenceData.PERIODS), lines);
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith(
            "no row for the period raised_threat: the timing rules need one per period");
  }

  @Test
  void aCountryCodeThatIsNotTwoCapitalsIsNamed() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.COUNTRIES, 2, "ZZZ,AND,Andorra,europe");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage("countries.csv:2: column 'code': expected two capital letters, got 'ZZZ'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2024-02-30", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", "soon"})
  void anImpossibleOrMalformedDateIsNamed(String bad) throws IOException {
    copyOfData();
    replaceLine(ReferenceData.OBSERVANCES, 2, "easter,Easter,2024-03-29," + bad + ",test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "observances.csv:2: column 'end': expected an ISO date YYYY-MM-DD, got '" + bad + "'");
  }

  @Test
  void theLineNamedIsTheLineOfTheBadRowEvenAfterAMultiLineCell() throws IOException {
    copyOfData();
    List<String> lines =
        new java.util.ArrayList<>(Files.readAllLines(dir.resolve(ReferenceData.MITIGATIONS)));
    String header = lines.get(0);
    String good = lines.get(1);
    String bad = lines.get(2).replaceFirst(",(primary|supporting),[0-9.]+,", ",$1,x,");
    // a quoted guidance cell spread over two lines, then the bad row on line 4
    String split = good.replaceFirst(",\"", ",\"first line\n");
    Files.write(dir.resolve(ReferenceData.MITIGATIONS), List.of(header, split, bad));
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("mitigations.csv:4: column 'effectiveness': ");
  }

  @Test
  void aStatementIdOfAnotherShapeIsNamed() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.GUIDE_STATEMENTS, 2, "ISK-t1,Description,Text.,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("column 'id': expected an id like ISK-T2, got 'ISK-t1'");
  }

  @Test
  void theDayCheckAgreesWithTheIsoParserOnEveryDayAndOnNearMisses() {
    for (LocalDate d = LocalDate.of(1999, 1, 1);
        d.isBefore(LocalDate.of(2032, 1, 1));
        d = d.plusDays(1)) {
      assertThat(ReferenceData.isoDay(d.toString())).as(d.toString()).isTrue();
    }
    for (String s :
        List.of(
            "2024-1-01",
            "+2024-01-01",
            "2024-01-001",
            "2024-0a-01",
            "2024_01_01",
            "",
            "٢٠٢٤-٠١-٠١")) {
      assertThat(ReferenceData.isoDay(s)).as(s).isFalse();
    }
    for (String s : List.of("2024-02-30", "2023-02-29", "2024-00-10", "2024-04-31")) {
      assertThat(ReferenceData.isoDay(s))
          .as(s)
          .isTrue(); // shaped like a day: LocalDate.of refuses it
      assertThatThrownBy(() -> LocalDate.parse(s)).isInstanceOf(DateTimeParseException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ISK-T2", "ISK-E10", "ISK-T", "ISK-t2", "ISK-TT2", "ISK-T2a", "isk-T2", "ISK-T٢", "XISK-T2",
        ""
      })
  void theStatementIdCheckIsTheDocumentedPattern(String id) {
    assertThat(ReferenceData.statementId(id)).isEqualTo(id.matches("ISK-[A-Z][0-9]+"));
  }

  @Test
  void aThreatLevelThatIsNotInItsCountrysScaleIsNamed() throws IOException {
    copyOfData();
    replaceLine(
        ReferenceData.THREAT_LEVELS, 2, "GB,JTAC national threat level,SEVER,2022-02-09,,test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "threat_levels.csv:2: column 'level': 'SEVER' is not a level of JTAC national"
                + " threat level in threat_level_scales.csv");
  }

  @Test
  void aThreatLevelRowOfAnotherSystemIsNamed() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.THREAT_LEVELS, 2, "GB,Vigipirate,SEVERE,2022-02-09,,test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "threat_levels.csv:2: column 'system': expected 'JTAC national threat level' for GB"
                + " (as in threat_level_scales.csv), got 'Vigipirate'");
  }

  @Test
  void aRankOffTheSharedScaleIsNamed() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.THREAT_LEVEL_SCALES, 2, "NTTAS,AU,not_expected,,6,Not expected,test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "threat_level_scales.csv:2: column 'rank': expected 1 (low) to 5 (critical), got 6");
  }

  @Test
  void aCoverageRowForAnUnknownTableIsNamed() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.COVERAGE, 2, "countrys.csv,,,,test,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "coverage.csv:2: column 'table': unknown table 'countrys.csv'; expected one of countries.csv, ");
  }

  @Test
  void onlyAProvisionalEventMayLeaveItsHostUnknown() throws IOException {
    copyOfData();
    List<String> lines = Files.readAllLines(dir.resolve(ReferenceData.HIGH_PROFILE_EVENTS));
    replaceLine(
        ReferenceData.HIGH_PROFILE_EVENTS,
        2,
        "x,X,2024-05-01,2024-05-02,,true,true,ISK-R4,note,,false,test");
    assertThat(lines).hasSizeGreaterThan(2);
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "high_profile_events.csv:2: column 'countries': empty: only a provisional row may"
                + " leave the host unknown");
  }

  @Test
  void everyMeasureNeedsANameAndACountryRowSaysWhatItMeansThere() throws IOException {
    copyOfData();
    String first = Files.readAllLines(dir.resolve(ReferenceData.MEASURES)).get(1);
    replaceLine(ReferenceData.MEASURES, 2, "cctv,,CCTV again,,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("column 'measure': cctv has a row without a country already");
    // without its row, hostile_vehicle_mitigation has no name
    replaceLine(ReferenceData.MEASURES, 2, "cctv,GB,CCTV,watched by the police,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no row without a country for hostile_vehicle_mitigation");
    replaceLine(ReferenceData.MEASURES, 2, first);
    replaceLine(ReferenceData.MEASURES, 2, "bag_search,FR,fouille des sacs,,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("column 'meaning': empty: say what the measure means in FR");
    replaceLine(ReferenceData.MEASURES, 2, "bag_search,XX,a search,what it is,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown country code 'XX'");
  }

  @Test
  void aCountryAliasMayNotTakeAnAssignedCodeAndMustMeanAKnownCountry() throws IOException {
    copyOfData();
    replaceLine(ReferenceData.COUNTRY_ALIASES, 2, "FR,GB,wrong");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage("country_aliases.csv:2: column 'alias': 'FR' is the ISO code of France");
    replaceLine(ReferenceData.COUNTRY_ALIASES, 2, "UK,XX,the United Kingdom");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("country_aliases.csv:2: column 'country': unknown country code 'XX'");
    // a new alias is read as its country, from the table and not from the code
    replaceLine(ReferenceData.COUNTRY_ALIASES, 2, "Blighty,GB,an old name");
    ReferenceData data = ReferenceData.load(dir);
    assertThat(data.suggestCountry("blighty")).map(c -> c.code()).hasValue("GB");
    assertThat(data.suggestCountry("UK")).as("its row was replaced").isEmpty();
  }

  @Test
  void theShippedNamesGiveEveryMeasureALabelAndArmedSecurityItsBritishMeaning() {
    ReferenceData data = ReferenceData.bundled();
    for (io.venuerisk.model.Measure m : io.venuerisk.model.Measure.values()) {
      assertThat(data.measureNames().of(m, null).label()).as(m.code()).isNotBlank();
    }
    var gb = data.measureNames().of(io.venuerisk.model.Measure.ARMED_SECURITY, "GB");
    assertThat(gb.label()).isEqualTo("an armed police response plan");
    assertThat(gb.meaning()).contains("private armed guards are not lawful");
    assertThat(data.measureNames().of(io.venuerisk.model.Measure.ARMED_SECURITY, "US").label())
        .isEqualTo("an armed response on site");
    assertThat(data.measureNames().of(io.venuerisk.model.Measure.CLOSE_PROTECTION, "GB").protects())
        .isEqualTo("the officials or speakers present");
  }
}
