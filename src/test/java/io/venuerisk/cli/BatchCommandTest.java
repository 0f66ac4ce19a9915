package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.Json;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
  static final String CAL = "scenarios/calendars/";
  static final String EURO = CAL + "euro-2024.csv";
  static final String PARIS = CAL + "paris-2024-olympics.json";
  static final String XMAS = CAL + "christmas-markets-2026.ics";
  static final String XMAS_VENUES = CAL + "christmas-markets-venues.json";
  static final String HAMBURG = CAL + "hamburg-2026.jsonl";
  static final String HAMBURG_VENUES = CAL + "hamburg-2026-venues.json";
  static final String BIRMINGHAM = CAL + "birmingham-2026.ics";
  static final String BIRMINGHAM_VENUES = CAL + "birmingham-2026-venues.json";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    /** The ids of the CSV rows, in order (a rejected record's row has none). */
    List<String> ids() {
      return out.lines()
          .skip(1)
          .map(l -> l.substring(0, l.indexOf(',')))
          .filter(id -> !id.isEmpty())
          .toList();
    }
  }

  static Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("batch"));
    all.addAll(Arrays.asList(args));
    CommandRun r = CommandRun.of(all.toArray(new String[0]));
    return new Run(r.exit(), r.out(), r.err());
  }

  static List<Scenario> read(String file, String venues) throws Exception {
    ScenarioJson json = new ScenarioJson(ReferenceData.bundled());
    VenueRegistry registry = venues == null ? null : VenueRegistry.read(Path.of(venues));
    List<Scenario> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      CalendarFormat.of(Path.of(file))
          .orElseThrow()
          .reader(json, registry)
          .read(
              file,
              in,
              new CalendarReader.Sink() {
                @Override
                public void scenario(Scenario s, long record, long line) {
                  out.add(s);
                }

                @Override
                public void rejected(InputException e) {
                  throw e;
                }
              });
    }
    return out;
  }

  @Test
  void theEuro2024FixturesAre51MatchesAndGermanyAndTheFinalTopThem() {
    Run r = run(EURO, "--top", "5");
    assertThat(r.code()).isZero();
    // secured stadium matches: the same measures leave the same share, so the inherent risk ranks
    // them, the final first
    assertThat(r.ids())
        .startsWith("euro2024-m51")
        .containsExactlyInAnyOrder(
            "euro2024-m01", "euro2024-m14", "euro2024-m38", "euro2024-m45", "euro2024-m51");
    assertThat(r.err())
        .matches(
            "venue-risk: 51 events scored \\(SEVERE 0, HIGH 51, ELEVATED 0, MODERATE 0, LOW 0\\), 0 rejected, [0-9.]+ s, [0-9.]+ rule firings per event\\n");
  }

  @Test
  void theParisFanZonesKeepMoreOfTheirRiskThanAnyVenueOfTheGamesBesideWhichTheyStand()
      throws java.io.IOException {
    Run r = run(PARIS, "--format", "jsonl");
    assertThat(r.code()).isZero();
    // the Games' venues are screened and fenced; the public fan zones beside them are not: their
    // measures take off the least, and the rules name the Games they stand beside
    List<String> byShareKept = new ArrayList<>();
    java.util.Map<String, Double> kept = new java.util.HashMap<>();
    for (String l : r.lines()) {
      JsonNode j = new ObjectMapper().readTree(l);
      kept.put(
          j.get("id").asText(), j.get("score").asDouble() / j.at("/inherent/score").asDouble());
      byShareKept.add(j.get("id").asText());
    }
    byShareKept.sort(java.util.Comparator.comparingDouble((String id) -> -kept.get(id)));
    assertThat(byShareKept.subList(0, 2))
        .containsExactlyInAnyOrder(
            "paris2024-live-site-hotel-de-ville", "paris2024-parc-des-champions");
    String liveSite =
        r.lines().stream()
            .filter(l -> l.startsWith("{\"id\":\"paris2024-live-site-hotel-de-ville\""))
            .findFirst()
            .orElseThrow();
    assertThat(liveSite)
        .contains("\"rule\":\"CAL-SIDE-EVENT\"")
        .contains("paris2024-football-parc-des-princes");
  }

  @Test
  void theChristmasMarketsNameTheOtherMarketsOfTheirCity() {
    Run r = run(XMAS, "--venues", XMAS_VENUES, "--format", "jsonl", "--sort", "score");
    assertThat(r.code()).isZero();
    double previous = Double.MAX_VALUE;
    for (String l : r.lines()) {
      double score = Double.parseDouble(l.replaceAll(".*?\"score\":([0-9.]+).*", "$1"));
      assertThat(score).as("sorted by score").isLessThanOrEqualTo(previous);
      previous = score;
    }
    String heinzel =
        r.lines().stream()
            .filter(l -> l.startsWith("{\"id\":\"xmas26-cologne-heinzel\""))
            .findFirst()
            .orElseThrow();
    assertThat(heinzel)
        .contains("CAL-CONCURRENT-CROWDS")
        .contains(
            "2 other large gatherings in Cologne on 2026-11-23 stretch the same police and security resources:"
                + " xmas26-cologne-angels and xmas26-cologne-cathedral-market");
  }

  @Test
  void theHamburgYearFlagsTheHanukkahEventFirstAndTheBackToBackConcerts() {
    Run r = run(HAMBURG, "--venues", HAMBURG_VENUES, "--format", "jsonl");
    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(21);
    // only the airport's holiday peak, with 50,000 people, ranks above the Hanukkah lighting
    Run top = run(HAMBURG, "--venues", HAMBURG_VENUES, "--top", "2");
    assertThat(top.ids()).containsExactly("hh26-airport-holiday-peak", "hh26-hanukkah");
    String night1 =
        r.lines().stream()
            .filter(l -> l.startsWith("{\"id\":\"hh26-arena-concert-1\""))
            .findFirst()
            .orElseThrow();
    assertThat(night1).contains("CAL-BACK-TO-BACK").contains("hh26-arena-concert-2");
    String fanMile =
        r.lines().stream()
            .filter(l -> l.startsWith("{\"id\":\"hh26-fan-mile\""))
            .findFirst()
            .orElseThrow();
    assertThat(fanMile).contains("CAL-SIDE-EVENT").contains("hh26-league-opener");
  }

  @Test
  void aMorningAndAnAfternoonGraduationInOneHallAreBackToBackInEveryFormat() throws Exception {
    Path csv = tmp.resolve("graduations.csv");
    Files.writeString(
        csv,
        "id,name,date,startTime,endTime,venue.name,venue.type,venue.city,venue.country,"
            + "event.type,event.expectedAttendance\n"
            + "grad-am,Morning graduation,2026-07-10,09:00,12:00,Great Hall,university,Leeds,GB,"
            + "education,2500\n"
            + "grad-pm,Afternoon graduation,2026-07-10,14:00,17:00,Great Hall,university,Leeds,GB,"
            + "education,2500\n");
    Run r = run(csv.toString(), "--format", "jsonl");
    assertThat(r.code()).isZero();
    assertThat(r.lines().get(0))
        .startsWith(
            "{\"id\":\"grad-am\",\"name\":\"Morning graduation\",\"date\":\"2026-07-10\","
                + "\"endDate\":\"2026-07-10\",\"startTime\":\"09:00\",\"endTime\":\"12:00\",")
        .contains("\"rule\":\"CAL-BACK-TO-BACK\"")
        .doesNotContain("CAL-CONCURRENT");
    Path dir = Files.createDirectories(tmp.resolve("every-format"));
    CalendarFiles.writeAll(read(csv.toString(), null), dir);
    for (String f : List.of("cal.json", "cal.jsonl", "cal.csv", "cal.ics")) {
      Run other =
          run(
              dir.resolve(f).toString(),
              "--venues",
              dir.resolve("venues.json").toString(),
              "--format",
              "jsonl");
      assertThat(other.err()).as(f).contains(" 0 rejected");
      assertThat(other.out()).as(f).isEqualTo(r.out());
    }
    Run report = run(csv.toString());
    assertThat(report.lines().get(0)).startsWith("id,name,date,endDate,startTime,endTime,venue,");
    assertThat(report.lines().get(1))
        .startsWith("grad-am,Morning graduation,2026-07-10,2026-07-10,09:00,12:00,");
  }

  @Test
  void aTimeNotWrittenHhMmRejectsItsEventAndTheOthersAreScored() throws Exception {
    Path csv = tmp.resolve("bad-time.csv");
    Files.writeString(
        csv,
        "id,name,date,startTime,venue.type,venue.country,event.type,event.expectedAttendance\n"
            + "a,A,2026-07-10,9:30,university,GB,education,2500\n"
            + "b,B,2026-07-10,09:30,university,GB,education,2500\n");
    Run r = run(csv.toString());
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.ids()).containsExactly("b");
    assertThat(r.err())
        .contains(
            "bad-time.csv:2: record 1: startTime: '9:30' is not a time; expected HH:MM on the"
                + " 24-hour clock, such as 19:30; nearest: 09:30\n");
  }

  @Test
  void everyShippedCalendarGivesTheSameScoresAndFindingsInEveryFormat() throws Exception {
    String[][] calendars = {
      {EURO, null},
      {PARIS, null},
      {XMAS, XMAS_VENUES},
      {HAMBURG, HAMBURG_VENUES},
      {BIRMINGHAM, BIRMINGHAM_VENUES}
    };
    for (String[] c : calendars) {
      List<Scenario> cal = read(c[0], c[1]);
      Path dir = Files.createDirectories(tmp.resolve(Path.of(c[0]).getFileName().toString()));
      CalendarFiles.writeAll(cal, dir);
      Run original =
          c[1] == null
              ? run(c[0], "--format", "jsonl")
              : run(c[0], "--venues", c[1], "--format", "jsonl");
      assertThat(original.code()).isZero();
      for (String f : List.of("cal.json", "cal.jsonl", "cal.csv", "cal.ics")) {
        Run other =
            run(
                dir.resolve(f).toString(),
                "--venues",
                dir.resolve("venues.json").toString(),
                "--format",
                "jsonl");
        assertThat(other.err()).as(c[0] + " as " + f).contains(" 0 rejected");
        assertThat(other.out()).as(c[0] + " as " + f).isEqualTo(original.out());
      }
    }
  }

  @Test
  void aCouncilCalendarExportedByACalendarAppIsScoredOccurrenceByOccurrence() {
    Run r = run(BIRMINGHAM, "--venues", BIRMINGHAM_VENUES, "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    // free-text LOCATIONs found their venues; 40 markets, 24 first Fridays, 3 concerts, 2 others
    assertThat(r.ids()).hasSize(69);
    assertThat(r.ids().stream().filter(id -> id.startsWith("bham26-farmers-market#"))).hasSize(40);
    assertThat(r.ids())
        .contains(
            "bham26-farmers-market#2026-03-07",
            "bham26-farmers-market#2026-05-02",
            "bham26-christmas-concerts#2026-12-22")
        .doesNotContain("bham26-christmas-concerts#2026-12-21");
    assertThat(r.out())
        .contains(
            "bham26-farmers-market#2026-05-02,Farmers' market (moved for the marathon),2026-05-03,"
                + "2026-05-03,09:00,15:00,Centenary Square,public_space,Birmingham,GB,");
    // the series without an end is cut, once, with a warning that names it; the exit code is 0
    assertThat(r.err().lines().filter(l -> l.startsWith("venue-risk: warning: ")))
        .containsExactly(
            "venue-risk: warning: "
                + BIRMINGHAM
                + ": record 3: RRULE: the series goes on past 2028-01-01: only its 24 occurrences"
                + " from 2026-01-02 are scored (at most 500 occurrences, and none 2 years after"
                + " DTSTART or later; see docs/batch.md) (UID bham26-street-food-friday)");
  }

  @Test
  void aWarningIsPrintedOnceWhenTheCalendarIsReadAgainToSortIt() {
    Run r = run(BIRMINGHAM, "--venues", BIRMINGHAM_VENUES, "--quiet", "--reorder-window", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("reading the calendar again");
    assertThat(r.err().lines().filter(l -> l.startsWith("venue-risk: warning: "))).hasSize(1);
    assertThat(r.out()).isEqualTo(run(BIRMINGHAM, "--venues", BIRMINGHAM_VENUES, "--quiet").out());
  }

  @Test
  void anEventAloneInItsCityAndDaysScoresExactlyAsAssessScoresIt() throws Exception {
    Engine engine = new Engine(RuleBase.shipped(), ReferenceData.bundled());
    Run r = run(EURO, "--format", "jsonl", "--sort", "input");
    List<Scenario> cal = read(EURO, null);
    for (int i = 0; i < cal.size(); i++) {
      assertThat(r.lines().get(i))
          .isEqualTo(Json.compact(AssessmentJson.of(engine.assess(cal.get(i)))));
    }
  }

  @Test
  void oneAndTwoThreadsWriteIdenticalBytes() {
    for (String format : List.of("jsonl", "html")) {
      Run one = run(PARIS, "--format", format, "--threads", "1");
      Run two = run(PARIS, "--format", format, "--threads", "2");
      Run again = run(PARIS, "--format", format, "--threads", "2");
      assertThat(two.out()).isEqualTo(one.out()).isEqualTo(again.out());
    }
  }

  @Test
  void aCalendarWithEveryLineTwiceGivesEachCopyTheFindingsOfTheLineAlone() throws Exception {
    // a registry exported twice, or merged with itself: equal records are still two events, and
    // neither copy is the other's "other event in the city", so each scores as its line alone
    List<String> doubled = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(HAMBURG))) {
      doubled.add(line);
      doubled.add(line);
    }
    Path twice = tmp.resolve("twice.jsonl");
    Files.write(twice, doubled);
    List<String> once = run(HAMBURG, "--venues", HAMBURG_VENUES, "--format", "jsonl").lines();
    Run r = run(twice.toString(), "--venues", HAMBURG_VENUES, "--format", "jsonl");
    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(2 * once.size());
    for (int i = 0; i < once.size(); i++) {
      assertThat(r.lines().get(2 * i)).isEqualTo(once.get(i));
      assertThat(r.lines().get(2 * i + 1)).isEqualTo(once.get(i));
    }
  }

  @Test
  void aLargeCalendarInNoOrderIsSortedOnDiskInAHeapThatCouldNotHoldIt() throws Exception {
    // 6,000 events in no order, 50 a city and day: their JSON Lines report alone is 46 MB, more
    // than the 32 MB heap, so the events and the rows must both go through sorts on disk, and
    // still give the bytes of an ample heap
    Path cal = tmp.resolve("dense.jsonl");
    try (var w = Files.newBufferedWriter(cal)) {
      io.venuerisk.bench.CalendarGenerator.writeDense(6_000, w);
    }
    Path small = tmp.resolve("small.jsonl");
    Path sortTmp = Files.createDirectory(tmp.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-Djava.io.tmpdir=" + sortTmp,
                "-cp",
                System.getProperty("java.class.path"),
                "io.venuerisk.cli.VenueRisk",
                "batch",
                cal.toString(),
                "--format",
                "jsonl",
                "--quiet",
                "--reorder-window",
                "500",
                "--out",
                small.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the batch ended").isTrue();
    String err = Files.readString(tmp.resolve("err.txt"));
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).contains("reading the calendar again").doesNotContain("\tat ");
    assertThat(sortTmp).as("temporary runs removed").isEmptyDirectory();
    Run ample = run(cal.toString(), "--format", "jsonl");
    assertThat(Files.readString(small)).isEqualTo(ample.out());
  }

  @Test
  void aCalendarOutOfDateOrderIsReadAgainAndScoredExactly() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(HAMBURG)));
    Collections.shuffle(lines, new Random(7));
    Path shuffled = tmp.resolve("shuffled.jsonl");
    Files.write(shuffled, lines);
    Run sorted = run(HAMBURG, "--venues", HAMBURG_VENUES, "--format", "jsonl", "--sort", "id");
    Run r =
        run(
            shuffled.toString(),
            "--venues",
            HAMBURG_VENUES,
            "--format",
            "jsonl",
            "--sort",
            "id",
            "--reorder-window",
            "2");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("reading the calendar again");
    assertThat(r.out()).isEqualTo(sorted.out());
  }

  @Test
  void badRecordsAreReportedWithFileAndLineTheRestScoredAndTheExitCodeSaysSo() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(HAMBURG)));
    lines.set(2, lines.get(2).replace("\"religious_service\"", "\"religous_service\""));
    lines.add(5, "{\"id\": \"broken\"");
    Path bad = tmp.resolve("bad.jsonl");
    Files.write(bad, lines);
    Run r = run(bad.toString(), "--venues", HAMBURG_VENUES);
    assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.ids()).hasSize(20).doesNotContain("hh26-passover-seder");
    assertThat(r.err())
        .contains(bad + ":3:")
        .contains("record 3: event.type: unknown event type 'religous_service'")
        .contains("nearest: religious_service")
        .contains(bad + ":6:")
        .contains("20 events scored")
        .contains(", 2 rejected,");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theReportGoesThroughATemporaryFileAndAFailedRunLeavesTheOldOneUntouched() throws Exception {
    Path out = tmp.resolve("report.csv");
    Files.writeString(out, "previous report\n");
    Path notACalendar = tmp.resolve("broken.json");
    Files.writeString(notACalendar, "{\"id\": \"not an array\"}");
    Run failed = run(PARIS, notACalendar.toString(), "--out", out.toString());
    assertThat(failed.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(failed.err()).contains("expected a JSON array of scenarios").doesNotContain("\tat ");
    assertThat(Files.readString(out)).isEqualTo("previous report\n");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.csv", "broken.json");
    }
    Run ok = run(PARIS, "--out", out.toString(), "--format", "md");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("# Event calendar risk report");
    assertThat(ok.err()).contains("wrote " + out + " (21 events)");
  }

  @Test
  void minTierAndTopFilterTheRowsButTheSummaryCountsEveryEvent() {
    Run r = run(HAMBURG, "--venues", HAMBURG_VENUES, "--min-tier", "high", "--sort", "date");
    assertThat(r.ids())
        .containsExactly(
            "hh26-arena-concert-1",
            "hh26-arena-concert-2",
            "hh26-hanukkah",
            "hh26-airport-holiday-peak");
    assertThat(r.err()).contains("21 events scored");
  }

  @Test
  void usageMistakesAreExplainedWithoutAStackTrace() {
    Run ics = run(XMAS);
    assertThat(ics.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(ics.err()).contains("give the venue registry with --venues FILE");
    Run ext = run("README.md");
    assertThat(ext.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(ext.err()).contains("cannot tell the format of README.md");
    Run missing = run("nowhere.jsonl");
    assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).contains("nowhere.jsonl: no such file");
  }
}
