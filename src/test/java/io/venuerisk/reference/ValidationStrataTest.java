package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.Country;
import io.venuerisk.model.InputException;
import io.venuerisk.model.ValidationStratum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/validation_strata.csv: every country falls in one region stratum and every day in one
 * period, as the table says; a table that would leave a case in none or two is refused with its
 * file, line and column.
 */
class ValidationStrataTest {
  private static final ValidationStrata STRATA = ReferenceData.bundled().validationStrata();

  @TempDir Path dir;

  private String region(String country) {
    return STRATA.region(country).id();
  }

  @Test
  void khorasanIsTheGuidesHomeRegionsAndTheAmericasAreTheUnitedStatesAndTheRest() {
    assertThat(List.of("AF", "PK", "TJ", "UZ", "TM", "KG", "KZ", "IR"))
        .allSatisfy(c -> assertThat(region(c)).as(c).isEqualTo("khorasan"));
    assertThat(List.of("DE", "FR", "GB", "CY", "AX"))
        .allSatisfy(c -> assertThat(region(c)).as(c).isEqualTo("europe"));
    assertThat(List.of("US", "CA", "MX", "BR", "AR", "PR", "VI", "GL", "BV", "GS"))
        .allSatisfy(c -> assertThat(region(c)).as(c).isEqualTo("americas"));
    assertThat(List.of("TR", "RU", "JP", "AU", "LK", "ID", "UM", "GU"))
        .allSatisfy(c -> assertThat(region(c)).as(c).isEqualTo("rest"));
  }

  @Test
  void everyCountryHasARegionStratum() {
    for (Country c : ReferenceData.bundled().countries()) {
      assertThat(STRATA.region(c.code())).as(c.code()).isNotNull();
    }
  }

  @Test
  void theForwardStratumStartsTheDayAfterTheLastOfJuly2024() {
    assertThat(STRATA.period(LocalDate.parse("2024-07-31")).id()).isEqualTo("before_guide");
    assertThat(STRATA.period(LocalDate.parse("2024-08-01")).id()).isEqualTo("forward");
    assertThat(STRATA.period(LocalDate.parse("1990-01-01")).id()).isEqualTo("before_guide");
    assertThat(STRATA.period(LocalDate.parse("2099-12-31")).id()).isEqualTo("forward");
  }

  @Test
  void theStrataAreListedInFileOrder() {
    assertThat(STRATA.strata())
        .extracting(ValidationStratum::id)
        .containsExactly("khorasan", "europe", "americas", "rest", "before_guide", "forward");
  }

  private void write(String... rows) throws IOException {
    for (String f : ReferenceSnapshot.FILES) {
      Files.copy(Path.of("data", f), dir.resolve(f));
    }
    List<String> lines = new ArrayList<>();
    lines.add("dimension,stratum,name,regions,countries,from,to,source");
    lines.addAll(List.of(rows));
    Files.write(dir.resolve(ValidationStrata.FILE), lines);
  }

  @Test
  void aCountryInTwoStrataIsNamed() throws IOException {
    write(
        "region,europe,Europe,europe,,,,s",
        "region,west,West,,US;GB,,,s",
        "region,americas,Americas,,US,,,s",
        "region,rest,Rest,,,,,s");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "validation_strata.csv:4: column 'countries': 'US' is already in stratum 'west'");
  }

  @Test
  void aTableWithoutAStratumForTheCountriesNotNamedIsRefused() throws IOException {
    write("region,europe,Europe,europe,,,,s");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "validation_strata.csv: no region stratum takes the countries not named");
  }

  @Test
  void aGapBetweenPeriodsIsNamedAtThePeriodAfterIt() throws IOException {
    write(
        "region,rest,Rest,,,,,s",
        "period,before,Before,,,,2024-07-31,s",
        "period,after,After,,,2024-08-02,,s");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "validation_strata.csv:4: column 'from': 2024-08-02, but 'before' ends on 2024-07-31;"
                + " each period starts the day after the one before ends");
  }

  @Test
  void aFirstPeriodWithAStartIsRefusedSoThatNoCaseFallsOutside() throws IOException {
    write("period,forward,After,,,2024-08-01,,s");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("validation_strata.csv:2: column 'from': the first period starts");
  }

  @Test
  void anUnknownRegionIsNamed() throws IOException {
    write("region,k,Khorasan,core;khorasan,,,,s", "region,rest,Rest,,,,,s");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage("validation_strata.csv:2: column 'regions': unknown value 'khorasan'");
  }
}
