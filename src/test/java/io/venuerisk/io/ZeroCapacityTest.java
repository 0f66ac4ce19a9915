package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A capacity of 0 with no expected attendance would score an event of nobody (attendance falls back
 * to the capacity): every reader refuses it with the same message, naming both fields.
 */
class ZeroCapacityTest {
  static final String PROBLEM =
      "venue.capacity: is 0 and event.expectedAttendance is not given,"
          + " so the event would have no one at it; give event.expectedAttendance (a whole number of"
          + " people) or the venue's real capacity";
  static final String JSON =
      "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2026-12-20\",\"venue\":{\"type\":\"market\","
          + "\"country\":\"DE\",\"capacity\":0},\"event\":{\"type\":\"market\"}}";

  @Test
  void aScenarioFile() {
    assertThatThrownBy(() -> Records.JSON.read("a.json", JSON.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class)
        .hasMessage("a.json: " + PROBLEM);
  }

  @Test
  void aJsonArrayAndJsonLines() {
    Records array =
        Records.read(new JsonArrayCalendar(Records.JSON, null), "cal.json", "[\n" + JSON + "\n]\n");
    assertThat(array.messages()).containsExactly("cal.json:2: record 1: " + PROBLEM);
    Records lines =
        Records.read(new JsonLinesCalendar(Records.JSON, null), "cal.jsonl", JSON + "\n");
    assertThat(lines.messages()).containsExactly("cal.jsonl:1: record 1: " + PROBLEM);
  }

  @Test
  void aCsvRow() {
    Records r =
        Records.read(
            new CsvCalendar(Records.JSON, null),
            "cal.csv",
            "id,name,date,venue.type,venue.country,venue.capacity,event.type,event.expectedAttendance\n"
                + "a,A,2026-12-20,market,DE,0,market,\n"
                + "b,B,2026-12-20,market,DE,0,market,300\n");
    assertThat(r.messages()).containsExactly("cal.csv:2: record 1: " + PROBLEM);
    assertThat(r.scenarios)
        .singleElement()
        .satisfies(s -> assertThat(s.attendance()).isEqualTo(300));
  }

  @Test
  void anICalendarEvent() {
    Records r =
        Records.read(
            new ICalendarCalendar(Records.JSON, ICalendarCalendarTest.VENUES),
            "cal.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + ICalendarCalendarTest.event("a", "X-VENUE-RISK-VENUE-CAPACITY:0\r\n")
                + "END:VCALENDAR\r\n");
    assertThat(r.messages()).containsExactly("cal.ics: record 1: " + PROBLEM + " (UID a)");
  }
}
