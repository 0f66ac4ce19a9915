package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import org.junit.jupiter.api.Test;

class JsonArrayCalendarTest {
  static final String GOOD =
      "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2026-12-20\",\"venue\":{\"type\":\"market\","
          + "\"country\":\"DE\",\"city\":\"Cologne\"},\"event\":{\"type\":\"market\",\"expectedAttendance\":5000}}";

  private static Records read(String text) {
    return Records.read(new JsonArrayCalendar(Records.JSON, null), "cal.json", text);
  }

  @Test
  void anElementsTimesAreReadAsInAScenarioFile() {
    Records r =
        read(
            "[\n"
                + GOOD.replace(
                    "\"date\":\"2026-12-20\"", "\"date\":\"2026-12-20\",\"startTime\":\"10:00\"")
                + "\n]\n");
    assertThat(r.rejected).isEmpty();
    assertThat(r.scenarios.get(0).startTime()).isEqualTo(java.time.LocalTime.of(10, 0));
    assertThat(r.scenarios.get(0).schedule()).isEqualTo("2026-12-20 from 10:00");
  }

  @Test
  void readsEveryElementWithTheLineItStartsOn() {
    Records r = read("[\n" + GOOD + ",\n" + GOOD.replace("\"a\"", "\"b\"") + "\n]\n");
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("a", "b");
    assertThat(r.lines).containsExactly(2L, 3L);
    assertThat(r.rejected).isEmpty();
  }

  @Test
  void aBadElementIsRejectedWithItsRecordAndTheNextIsStillRead() {
    String bad =
        GOOD.replace("\"a\"", "\"x\"")
            .replace("\"market\",\"expectedAttendance\"", "\"markt\",\"expectedAttendance\"");
    Records r = read("[\n" + bad + ",\n" + GOOD + "\n]");
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("a");
    assertThat(r.messages())
        .singleElement()
        .asString()
        .startsWith("cal.json:2:")
        .contains("record 1: event.type: unknown event type 'markt'")
        .contains("nearest: market");
  }

  @Test
  void aMissingFieldIsRejectedAtTheRecordsLine() {
    Records r = read("[\n" + GOOD + ",\n" + GOOD.replace(",\"date\":\"2026-12-20\"", "") + "\n]");
    assertThat(r.messages())
        .containsExactly(
            "cal.json:3: record 2: date: required field is missing; expected an ISO-8601 date such as 2026-12-20");
  }

  @Test
  void nullAndNonObjectElementsAreRejectedOneByOne() {
    Records r = read("[null, 42, [1, 2], " + GOOD + "]");
    assertThat(r.scenarios).hasSize(1);
    assertThat(r.rejected)
        .hasSize(3)
        .extracting(InputException::record)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void malformedJsonEndsTheFileAfterTheGoodRecordsBeforeIt() {
    Records r = read("[\n" + GOOD + ",\n{\"id\": \"b\" \"name\": \"B\"},\n" + GOOD + "]");
    assertThat(r.scenarios).hasSize(1);
    assertThat(r.messages())
        .singleElement()
        .asString()
        .endsWith(
            "record 2: expected ',' or '}' after a field's value, found '\"' (a missing comma?);"
                + " the rest of the file is skipped");
  }

  @Test
  void aFileThatIsNotAnArrayCannotBeReadAtAll() {
    assertThatThrownBy(() -> read(GOOD))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("expected a JSON array of scenarios");
    assertThatThrownBy(() -> read("")).hasMessageContaining("the file is empty");
  }
}
