package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCalendarTest {
  static final String HEADER =
      "id,name,date,venue.type,venue.country,venue.city,event.type,"
          + "event.expectedAttendance,venue.indoor,security.measures\n";

  private static Records read(String text) {
    return Records.read(new CsvCalendar(Records.JSON, null), "cal.csv", text);
  }

  @Test
  void dottedHeadersListsAndEmptyCellsGiveTheSameScenarioAsJson() {
    Records r =
        read(HEADER + "a,A,2026-12-20,market,DE,Cologne,market,5000,,\"police_presence; cctv\"\n");
    Scenario fromCsv = r.scenarios.get(0);
    Scenario fromJson =
        Records.JSON.readLine(
            "x",
            "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2026-12-20\","
                + "\"venue\":{\"type\":\"market\",\"country\":\"DE\",\"city\":\"Cologne\"},"
                + "\"event\":{\"type\":\"market\",\"expectedAttendance\":5000},"
                + "\"security\":{\"measures\":[\"police_presence\",\"cctv\"]}}");
    // a scenario is equal only to itself (the engine joins facts on it): compare the fields
    assertThat(fromCsv).usingRecursiveComparison().isEqualTo(fromJson);
    assertThat(fromCsv.indoor()).isNull();
    assertThat(fromCsv.measures()).containsExactlyInAnyOrder(Measure.POLICE_PRESENCE, Measure.CCTV);
  }

  @Test
  void startTimeAndEndTimeColumnsGiveTheEventsTimes() {
    Records r =
        read(
            "id,name,date,startTime,endTime,venue.type,venue.country,event.type,"
                + "event.expectedAttendance\n"
                + "am,Morning,2026-07-10,09:00,12:00,university,GB,education,2500\n"
                + "late,Ball,2026-07-10,22:00,02:00,university,GB,education,2500\n"
                + "none,Gala,2026-07-10,,,university,GB,education,2500\n");
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios.get(0).schedule()).isEqualTo("2026-07-10 09:00 to 12:00");
    // an end time before the start time on a one-day event is past midnight
    Scenario late = r.scenarios.get(1);
    assertThat(late.endMinute() - late.startMinute()).isEqualTo(4 * 60);
    assertThat(r.scenarios.get(2).startTime()).isNull();
    assertThat(r.scenarios.get(2).endTime()).isNull();
  }

  @Test
  void aTimeNotWrittenHhMmRejectsItsRowWithTheNearestTime() {
    Records r =
        read(
            "id,name,date,startTime,endTime,venue.type,venue.country,event.type,"
                + "event.expectedAttendance\n"
                + "a,A,2026-07-10,9:30,12:00,university,GB,education,2500\n"
                + "b,B,2026-07-10,14:00,7pm,university,GB,education,2500\n"
                + "c,C,2026-07-10,24:00,,university,GB,education,2500\n"
                + "d,D,2026-07-10,noon,,university,GB,education,2500\n"
                + "e,E,2026-07-10,14.00,16:00,university,GB,education,2500\n");
    assertThat(r.scenarios).isEmpty();
    assertThat(r.messages())
        .containsExactly(
            "cal.csv:2: record 1: startTime: '9:30' is not a time; expected HH:MM on the 24-hour"
                + " clock, such as 19:30; nearest: 09:30",
            "cal.csv:3: record 2: endTime: '7pm' is not a time; expected HH:MM on the 24-hour"
                + " clock, such as 19:30; nearest: 19:00",
            "cal.csv:4: record 3: startTime: '24:00' is not a time; expected HH:MM on the 24-hour"
                + " clock, such as 19:30; nearest: 00:00",
            "cal.csv:5: record 4: startTime: 'noon' is not a time; expected HH:MM on the 24-hour"
                + " clock, such as 19:30",
            "cal.csv:6: record 5: startTime: '14.00' is not a time; expected HH:MM on the 24-hour"
                + " clock, such as 19:30; nearest: 14:00");
  }

  @Test
  void aBadCellGivesTheJsonErrorAtItsLineAndRecord() {
    Records r =
        read(
            HEADER
                + "a,A,2026-12-20,market,DE,Cologne,market,lots,,\n"
                + "b,B,2026-12-20,market,DE,Cologne,market,12.5,,\n"
                + "c,C,2026-12-20,market,DE,Cologne,market,100,maybe,\n"
                + "d,D,2026-12-20,market,DE,Cologne,market,100,,\n");
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("d");
    assertThat(r.messages())
        .containsExactly(
            "cal.csv:2: record 1: event.expectedAttendance: wrong type; expected a whole number of people, got the string \"lots\"",
            "cal.csv:3: record 2: event.expectedAttendance: 12.5 is not a whole number; expected a count of people",
            "cal.csv:4: record 3: venue.indoor: 'maybe' is not a yes/no value; expected true/false,"
                + " yes/no or 1/0 (any case)");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRejected() {
    Records r = read(HEADER + "a,A,2026-12-20\n");
    assertThat(r.messages())
        .singleElement()
        .asString()
        .contains("record 1: the row has 3 cells; the header has 10");
  }

  @Test
  void aJsonOrICalendarFileReadAsCsvIsOneErrorNamingWhatItHolds() {
    String line = JsonArrayCalendarTest.GOOD;
    assertThatThrownBy(() -> read(line + "\n" + line + "\n"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cal.csv:1: the file holds a JSON Lines calendar (its first line is a JSON object), not"
                + " a CSV calendar; name it .jsonl or give --input-format jsonl");
    assertThatThrownBy(() -> read("[" + line + "]"))
        .hasMessageStartingWith(
            "cal.csv:1: the file holds a JSON array of scenarios (it opens with '['), not a CSV"
                + " calendar; name it .json");
    assertThatThrownBy(() -> read("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
        .hasMessageStartingWith("cal.csv:1: the file holds an iCalendar file");
  }

  @Test
  void anUnknownColumnStopsTheFileWithTheNearestName() {
    assertThatThrownBy(() -> read("id,name,date,event.expectedAttendence\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown column 'event.expectedAttendence'")
        .hasMessageContaining("nearest: event.expectedAttendance");
  }

  /** The first test's event as JSON: what every spelling of the same row must give. */
  private static final Scenario AS_JSON =
      Records.JSON.readLine(
          "x",
          "{\"id\":\"a\",\"name\":\"A; B\","
              + "\"date\":\"2026-12-20\",\"venue\":{\"type\":\"market\",\"country\":\"DE\",\"city\":\"Cologne\","
              + "\"indoor\":false},\"event\":{\"type\":\"market\",\"expectedAttendance\":5000},"
              + "\"security\":{\"measures\":[\"police_presence\",\"cctv\"]}}");

  /** As a spreadsheet in a decimal-comma locale saves it: BOM, CRLF, ';', TRUE/FALSE, quoted. */
  @Test
  void aSemicolonCsvWithBomCrlfAndQuotedCellsGivesTheSameScenarioAsJson() {
    byte[] text =
        ("\"id\";\"name\";\"date\";\"venue.type\";\"venue.country\";\"venue.city\";"
                + "\"event.type\";\"event.expectedAttendance\";\"venue.indoor\";\"security.measures\"\r\n"
                + "\"a\";\"A; B\";\"2026-12-20\";\"market\";\"DE\";\"Cologne\";\"market\";5000;FALSE;"
                + "\"police_presence;cctv\"\r\n")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream withBom = new ByteArrayOutputStream();
    withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    withBom.writeBytes(text);
    Records r = new Records();
    new CsvCalendar(Records.JSON, null)
        .read("cal.csv", new ByteArrayInputStream(withBom.toByteArray()), r);
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios).usingRecursiveFieldByFieldElementComparator().containsExactly(AS_JSON);
    assertThat(r.lines).containsExactly(2L);
  }

  @Test
  void aTabSeparatedFileIsReadLikeACommaSeparatedOne() {
    Records r =
        read(
            HEADER.replace(',', '\t')
                + "a\tA; B\t2026-12-20\tmarket\tDE\tCologne\tmarket\t5000\tno"
                + "\tpolice_presence, cctv\n");
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios).usingRecursiveFieldByFieldElementComparator().containsExactly(AS_JSON);
  }

  @ParameterizedTest
  @CsvSource({
    "'police_presence;cctv'",
    "police_presence|cctv",
    "'police_presence, cctv'",
    "' police_presence | cctv '"
  })
  void listValuesMayBeSeparatedBySemicolonCommaOrBarInASemicolonFile(String measures) {
    String cell = measures.contains(";") ? "\"" + measures + "\"" : measures;
    Records r =
        read(
            HEADER.replace(',', ';')
                + "a;\"A; B\";2026-12-20;market;DE;Cologne;market;5000;0;"
                + cell
                + "\n");
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios).usingRecursiveFieldByFieldElementComparator().containsExactly(AS_JSON);
  }

  @ParameterizedTest
  @CsvSource({
    "true, true",
    "TRUE, true",
    "True, true",
    "yes, true",
    "YES, true",
    "1, true",
    "false, false",
    "FALSE, false",
    "no, false",
    "No, false",
    "0, false"
  })
  void aYesNoCellTakesEveryCommonSpelling(String cell, boolean value) {
    Records r = read(HEADER + "a,A,2026-12-20,market,DE,Cologne,market,5000," + cell + ",\n");
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios.get(0).indoor()).isEqualTo(value);
  }

  @Test
  void anyOtherYesNoSpellingIsOneErrorNamingRecordColumnAndTheSpellings() {
    Records r =
        read(
            HEADER
                + "a,A,2026-12-20,market,DE,Cologne,market,5000,WAHR,\n"
                + "b,B,2026-12-20,market,DE,Cologne,market,5000,maybe,\n");
    assertThat(r.scenarios).isEmpty();
    assertThat(r.messages())
        .containsExactly(
            "cal.csv:2: record 1: venue.indoor: 'WAHR' is not a yes/no value; expected true/false, yes/no or 1/0 (any case)",
            "cal.csv:3: record 2: venue.indoor: 'maybe' is not a yes/no value; expected true/false, yes/no or 1/0 (any case)");
  }

  @Test
  void anUnquotedListInASemicolonFileSaysToQuoteItOrUseAnotherSeparator() {
    Records r =
        read(
            HEADER.replace(',', ';')
                + "a;A;2026-12-20;market;DE;Cologne;market;5000;;police_presence;cctv\n");
    assertThat(r.messages())
        .containsExactly(
            "cal.csv:2: record 1: the row has 11 cells; the header has 10;"
                + " cells are separated by ';' (as in the header): quote a cell that holds ';', or separate list values"
                + " with ',' or '|'");
  }

  @Test
  void theDelimiterIsTheOneTheHeaderHoldsMostOutsideQuotes() {
    byte[] header = "\"a,b\";c;d,e;f\nx,y,z,w,v,u,t".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvCalendar.delimiter(header, 0)).isEqualTo(';');
    assertThat(CsvCalendar.delimiter("id\tname\tdate,x\n".getBytes(StandardCharsets.UTF_8), 0))
        .isEqualTo('\t');
    assertThat(CsvCalendar.delimiter("id\n".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(',');
    assertThat(CsvCalendar.delimiter("id;name,date\r\n".getBytes(StandardCharsets.UTF_8), 0))
        .isEqualTo(',');
  }

  @Test
  void aFileSavedInALegacyEncodingSaysToSaveItAsUtf8() {
    byte[] latin1 =
        (HEADER + "a,K\u00f6ln,2026-12-20,market,DE,Cologne,market,5000,,\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Records r = new Records();
    new CsvCalendar(Records.JSON, null).read("cal.csv", new ByteArrayInputStream(latin1), r);
    assertThat(r.messages())
        .singleElement()
        .asString()
        .isEqualTo(
            "cal.csv:2: record 1: bytes that are not UTF-8; save the file as UTF-8 (a"
                + " spreadsheet's \"CSV UTF-8\"); the rest of the file is skipped");
  }

  @Test
  void aMeasureCellSaysHowEachMeasureIsDeployedInParentheses() {
    Records r =
        read(
            "id,name,date,venue.type,venue.country,event.type,event.expectedAttendance,"
                + "profile.officials,profile.officialsRank,security.measures\n"
                + "a,A,2027-06-05,arena,GB,concert,1000,true,head_of_state,\"bag_search (entry,"
                + " exercised); hostile_vehicle_mitigation (outer_perimeter),"
                + " metal_detectors (not exercised) | cctv\"\n");
    assertThat(r.messages()).isEmpty();
    Scenario fromCsv = r.scenarios.get(0);
    Scenario fromJson =
        Records.JSON.readLine(
            "x",
            "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2027-06-05\","
                + "\"venue\":{\"type\":\"arena\",\"country\":\"GB\"},"
                + "\"event\":{\"type\":\"concert\",\"expectedAttendance\":1000},"
                + "\"profile\":{\"officials\":true,\"officialsRank\":\"head_of_state\"},"
                + "\"security\":{\"measures\":[{\"measure\":\"bag_search\",\"placement\":\"entry\","
                + "\"exercised\":true},{\"measure\":\"hostile_vehicle_mitigation\","
                + "\"placement\":\"outer_perimeter\"},{\"measure\":\"metal_detectors\","
                + "\"exercised\":false},\"cctv\"]}}");
    assertThat(fromCsv).usingRecursiveComparison().isEqualTo(fromJson);
    assertThat(fromCsv.officialsRank()).isEqualTo(io.venuerisk.model.OfficialsRank.HEAD_OF_STATE);
    assertThat(fromCsv.security().quality(Measure.BAG_SEARCH))
        .isEqualTo(
            new io.venuerisk.model.MeasureQuality(
                Measure.BAG_SEARCH, io.venuerisk.model.Placement.ENTRY, true));
  }

  @Test
  void aBadWordInAMeasuresParenthesesRejectsItsRowWithTheNearestWord() {
    Records r =
        read(
            "id,name,date,venue.type,venue.country,event.type,event.expectedAttendance,"
                + "profile.officials,profile.officialsRank,security.measures\n"
                + "a,A,2027-06-05,arena,GB,concert,1000,,,\"bag_search (entrance)\"\n"
                + "b,B,2027-06-05,arena,GB,concert,1000,,,\"bag_search (entry, exercized)\"\n"
                + "c,C,2027-06-05,arena,GB,concert,1000,,,\"bag_search (entry, inside)\"\n"
                + "d,D,2027-06-05,arena,GB,concert,1000,,,\"bag_search (entry\"\n"
                + "e,E,2027-06-05,arena,GB,concert,1000,false,national,cctv\n"
                + "f,F,2027-06-05,arena,GB,concert,1000,true,nationl,cctv\n"
                + "g,G,2027-06-05,arena,GB,concert,1000,,,\"cctv (inside), cctv\"\n"
                + "h,H,2027-06-05,arena,GB,concert,1000,,,\"cctv (inside)\"\n");
    assertThat(r.scenarios).extracting(Scenario::id).containsExactly("h");
    assertThat(r.messages())
        .containsExactly(
            "cal.csv:2: record 1: security.measures: 'entrance' in the parentheses after"
                + " bag_search; expected a placement (outer_perimeter, entry, inside), exercised or"
                + " not exercised; nearest: entry",
            "cal.csv:3: record 2: security.measures: 'exercized' in the parentheses after"
                + " bag_search; expected a placement (outer_perimeter, entry, inside), exercised or"
                + " not exercised; nearest: exercised",
            "cal.csv:4: record 3: security.measures: the parentheses after bag_search say its"
                + " placement twice; give one placement and at most one of exercised or not"
                + " exercised",
            "cal.csv:5: record 4: security.measures: 'bag_search (entry' is not a measure with its"
                + " deployment; expected a measure and words in one pair of parentheses, such as"
                + " bag_search (entry, exercised)",
            "cal.csv:6: record 5: profile.officialsRank: officialsRank needs officials: true"
                + " (profile.officials is false); remove officialsRank or set officials to true",
            "cal.csv:7: record 6: profile.officialsRank: unknown officials rank 'nationl';"
                + " expected one of local, national, foreign, head_of_state; nearest: national",
            "cal.csv:8: record 7: security.measures[1]: cctv is listed twice (also at"
                + " security.measures[0]); list a measure once when you say how it is deployed");
  }
}
