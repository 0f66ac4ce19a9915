package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar values in the spellings people write, read where they can mean one thing only, and each
 * reading reported once per file with its count (docs/batch.md, "Spellings"); anything ambiguous is
 * still an error with the nearest value.
 */
class CalendarSpellingsTest {
  @TempDir Path tmp;

  static final String HEADER =
      "id;name;date;venue.type;venue.indoor;venue.capacity;venue.country;event.type;"
          + "event.expectedAttendance;security.measures\n";

  @Test
  void nearMissCodesCountriesNumbersAndYesNoAreReadAndEachReportedOnceWithItsCount()
      throws IOException {
    Path f = tmp.resolve("council.csv");
    Files.writeString(
        f,
        HEADER
            + "a;A;2027-06-05;Stadium;Y;60000;gb;Festival;12,000;bag search\n"
            + "b;B;2027-06-06;Public Space;N;5000;UK;concert;12 000;Bag-Search\n"
            + "c;C;2027-06-07;Public Space;no;5000;United Kingdom;concert;3000;cctv\n");
    CommandRun r = CommandRun.of("batch", "--quiet", "--format", "jsonl", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(3).allMatch(l -> l.contains("\"country\":\"GB\""));
    assertThat(r.out())
        .contains("\"type\":\"stadium\"")
        .contains("\"eventType\":\"festival\"")
        .contains("\"attendance\":12000");
    String w = "venue-risk: warning: " + f + ": ";
    assertThat(r.err())
        .contains(w + "2 records: venue.type: 'Public Space' read as public_space\n")
        .contains(w + "1 record: venue.type: 'Stadium' read as stadium\n")
        .contains(w + "1 record: event.type: 'Festival' read as festival\n")
        .contains(w + "1 record: venue.country: 'gb' read as GB\n")
        .contains(w + "1 record: venue.country: 'UK' read as GB\n")
        .contains(w + "1 record: venue.country: 'United Kingdom' read as GB\n")
        .contains(w + "1 record: venue.indoor: 'Y' read as true\n")
        .contains(w + "1 record: security.measures: 'bag search' read as bag_search\n")
        .contains(
            w
                + "1 record: event.expectedAttendance: '12,000' read as 12000 (thousands"
                + " separators dropped)\n")
        .contains(
            w
                + "1 record: event.expectedAttendance: '12 000' read as 12000 (thousands"
                + " separators dropped)\n");
  }

  @Test
  void jsonLinesIsReadTheSameWay() throws IOException {
    Path f = tmp.resolve("cal.jsonl");
    Files.writeString(
        f,
        "{\"id\":\"a\",\"name\":\"A\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"Public Space\","
            + "\"country\":\"United Kingdom\",\"capacity\":100,\"indoor\":\"yes\"},"
            + "\"event\":{\"type\":\"Market\",\"expectedAttendance\":\"12,000\"}}\n");
    CommandRun r = CommandRun.of("convert", "--to", "jsonl", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"type\":\"public_space\"")
        .contains("\"country\":\"GB\"")
        .contains("\"expectedAttendance\":12000");
    assertThat(r.err()).contains("1 record: venue.indoor: 'yes' read as true");
  }

  @Test
  void aCountryReadFromItsNameKeepsTheEventsTimes() throws IOException {
    Path f = tmp.resolve("timed.csv");
    Files.writeString(
        f,
        "id;name;date;startTime;endTime;venue.type;venue.capacity;venue.country;event.type;"
            + "event.expectedAttendance\n"
            + "a;A;2027-06-05;09:00;12:00;concert_hall;2000;UK;education;1500\n");
    CommandRun r = CommandRun.of("convert", "--to", "jsonl", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"country\":\"GB\"")
        .contains("\"startTime\":\"09:00\"")
        .contains("\"endTime\":\"12:00\"");
  }

  @Test
  void whatCouldMeanTwoThingsIsStillAnErrorWithTheNearest() throws IOException {
    Path f = tmp.resolve("bad.csv");
    Files.writeString(
        f,
        HEADER
            + "a;A;2027-06-05;stadum;no;5000;GB;concert;3000;cctv\n"
            + "b;B;2027-06-05;stadium;no;5000;GB;concert;12.000;cctv\n"
            + "c;C;2027-06-05;stadium;WAHR;5000;GB;concert;3000;cctv\n"
            + "d;D;2027-06-05;stadium;no;5000;GB;concert;3000;cctv\n");
    CommandRun r = CommandRun.of("batch", "--quiet", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.err())
        .contains(f + ":2: record 1: venue.type: unknown venue type 'stadum'; expected one of")
        .contains("; nearest: stadium\n")
        .contains(
            f
                + ":3: record 2: event.expectedAttendance: 12.000 is not a whole number; expected"
                + " a count of people")
        .contains(f + ":4: record 3: venue.indoor: 'WAHR' is not a yes/no value")
        .doesNotContain("warning");
  }

  @Test
  void aScenarioFileKeepsTheContractsSpellings() throws IOException {
    Path f = tmp.resolve("one.json");
    Files.writeString(
        f,
        "{\"id\": \"a\", \"name\": \"A\", \"date\": \"2027-06-05\", \"venue\": {\"type\":"
            + " \"Public Space\", \"country\": \"GB\", \"capacity\": 100}, \"event\": {\"type\":"
            + " \"market\"}}");
    CommandRun r = CommandRun.of("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("venue.type: unknown venue type 'Public Space'");
  }

  @Test
  void placementsAndOfficialsRanksAreReadInOtherSpellingsAndReported() throws IOException {
    Path f = tmp.resolve("ceremony.csv");
    Files.writeString(
        f,
        "id,name,date,venue.type,venue.country,event.type,event.expectedAttendance,"
            + "profile.officials,profile.officialsRank,security.measures\n"
            + "a,A,2027-11-14,public_space,GB,commemoration,10000,yes,Head of State,"
            + "\"hostile_vehicle_mitigation (Outer Perimeter, Exercised); bag_search (Entry)\"\n");
    CommandRun r = CommandRun.of("convert", f.toString(), "--to", "jsonl");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"officials\":true,\"officialsRank\":\"head_of_state\"")
        .contains(
            "\"measures\":[{\"measure\":\"hostile_vehicle_mitigation\",\"placement\":"
                + "\"outer_perimeter\",\"exercised\":true},{\"measure\":\"bag_search\","
                + "\"placement\":\"entry\"}]");
    String w = "venue-risk: warning: " + f + ": ";
    assertThat(r.err())
        .contains(w + "1 record: profile.officialsRank: 'Head of State' read as head_of_state\n")
        .contains(
            w
                + "1 record: security.measures.placement: 'Outer Perimeter' read as outer_perimeter\n")
        .contains(w + "1 record: security.measures.placement: 'Entry' read as entry\n");
  }
}
