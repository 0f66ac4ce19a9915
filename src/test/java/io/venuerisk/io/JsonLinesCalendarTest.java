package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import org.junit.jupiter.api.Test;

class JsonLinesCalendarTest {
  private static Records read(String text) {
    return Records.read(new JsonLinesCalendar(Records.JSON, null), "cal.jsonl", text);
  }

  @Test
  void readsOneScenarioPerLineAndSkipsBlankLines() {
    String a = JsonArrayCalendarTest.GOOD;
    Records r = read(a + "\n\n" + a.replace("\"a\"", "\"b\"") + "\r\n");
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("a", "b");
    assertThat(r.lines).containsExactly(1L, 3L);
  }

  @Test
  void startTimeAndEndTimeSitBesideTheDatesAndABadOneRejectsItsLine() {
    String a = JsonArrayCalendarTest.GOOD;
    Records r =
        read(
            a.replace(
                    "\"date\":\"2026-12-20\"",
                    "\"date\":\"2026-12-20\",\"startTime\":\"16:00\",\"endTime\":\"21:00\"")
                + "\n"
                + a.replace("\"a\"", "\"b\"")
                    .replace(
                        "\"date\":\"2026-12-20\"",
                        "\"date\":\"2026-12-20\",\"endTime\":\"21:60\""));
    assertThat(r.scenarios)
        .extracting(s -> s.schedule())
        .containsExactly("2026-12-20 16:00 to 21:00");
    assertThat(r.messages())
        .containsExactly(
            "cal.jsonl:2:52: record 2: endTime: '21:60' is not a time; expected HH:MM on the"
                + " 24-hour clock, such as 19:30; nearest: 21:59");
  }

  @Test
  void aBadLineIsReportedWithItsFileLineAndRecordAndTheRestAreRead() {
    String a = JsonArrayCalendarTest.GOOD;
    Records r = read(a + "\n" + a.replace("5000", "-3") + "\n{not json\n" + a);
    assertThat(r.scenarios).hasSize(2);
    assertThat(r.messages()).hasSize(2);
    assertThat(r.messages().get(0))
        .startsWith("cal.jsonl:2:")
        .contains("record 2: event.expectedAttendance: -3 is negative");
    assertThat(r.messages().get(1))
        .startsWith("cal.jsonl:3:")
        .endsWith("record 3: expected a field name in double quotes, found 'n'");
  }

  @Test
  void aCsvOrICalendarFileReadAsJsonLinesIsOneErrorForTheFileNotOnePerLine() {
    String csv =
        "id,name,date,venue.type,venue.country,event.type,event.expectedAttendance\n"
            + "a,Market,2026-12-20,public_space,DE,market,3000\n"
            + "b,Market,2026-12-21,public_space,DE,market,3000\n";
    assertThatThrownBy(() -> read(csv))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cal.jsonl:1: the file holds a CSV calendar (its first line is a header row of"
                + " scenario fields), not a JSON Lines calendar; name it .csv or give"
                + " --input-format csv");
    // a spreadsheet's semicolons, byte order mark and quoted header cells are still CSV
    assertThatThrownBy(() -> read("\uFEFF\"Id\";\"Name\";\"Date\"\r\na;b;2026-12-20\r\n"))
        .hasMessageStartingWith("cal.jsonl:1: the file holds a CSV calendar");
    assertThatThrownBy(() -> read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"))
        .hasMessageStartingWith(
            "cal.jsonl:1: the file holds an iCalendar file (it opens with BEGIN:VCALENDAR), not a"
                + " JSON Lines calendar; name it .ics or give --input-format ics");
    // a first line that is just not JSON is that line's own error, and the others are read
    Records r = read("not json\n" + JsonArrayCalendarTest.GOOD + "\n");
    assertThat(r.scenarios).hasSize(1);
    assertThat(r.messages()).singleElement().asString().startsWith("cal.jsonl:1:");
  }

  @Test
  void bytesThatAreNotUtf8RejectOnlyTheirLine() {
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    String line = new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1);
    Records r =
        Records.read(
            new JsonLinesCalendar(Records.JSON, null),
            "cal.jsonl",
            JsonArrayCalendarTest.GOOD + "\n");
    assertThat(r.scenarios).hasSize(1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("{\"id\":\"").getBytes());
    out.writeBytes(bad);
    out.writeBytes("\"}\n".getBytes());
    out.writeBytes((JsonArrayCalendarTest.GOOD + "\n").getBytes());
    Records r2 = new Records();
    new JsonLinesCalendar(Records.JSON, null)
        .read("cal.jsonl", new java.io.ByteArrayInputStream(out.toByteArray()), r2);
    assertThat(r2.scenarios).hasSize(1);
    assertThat(r2.messages()).singleElement().asString().contains("not UTF-8");
    assertThat(line).isNotEmpty();
  }

  @Test
  void aPrettyPrintedFileIsOneErrorForTheFileNotOnePerLine() throws Exception {
    String pretty =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(JsonArrayCalendarTest.GOOD)
            .toPrettyString();
    assertThat(pretty.lines().count()).isGreaterThan(5);
    assertThatThrownBy(() -> read(pretty + "\n" + pretty + "\n"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cal.jsonl:1: the first scenario does not end on its line: JSON Lines holds one"
                + " complete scenario object per line, and this looks like pretty-printed JSON; write each"
                + " scenario on one line, or save them as a JSON array in a .json file");
  }

  @Test
  void aJsonArrayIsOneErrorPointingAtJson() {
    String a = JsonArrayCalendarTest.GOOD;
    for (String text :
        new String[] {"[" + a + "," + a + "]\n", "\n[\n" + a + ",\n" + a + "\n]\n"}) {
      assertThatThrownBy(() -> read(text))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "cal.jsonl:" + (text.startsWith("\n") ? 2 : 1) + ": the file holds a JSON array")
          .hasMessageContaining("name the file .json (or give --input-format json)");
    }
  }

  @Test
  void aFirstLineThatIsMalformedOnItsOwnIsStillARecordError() {
    String a = JsonArrayCalendarTest.GOOD;
    Records r = read("{\"id\": oops}\n" + a + "\n");
    assertThat(r.scenarios).hasSize(1);
    assertThat(r.messages())
        .singleElement()
        .asString()
        .startsWith("cal.jsonl:1:")
        .endsWith(
            "record 1: 'oops' is not a JSON value; put text in double quotes, and write true,"
                + " false or null in lower case");
  }
}
