package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.TensionPeriod;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** data/high_profile_events.csv and data/tension_periods.csv keep the guide's true dates. */
class EventsAndTensionDataTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Map<String, HighProfileEvent> EVENTS =
      DATA.highProfileEvents().stream().collect(Collectors.toMap(HighProfileEvent::id, Function.identity()));

  @Test
  void everyEventNamesRealCountriesAndRealGuideStatements() {
    for (HighProfileEvent e : DATA.highProfileEvents()) {
      assertThat(e.countries()).as(e.id()).isNotEmpty()
          .allSatisfy(c -> assertThat(DATA.country(c)).as("%s in %s", c, e.id()).isPresent());
      assertThat(DATA.statements().keySet()).as(e.id()).containsAll(e.cites());
      assertThat(e.end()).as(e.id()).isAfterOrEqualTo(e.start());
    }
  }

  @Test
  void theGuidesThreatenedEventsCarryTheirTrueDatesNotTheGuidesOlympicWindow() {
    assertThat(dates("euro-2024")).containsExactly(LocalDate.parse("2024-06-14"), LocalDate.parse("2024-07-14"));
    // the guide gives 26 July - 28 August 2024, which runs the Olympics into the Paralympics
    assertThat(dates("paris-2024-olympics")).containsExactly(LocalDate.parse("2024-07-26"), LocalDate.parse("2024-08-11"));
    assertThat(dates("paris-2024-paralympics")).containsExactly(LocalDate.parse("2024-08-28"), LocalDate.parse("2024-09-08"));
    assertThat(EVENTS.get("paris-2024-olympics").note()).containsIgnoringCase("28 Aug");
    assertThat(EVENTS.get("fifa-world-cup-2022").countries()).containsExactly("QA");
  }

  @Test
  void laterEventsOfTheSameClassAreListed() {
    assertThat(EVENTS).containsKeys("fifa-world-cup-2026", "milano-cortina-2026-olympics", "euro-2028", "la-2028-olympics");
    assertThat(EVENTS.get("fifa-world-cup-2026").countries()).containsExactlyInAnyOrder("US", "CA", "MX");
  }

  @Test
  void theIsraelGazaTensionStartsOnSevenOctober2023AndStaysOpenUntilReviewed() {
    TensionPeriod war = DATA.tensionPeriods().stream().filter(t -> t.id().equals("israel-gaza-war")).findFirst().orElseThrow();
    assertThat(war.start()).isEqualTo(LocalDate.parse("2023-10-07"));
    assertThat(war.end()).isNull();
    assertThat(war.communities()).containsExactly(Community.JEWISH);
  }

  private static java.util.List<LocalDate> dates(String id) {
    HighProfileEvent e = EVENTS.get(id);
    return java.util.List.of(e.start(), e.end());
  }
}
