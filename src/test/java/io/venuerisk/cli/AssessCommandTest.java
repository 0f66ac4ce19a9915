package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code venue-risk assess}: what a planner sees on stdout, stderr and in the exit code. */
class AssessCommandTest {
  private static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";
  private static final String CROCUS = "scenarios/crocus-city-hall-krasnogorsk-2024.json";
  private static final String BAD = "src/test/resources/bad-corpus/";

  @TempDir Path tmp;

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void textOutputShowsScoreTierReasonsAndMeasuresToAdd() {
    CommandRun r = run("assess", COLOGNE);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("xmas-market-2026-cologne")
        .containsPattern(
            "Residual risk  \\d+\\.\\d  (LOW|MODERATE|ELEVATED|HIGH|SEVERE) +with the 3 measures in place")
        .containsPattern(
            "Inherent risk  \\d+\\.\\d  (LOW|MODERATE|ELEVATED|HIGH|SEVERE) +the event with no measures")
        .containsPattern("likelihood [1-5] \\(\\d+\\.\\d points, [^)]*\\): \\w")
        .containsPattern("consequence [1-5] \\(\\d+\\.\\d points\\): \\w")
        .containsPattern(
            "uncertainty +\\d+\\.\\d to \\d+\\.\\d were the unknown facts known; \\S+ moves it most")
        .contains(
            "Exposures (use here, consequence level, vulnerability left by the measures in place)")
        .contains("Strongest reasons")
        .contains("GEO-EUROPE")
        .contains("[ISK-G2")
        .contains("Measures to add")
        .contains("standoff_perimeter");
  }

  @Test
  void theTimesAreShownBesideTheDateInTextAndJson() throws IOException {
    Path ball = tmp.resolve("ball.json");
    Files.writeString(
        ball,
        "{\"id\":\"ball\",\"name\":\"Ball\",\"date\":\"2026-07-10\",\"startTime\":\"22:00\","
            + "\"endTime\":\"02:00\",\"venue\":{\"name\":\"Great Hall\",\"type\":\"university\","
            + "\"city\":\"Leeds\",\"country\":\"GB\"},"
            + "\"event\":{\"type\":\"education\",\"expectedAttendance\":800}}");
    CommandRun text = run("assess", ball.toString());
    assertThat(text.exit()).isZero();
    assertThat(text.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("  2026-07-10 22:00 to 02:00  Great Hall, Leeds, GB");
    CommandRun json = run("assess", "--format", "json", ball.toString());
    assertThat(json.out())
        .contains(
            "\"endDate\" : \"2026-07-10\",\n  \"startTime\" : \"22:00\",\n  \"endTime\" : \"02:00\",");
    // without times the result has no time fields, as before
    assertThat(run("assess", "--format", "json", COLOGNE).out()).doesNotContain("Time\"");
  }

  @Test
  void textOutputFitsOnOneScreen() {
    assertThat(run("assess", COLOGNE).out().lines().count()).isLessThanOrEqualTo(45);
  }

  @Test
  void textOutputHasNoColourWhenNotOnATerminal() {
    assertThat(run("assess", COLOGNE).out()).doesNotContain("\u001b[");
  }

  @Test
  void jsonOutputFollowsTheResultContract() throws IOException {
    CommandRun r = run("assess", "--format", "json", COLOGNE);
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("id").asText()).isEqualTo("xmas-market-2026-cologne");
    assertThat(j.get("score").asDouble()).isBetween(0.0, 100.0);
    assertThat(j.get("tier").asText()).isIn("LOW", "MODERATE", "ELEVATED", "HIGH", "SEVERE");
    assertThat(j.at("/inherent/score").asDouble())
        .isGreaterThanOrEqualTo(j.get("score").asDouble());
    assertThat(j.at("/inherent/tier").asText())
        .isIn("LOW", "MODERATE", "ELEVATED", "HIGH", "SEVERE");
    JsonNode f = j.get("findings").get(0);
    assertThat(
            f.has("rule")
                && f.has("category")
                && f.has("factor")
                && f.has("points")
                && f.has("rationale")
                && f.has("cites")
                && f.has("measures"))
        .isTrue();
    assertThat(j.get("recommendedMeasures").isArray()).isTrue();
    assertThat(j.get("measuresWithoutEffect").isArray()).isTrue();
    double sum = 0;
    for (JsonNode x : j.get("findings")) {
      if (x.get("factor").asText().equals("likelihood")) {
        sum += x.get("points").asDouble();
      }
    }
    assertThat(j.at("/model/likelihood").asDouble())
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void theSameInputGivesByteIdenticalJson() {
    assertThat(run("assess", "--format", "json", COLOGNE).out())
        .isEqualTo(run("assess", "--format", "json", COLOGNE).out());
  }

  @Test
  void severalFilesGiveAJsonArrayInInputOrder() throws IOException {
    CommandRun r = run("assess", "--format", "json", CROCUS, COLOGNE);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.isArray()).isTrue();
    assertThat(j.get(0).get("id").asText()).isEqualTo("precedent-crocus-city-hall-2024");
    assertThat(j.get(1).get("id").asText()).isEqualTo("xmas-market-2026-cologne");
  }

  @Test
  void aBadFileAmongSeveralIsReportedAndTheOthersAreStillScored() throws IOException {
    CommandRun r = run("assess", "--format", "json", COLOGNE, BAD + "unknown-field.json", CROCUS);
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("unknown-field.json").contains("capcity");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j).hasSize(2);
  }

  @Test
  void anotherRuleFolderReplacesTheShippedRules(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("only.drl"),
        """
        // Reads: Scenario. Emits: one finding.
        package io.venuerisk.rules;
        import io.venuerisk.model.*;
        import function io.venuerisk.engine.Findings.finding;
        rule "Every event"
          @id("ONLY-ONE") @category("target") @points(42) @cites("ISK-T2")
        when
          $s : Scenario()
        then
          insert( finding( drools.getRule(), $s, "every event" ) );
        end
        """);
    CommandRun r = run("assess", "--format", "json", "--rules", dir.toString(), COLOGNE);
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("findings")).hasSize(1);
    // the folder's own @points: no row of data/points.csv names its rule
    assertThat(j.at("/model/likelihood").asDouble()).isEqualTo(42.0);
    // no exposure and no consequence found: the lowest consequence, but never exactly zero
    assertThat(j.at("/inherent/consequence/level").asInt()).isEqualTo(1);
    assertThat(j.at("/inherent/score").asDouble()).isPositive();
  }

  @Test
  void aBrokenRuleFileIsReportedWithFileAndLineAndItsOwnExitCode() {
    CommandRun r = run("assess", "--rules", "src/test/resources/rules-broken", COLOGNE);
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(r.err()).contains("broken.drl:").containsPattern("broken\\.drl:\\d+");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      malformed-missing-comma.json   | :4:3: | after a field's value, found
      unknown-field.json             | :5:   | unknown field 'capcity'; valid fields here: capacity, city, country, id, indoor, name, type; nearest: capacity
      unknown-venue-type.json        | :5:   | venue.type: unknown venue type 'stadum'; expected one of stadium, arena
      unknown-measure.json           | :7:   | security.measures[1]: unknown measure 'armed_guards'
      missing-country.json           | json: | venue.country: required field is missing
      no-attendance-or-capacity.json | json: | one of the two is required
      wrong-type-attendance.json     | :6:   | event.expectedAttendance: wrong type; expected a whole number of people
      negative-capacity.json         | :5:   | venue.capacity: -5 is negative
      absurd-attendance.json         | :6:   | 999999999 people is absurd; at most 30000000
      bad-date.json                  | :4:   | date: '2026-13-45' is not a date; expected ISO-8601 YYYY-MM-DD
      reversed-dates.json            | json: | endDate: ends 2026-12-19, before the event starts (2026-12-20)
      unknown-country-uk.json        | json: | unknown country code 'UK'; expected an ISO 3166-1 alpha-2 code; nearest: GB (United Kingdom)
      duplicate-key.json             | :2:   | duplicate key 'id'
      truncated.json                 | :6:   | ends before the JSON is complete
      empty.json                     | json: | the file is empty
      binary.json                    | json: | binary content
      latin1.json                    | :1:   | not UTF-8
      """)
  void badInputGetsOneSpecificLineNamingTheFileAndExitCode3(
      String file, String where, String message) {
    CommandRun r = run("assess", BAD + file);
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("venue-risk: " + BAD + file)
        .contains(where.strip())
        .contains(message.strip());
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void deepNestingIsRefusedAsPastALimit(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("deep.json");
    Files.writeString(f, "{\"$comment\": " + "[".repeat(200) + "]".repeat(200) + "}");
    CommandRun r = run("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("deep.json").contains("limit");
  }

  @Test
  void anOversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("huge.json");
    Files.writeString(f, "{\"id\": \"" + "x".repeat(2 << 20) + "\"}");
    CommandRun r = run("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("huge.json").contains("larger than");
  }

  @Test
  void anOverlongNameIsRefusedWithTheLimit(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("long.json");
    String json =
        Files.readString(Path.of(COLOGNE))
            .replace("Christmas market at the cathedral", "n".repeat(5000));
    Files.writeString(f, json);
    CommandRun r = run("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("name: 5000 characters; at most 1000");
  }

  @Test
  void halfASurrogatePairIsRefusedWithItsField(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("half.json");
    String json =
        Files.readString(Path.of(COLOGNE))
            .replace("Christmas market at the cathedral", "Markt \\ud83c am Dom");
    Files.writeString(f, json);
    CommandRun r = run("assess", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("name: holds \\uD83C, half of a surrogate pair");
  }

  @Test
  void aMissingFileIsAnInputErrorNotACrash() {
    CommandRun r = run("assess", "no/such/file.json");
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).isEqualTo("venue-risk: no/such/file.json: no such file\n");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run("assess").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("assess", "--format", "yaml", COLOGNE).exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void helpListsTheExitCodesAndAnExample() {
    CommandRun r = run("assess", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("3   invalid input").contains("Example");
  }

  @Test
  void versionNamesTheTool() {
    CommandRun r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("venue-risk ");
  }

  @ParameterizedTest
  @CsvSource({
    "scenarios/calendars/euro-2024.csv, a CSV calendar, ''",
    "scenarios/calendars/hamburg-2026.jsonl, a JSON Lines calendar, ''",
    "scenarios/calendars/paris-2024-olympics.json, a JSON array of scenarios, ''",
    "scenarios/calendars/christmas-markets-2026.ics, an iCalendar file, ' --venues FILE'"
  })
  void aCalendarGivenToAssessPointsAtBatchInOneLine(String file, String what, String venues) {
    CommandRun r = run("assess", file);
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: "
                + file
                + ": "
                + what
                + ", not a scenario file; assess"
                + " scores one scenario object per file: score a calendar with 'venue-risk batch "
                + file
                + venues
                + "'\n");
  }

  @Test
  void aCalendarAmongScenarioFilesIsReportedAndTheOthersAreScored(@TempDir Path dir)
      throws IOException {
    Path array = dir.resolve("events.txt");
    Files.writeString(array, "\n  [" + Files.readString(Path.of(COLOGNE)) + "]\n");
    CommandRun r = run("assess", "--format", "json", COLOGNE, array.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: "
                + array
                + ": a JSON array of scenarios, not a scenario file;"
                + " assess scores one scenario object per file: score a calendar with 'venue-risk batch "
                + array
                + "'\n");
    assertThat(new ObjectMapper().readTree(r.out()).size()).isEqualTo(1);
  }

  @Test
  void aMissingCalendarFileIsStillNoSuchFile() {
    CommandRun r = run("assess", "no/such/calendar.csv");
    assertThat(r.err()).isEqualTo("venue-risk: no/such/calendar.csv: no such file\n");
  }

  @ParameterizedTest
  @CsvSource({
    "market, market, '(market at a marketplace, 800 people)'",
    "other, other, '(other event at another kind of venue, 800 people)'",
    "none, university, '(no event at a university, 800 people)'",
    "nightlife, restaurant_bar, '(nightlife at a restaurant or bar, 800 people)'",
    "education, airport, '(educational event at an airport, 800 people)'"
  })
  void theHeaderSaysWhatAndWhereInPlainEnglish(String event, String venue, String header)
      throws IOException {
    Path f = tmp.resolve(event + "-" + venue + ".json");
    Files.writeString(
        f,
        "{\"id\": \"s\", \"name\": \"S\", \"date\": \"2027-05-01\", \"venue\": {\"type\": \""
            + venue
            + "\", \"country\": \"IS\"}, \"event\": {\"type\": \""
            + event
            + "\", \"expectedAttendance\": 800}}");
    CommandRun r = run("assess", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).endsWith(header);
  }

  @Test
  void aSmallFeteIsOfferedOnlyMeasuresThatTakeOffAtLeastAPointTenth() throws IOException {
    // 150 people at a village fete: a low score, and no suggestion that would take off less than
    // the 0.1 a score shows, nor a "-0.0"
    String fete = "scenarios/village-fete-iceland-2027.json";
    CommandRun r = run("assess", fete);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("-0.0").contains("Measures to add for the crowd");
    JsonNode j = new ObjectMapper().readTree(run("assess", "-f", "json", fete).out());
    double previous = Double.MAX_VALUE;
    for (JsonNode m : j.get("recommendedMeasures")) {
      assertThat(m.get("reduction").asDouble()).isGreaterThanOrEqualTo(0.1);
      assertThat(m.get("reduction").asDouble()).isLessThanOrEqualTo(previous);
      previous = m.get("reduction").asDouble();
    }
  }

  @Test
  void anEventWithEveryMeasureItsExposuresCallForIsOfferedNoneAndToldSo() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    var tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            mapper.readTree(
                java.nio.file.Files.readString(
                    java.nio.file.Path.of("scenarios/village-fete-iceland-2027.json")));
    var measures = mapper.createArrayNode();
    for (var m : io.venuerisk.model.Measure.values()) {
      measures.add(m.code());
    }
    tree.putObject("security").set("measures", measures);
    tree.remove("expect");
    java.nio.file.Path f = java.nio.file.Files.createTempFile("fete-all-measures", ".json");
    try {
      java.nio.file.Files.writeString(f, mapper.writeValueAsString(tree));
      CommandRun r = run("assess", f.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("none: every measure the guidance ties to these exposures is in place");
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  @Test
  void measuresAreNamedInPlainWordsWithTheirCodesAndCountryMeaning() throws IOException {
    CommandRun r = run("assess", "scenarios/party-leader-rally-birmingham-2027.json");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("a stand-off perimeter (screening and road closures away from the crowd)")
        .contains("[standoff_perimeter]")
        .contains("hostile vehicle mitigation (barriers, bollards) -");
    JsonNode j = new ObjectMapper().readTree(run("assess", "-f", "json", COLOGNE).out());
    java.util.Set<String> named = new java.util.HashSet<>();
    j.get("measureNames").forEach(n -> named.add(n.get("measure").asText()));
    j.get("recommendedMeasures")
        .forEach(m -> assertThat(named).contains(m.get("measure").asText()));
    j.get("findings")
        .forEach(f -> f.get("measures").forEach(m -> assertThat(named).contains(m.asText())));
  }
}
