package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import org.junit.jupiter.api.Test;

class CsvCalendarTest {
  static final String HEADER = "id,name,date,venue.type,venue.country,venue.city,event.type,"
      + "event.expectedAttendance,venue.indoor,security.measures\n";

  private static Records read(String text) {
    return Records.read(new CsvCalendar(Records.JSON, null), "cal.csv", text);
  }

  @Test
  void dottedHeadersListsAndEmptyCellsGiveTheSameScenarioAsJson() {
    Records r = read(HEADER + "a,A,2026-12-20,market,DE,Cologne,market,5000,,\"police_presence; cctv\"\n");
    Scenario fromCsv = r.scenarios.get(0);
    Scenario fromJson = Records.JSON.readLine("x", "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2026-12-20\","
        + "\"venue\":{\"type\":\"market\",\"country\":\"DE\",\"city\":\"Cologne\"},"
        + "\"event\":{\"type\":\"market\",\"expectedAttendance\":5000},"
        + "\"security\":{\"measures\":[\"police_presence\",\"cctv\"]}}");
    assertThat(fromCsv).isEqualTo(fromJson);
    assertThat(fromCsv.indoor()).isNull();
    assertThat(fromCsv.measures()).containsExactlyInAnyOrder(Measure.POLICE_PRESENCE, Measure.CCTV);
  }

  @Test
  void aBadCellGivesTheJsonErrorAtItsLineAndRecord() {
    Records r = read(HEADER + "a,A,2026-12-20,market,DE,Cologne,market,lots,,\n"
        + "b,B,2026-12-20,market,DE,Cologne,market,12.5,,\n"
        + "c,C,2026-12-20,market,DE,Cologne,market,100,maybe,\n"
        + "d,D,2026-12-20,market,DE,Cologne,market,100,,\n");
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("d");
    assertThat(r.messages()).containsExactly(
        "cal.csv:2: record 1: event.expectedAttendance: wrong type; expected a whole number of people, got the string \"lots\"",
        "cal.csv:3: record 2: event.expectedAttendance: 12.5 is not a whole number; expected a count of people",
        "cal.csv:4: record 3: venue.indoor: 'maybe' is not a yes/no value; expected true/false,"
            + " yes/no or 1/0 (any case)");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRejected() {
    Records r = read(HEADER + "a,A,2026-12-20\n");
    assertThat(r.messages()).singleElement().asString().contains("record 1: the row has 3 cells; the header has 10");
  }

  @Test
  void anUnknownColumnStopsTheFileWithTheNearestName() {
    assertThatThrownBy(() -> read("id,name,date,event.expectedAttendence\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown column 'event.expectedAttendence'")
        .hasMessageContaining("nearest: event.expectedAttendance");
  }
}
