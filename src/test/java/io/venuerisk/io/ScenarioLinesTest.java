package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioLinesTest {
  /** Every field of the contract given, so that the line must hold every one. */
  static final String FULL =
      "{\"id\":\"full\",\"name\":\"Every field \\\"quoted\\\"\",\"date\":\"2026-12-20\","
          + "\"endDate\":\"2026-12-22\",\"startTime\":\"22:00\",\"endTime\":\"02:00\",\"venue\":{\"id\":\"v1\",\"name\":\"Roncalliplatz\","
          + "\"type\":\"public_space\",\"indoor\":false,\"capacity\":15000,\"city\":\"Brussels\","
          + "\"country\":\"BE\"},\"event\":{\"type\":\"market\",\"expectedAttendance\":12000,"
          + "\"internationalProfile\":false,\"entryChecks\":true},\"profile\":{\"communities\":"
          + "[\"christian\",\"jewish\"],\"westernInterest\":false,\"westernAttendees\":true,"
          + "\"officials\":true,\"securityForces\":true,\"aidAgencies\":false,"
          + "\"israeliInterest\":false,\"officialsRank\":\"national\"},\"security\":{\"measures\":"
          + "[{\"measure\":\"cctv\",\"placement\":\"inside\",\"exercised\":true},\"police_presence\"]},"
          + "\"context\":{\"threatLevel\":\"3\"}}";

  @Test
  void aScenarioWithEveryFieldIsWrittenWithEveryFieldOfTheContract() throws IOException {
    Scenario s = Records.JSON.readLine("full.json", FULL);
    String line = ScenarioLines.line(s);
    assertThat(line).doesNotContain("\n");
    List<String> written = JsonPaths.of(line);
    // the contract's paths come from the Scenario record: a field added there must be written
    assertThat(written).containsExactlyElementsOf(ScenarioTree.paths());
    assertSameFacts(Records.JSON.readLine("line", line), s);
  }

  @Test
  void aMeasureWithAStatedDeploymentIsWrittenAsAnObjectAndOthersAsTheirCode() {
    String measures =
        "[\"police_presence\",{\"measure\":\"bag_search\",\"placement\":\"entry\"},"
            + "{\"measure\":\"staff_training\",\"exercised\":false},"
            + "{\"measure\":\"cctv\"}]";
    Scenario s =
        Records.JSON.readLine(
            "q.json",
            "{\"id\":\"q\",\"name\":\"Q\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"arena\","
                + "\"country\":\"GB\"},\"event\":{\"type\":\"concert\",\"expectedAttendance\":300},"
                + "\"profile\":{\"officials\":true,\"officialsRank\":\"head_of_state\"},"
                + "\"security\":{\"measures\":"
                + measures
                + "}}");
    String line = ScenarioLines.line(s);
    // an object that states nothing ({"measure": "cctv"}) is the plain code
    assertThat(line)
        .endsWith(
            "\"profile\":{\"officials\":true,\"officialsRank\":\"head_of_state\"},"
                + "\"security\":{\"measures\":[\"police_presence\",{\"measure\":\"bag_search\","
                + "\"placement\":\"entry\"},{\"measure\":\"staff_training\",\"exercised\":false},"
                + "\"cctv\"]}}");
    Scenario back = Records.JSON.readLine("line", line);
    assertSameFacts(back, s);
    assertThat(back.security().qualities()).isEqualTo(s.security().qualities()).hasSize(2);
  }

  @Test
  void unknownFactsAreLeftOutNotWrittenAsNullOrEmpty() {
    Scenario s =
        Records.JSON.readLine(
            "min.json",
            "{\"id\":\"m\",\"name\":\"Fete\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"public_space\","
                + "\"country\":\"IS\"},\"event\":{\"type\":\"festival\",\"expectedAttendance\":300}}");
    assertThat(ScenarioLines.line(s))
        .isEqualTo(
            "{\"id\":\"m\",\"name\":\"Fete\",\"date\":\"2027-06-05\",\"endDate\":\"2027-06-05\","
                + "\"venue\":{\"type\":\"public_space\",\"country\":\"IS\"},"
                + "\"event\":{\"type\":\"festival\",\"expectedAttendance\":300}}");
  }

  @Test
  void everyShippedScenarioAndCalendarReadsBackWithTheSameFacts() throws IOException {
    List<Scenario> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        all.add(ScenarioFiles.read(Records.JSON, f));
      }
    }
    VenueRegistry markets =
        VenueRegistry.read(Path.of("scenarios/calendars/christmas-markets-venues.json"));
    VenueRegistry hamburg =
        VenueRegistry.read(Path.of("scenarios/calendars/hamburg-2026-venues.json"));
    all.addAll(calendar("euro-2024.csv", null));
    all.addAll(calendar("paris-2024-olympics.json", null));
    all.addAll(calendar("christmas-markets-2026.ics", markets));
    all.addAll(calendar("hamburg-2026.jsonl", hamburg));
    all.addAll(
        calendar(
            "birmingham-2026.ics",
            VenueRegistry.read(Path.of("scenarios/calendars/birmingham-2026-venues.json"))));
    assertThat(all).hasSizeGreaterThan(100);
    for (Scenario s : all) {
      String line = ScenarioLines.line(s);
      Scenario back = Records.JSON.readLine("line", line);
      assertSameFacts(back, s);
      assertThat(ScenarioLines.line(back)).isEqualTo(line);
    }
  }

  private static List<Scenario> calendar(String name, VenueRegistry venues) throws IOException {
    Path p = Path.of("scenarios/calendars", name);
    CalendarFormat f = CalendarFormat.of(p).orElseThrow();
    Records r = new Records();
    try (InputStream in = Files.newInputStream(p)) {
      f.reader(Records.JSON, venues).read(name, in, r);
    }
    assertThat(r.messages()).isEmpty();
    return r.scenarios;
  }

  /** Scenarios are equal only to themselves; their components are values. */
  static void assertSameFacts(Scenario actual, Scenario expected) {
    for (RecordComponent c : Scenario.class.getRecordComponents()) {
      try {
        assertThat(c.getAccessor().invoke(actual))
            .as(expected.id() + ": " + c.getName())
            .isEqualTo(c.getAccessor().invoke(expected));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
