package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VenueRegistryTest {
  static final VenueRegistry BIRMINGHAM =
      VenueRegistry.read(
          "venues.json",
          ("["
                  + venue("bham-victoria-square", "Victoria Square", "Birmingham")
                  + ","
                  + venue("bham-town-hall", "Town Hall", "Birmingham")
                  + ","
                  + venue("bham-town-hall-square", "Birmingham Town Hall Square", "Birmingham")
                  + ","
                  + venue("bham-st-marys", "St Mary's Church", "Birmingham")
                  + ","
                  + venue("nott-market-square", "Market Square", "Nottingham")
                  + ","
                  + venue("camb-market-square", "Market Square", "Cambridge")
                  + "]")
              .getBytes(StandardCharsets.UTF_8));

  static String venue(String id, String name, String city) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"type\":\"public_space\",\"city\":\""
        + city
        + "\",\"country\":\"GB\"}";
  }

  private static String locate(String location) {
    return BIRMINGHAM.locate("cal.ics", location).get("id").asText();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the id, as the registry writes it
        "bham-victoria-square | bham-victoria-square",
        // the name, without regard to case, punctuation or spacing
        "victoria square | bham-victoria-square",
        "  VICTORIA-SQUARE. | bham-victoria-square",
        "St. Marys Church | bham-st-marys",
        "st mary’s church | bham-st-marys",
        // a name within the first comma-separated part of an address, as calendar apps write it
        "'Victoria Square, Birmingham B1 1BD, UK' | bham-victoria-square",
        "'Stage at Victoria Square, Birmingham B1 1BD' | bham-victoria-square",
        // the longest name in it wins: Birmingham Town Hall Square holds Town Hall
        "'Birmingham Town Hall Square, Victoria Square' | bham-town-hall-square",
        // else a name within the whole LOCATION
        "'Frankfurt Christmas Market, Victoria Square, Birmingham' | bham-victoria-square",
        // two venues share a name: the city in the LOCATION tells them apart
        "'Market Square, Cambridge CB2 3QJ' | camb-market-square",
        "'Market Square, Nottingham NG1 2DT' | nott-market-square",
      })
  void aLocationFindsItsVenueByIdNameOrANameWithinIt(String location, String id) {
    assertThat(locate(location)).isEqualTo(id);
  }

  @Test
  void aLocationNothingMatchesIsRejectedWithTheNearestVenueNeverGuessed() {
    assertThatThrownBy(() -> locate("Victoria Sqaure, Birmingham B1 1BD, UK"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cal.ics: LOCATION: no venue of venues.json matches 'Victoria Sqaure, Birmingham B1"
                + " 1BD, UK' by id, by name, or by a venue name within it; nearest: Victoria Square"
                + " (id bham-victoria-square, Birmingham); write the venue's id or name in"
                + " LOCATION, or add the venue to the registry");
    assertThatThrownBy(() -> locate("bham-victoria-sqare"))
        .hasMessageContaining("nearest: Victoria Square (id bham-victoria-square, Birmingham)");
    // a name is matched as whole words: Victoria Squares is not Victoria Square
    assertThatThrownBy(() -> locate("Victoria Squares Mall"))
        .hasMessageContaining("no venue of venues.json matches 'Victoria Squares Mall'");
  }

  @Test
  void aNameSharedByVenuesOfDifferentCitiesNeedsTheCityOrTheId() {
    assertThatThrownBy(() -> locate("Market Square"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cal.ics: LOCATION: 'Market Square' matches 2 venues of venues.json: Market Square"
                + " (id nott-market-square, Nottingham), Market Square (id camb-market-square,"
                + " Cambridge); write the venue's id in LOCATION, or its city after a comma");
  }
}
