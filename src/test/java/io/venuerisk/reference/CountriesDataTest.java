package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Country;
import io.venuerisk.model.IskRegion;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** data/countries.csv: every ISO 3166-1 alpha-2 code, each with at most one guide region. */
class CountriesDataTest {
  private static final ReferenceData DATA = ReferenceData.bundled();

  @Test
  void everyOfficiallyAssignedAlpha2CodeIsListedOnce() {
    Set<String> iso = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    Set<String> listed =
        DATA.countries().stream().map(Country::code).collect(Collectors.toCollection(TreeSet::new));
    assertThat(DATA.countries()).hasSize(listed.size());
    assertThat(listed).isEqualTo(iso).hasSize(249);
  }

  @Test
  void alpha3CodesMatchIso3166() {
    for (Country c : DATA.countries()) {
      assertThat(c.alpha3()).as(c.code()).isEqualTo(new Locale("", c.code()).getISO3Country());
    }
  }

  @Test
  void theGuidesRegionsHoldTheCountriesItNames() {
    Map<String, IskRegion> r =
        DATA.countries().stream().collect(Collectors.toMap(Country::code, Country::region));
    assertThat(r)
        .containsEntry("AF", IskRegion.CORE)
        .containsEntry("PK", IskRegion.CORE)
        .containsEntry("TJ", IskRegion.CENTRAL_ASIA)
        .containsEntry("UZ", IskRegion.CENTRAL_ASIA)
        .containsEntry("TM", IskRegion.CENTRAL_ASIA)
        .containsEntry("KG", IskRegion.CENTRAL_ASIA)
        .containsEntry("KZ", IskRegion.CENTRAL_ASIA)
        .containsEntry("IR", IskRegion.IRAN)
        .containsEntry("TR", IskRegion.TURKIYE)
        .containsEntry("RU", IskRegion.RUSSIA)
        .containsEntry("US", IskRegion.UNITED_STATES)
        .containsEntry("DE", IskRegion.EUROPE)
        .containsEntry("FR", IskRegion.EUROPE)
        .containsEntry("AT", IskRegion.EUROPE)
        .containsEntry("GB", IskRegion.EUROPE)
        .containsEntry("QA", IskRegion.NONE)
        .containsEntry("JP", IskRegion.NONE);
    // the guide's regions are few; almost every country is outside them
    assertThat(r.values().stream().filter(v -> v == IskRegion.NONE).count()).isGreaterThan(150);
  }

  @Test
  void commonWrongCodesSuggestTheRightOne() {
    assertThat(DATA.suggestCountry("UK")).map(Country::code).contains("GB");
    assertThat(DATA.suggestCountry("DEU")).map(Country::code).contains("DE");
    assertThat(DATA.suggestCountry("Turkey")).map(Country::code).contains("TR");
    assertThat(DATA.suggestCountry("Türkiye")).map(Country::code).contains("TR");
    assertThat(DATA.suggestCountry("ZZ")).isEmpty();
  }
}
