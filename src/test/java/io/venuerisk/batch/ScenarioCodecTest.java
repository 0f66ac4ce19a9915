package io.venuerisk.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioLines;
import io.venuerisk.io.ScenarioTree;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A sorted calendar that spills to disk goes through {@link ScenarioCodec}: what is read back must
 * be the scenario written, every field of it, or the spill path would score another event.
 */
class ScenarioCodecTest {
  private static final ScenarioJson JSON = new ScenarioJson(ReferenceData.bundled());

  /** Every field of the contract given. */
  static final String FULL =
      "{\"id\":\"full\",\"name\":\"Every field\",\"date\":\"2026-12-20\",\"endDate\":\"2026-12-22\","
          + "\"startTime\":\"18:30\",\"endTime\":\"01:15\",\"venue\":{\"id\":\"v1\","
          + "\"name\":\"Roncalliplatz\",\"type\":\"public_space\",\"indoor\":false,\"capacity\":15000,"
          + "\"city\":\"Brussels\",\"country\":\"BE\"},\"event\":{\"type\":\"market\","
          + "\"expectedAttendance\":12000,\"internationalProfile\":false,\"entryChecks\":true},"
          + "\"profile\":{\"communities\":[\"christian\",\"jewish\"],\"westernInterest\":false,"
          + "\"westernAttendees\":true,\"officials\":true,\"securityForces\":true,"
          + "\"aidAgencies\":false,\"israeliInterest\":true,\"officialsRank\":\"foreign\"},"
          + "\"security\":{\"measures\":[{\"measure\":\"cctv\",\"placement\":\"outer_perimeter\","
          + "\"exercised\":false},\"police_presence\"]},"
          + "\"context\":{\"threatLevel\":\"3\"}}";

  static Scenario roundTrip(Scenario s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ScenarioCodec.NUMBERED.write(out, new ScenarioCodec.Numbered(42, s));
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ScenarioCodec.Numbered n = ScenarioCodec.NUMBERED.read(in);
      assertThat(n.seq()).isEqualTo(42);
      assertThat(in.read()).as("nothing left over").isEqualTo(-1);
      return n.scenario();
    }
  }

  @Test
  void everyFieldOfTheContractComesBackFromTheSpillFile() throws IOException {
    Scenario s = JSON.readLine("full.json", FULL);
    String line = ScenarioLines.line(s);
    // the test scenario itself knows every field, so a field added to the record and not to the
    // codec is lost here and fails the comparison below
    assertThat(io.venuerisk.io.JsonPaths.of(line)).containsExactlyElementsOf(ScenarioTree.paths());
    assertThat(ScenarioLines.line(roundTrip(s))).isEqualTo(line);
  }

  @Test
  void howEachMeasureIsDeployedAndTheOfficialsRankComeBack() throws IOException {
    Scenario s =
        JSON.readLine(
            "q.json",
            "{\"id\":\"q\",\"name\":\"Q\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"arena\","
                + "\"country\":\"IS\"},\"event\":{\"type\":\"concert\",\"expectedAttendance\":300},"
                + "\"profile\":{\"officials\":true,\"officialsRank\":\"head_of_state\"},"
                + "\"security\":{\"measures\":[\"cctv\",{\"measure\":\"bag_search\","
                + "\"placement\":\"entry\",\"exercised\":true},{\"measure\":\"staff_training\","
                + "\"exercised\":false},{\"measure\":\"metal_detectors\",\"placement\":\"inside\"}]}}");
    Scenario back = roundTrip(s);
    assertThat(back.profile().officialsRank()).isEqualTo(OfficialsRank.HEAD_OF_STATE);
    assertThat(back.security().measures()).isEqualTo(s.security().measures());
    assertThat(back.security().qualities())
        .containsExactly(
            new MeasureQuality(Measure.BAG_SEARCH, Placement.ENTRY, true),
            new MeasureQuality(Measure.STAFF_TRAINING, null, false),
            new MeasureQuality(Measure.METAL_DETECTORS, Placement.INSIDE, null));
    assertThat(back.security().quality(Measure.CCTV).stated()).isFalse();
  }

  @Test
  void unknownFactsStayUnknown() throws IOException {
    Scenario s =
        JSON.readLine(
            "min.json",
            "{\"id\":\"m\",\"name\":\"Fete\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"public_space\","
                + "\"country\":\"IS\"},\"event\":{\"type\":\"festival\",\"expectedAttendance\":300}}");
    Scenario back = roundTrip(s);
    assertThat(ScenarioLines.line(back)).isEqualTo(ScenarioLines.line(s));
    assertThat(back.startTime()).isNull();
    assertThat(back.endTime()).isNull();
  }

  @Test
  void aStartTimeWithoutAnEndTimeStaysSo() throws IOException {
    Scenario s =
        JSON.readLine(
            "start.json",
            "{\"id\":\"s\",\"name\":\"Doors\",\"date\":\"2027-06-05\",\"startTime\":\"00:00\","
                + "\"venue\":{\"type\":\"arena\",\"country\":\"IS\"},"
                + "\"event\":{\"type\":\"concert\",\"expectedAttendance\":300}}");
    Scenario back = roundTrip(s);
    assertThat(back.startTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
    assertThat(back.endTime()).isNull();
  }
}
