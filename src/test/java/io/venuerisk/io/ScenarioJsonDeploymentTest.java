package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a measure is deployed ({@code security.measures} items as objects) and how senior the
 * officials are ({@code profile.officialsRank}), as the scenario reader takes them.
 */
class ScenarioJsonDeploymentTest {
  private static final String HEAD =
      "{\"id\":\"t\",\"name\":\"T\",\"date\":\"2027-06-05\","
          + "\"venue\":{\"type\":\"arena\",\"country\":\"GB\"},"
          + "\"event\":{\"type\":\"concert\",\"expectedAttendance\":1000}";

  private static Scenario withMeasures(String measures) {
    return Records.JSON.readLine("t.json", HEAD + ",\"security\":{\"measures\":" + measures + "}}");
  }

  private static Scenario withProfile(String profile) {
    return Records.JSON.readLine("t.json", HEAD + ",\"profile\":" + profile + "}");
  }

  private static String measuresError(String measures) {
    try {
      withMeasures(measures);
    } catch (InputException e) {
      return e.getMessage();
    }
    throw new AssertionError("read without an error: " + measures);
  }

  @Test
  void aMeasureObjectStatesWhereTheMeasureAppliesAndWhetherItWasExercised() {
    Scenario s =
        withMeasures(
            "[{\"measure\":\"bag_search\",\"placement\":\"entry\",\"exercised\":true},"
                + "\"cctv\",{\"measure\":\"hostile_vehicle_mitigation\",\"placement\":"
                + "\"outer_perimeter\"},{\"measure\":\"staff_training\",\"exercised\":false},"
                + "{\"measure\":\"metal_detectors\"}]");
    assertThat(s.security().measures())
        .containsExactly(
            Measure.BAG_SEARCH,
            Measure.CCTV,
            Measure.HOSTILE_VEHICLE_MITIGATION,
            Measure.STAFF_TRAINING,
            Measure.METAL_DETECTORS);
    assertThat(s.security().quality(Measure.BAG_SEARCH))
        .isEqualTo(new MeasureQuality(Measure.BAG_SEARCH, Placement.ENTRY, true));
    assertThat(s.security().quality(Measure.HOSTILE_VEHICLE_MITIGATION))
        .isEqualTo(
            new MeasureQuality(
                Measure.HOSTILE_VEHICLE_MITIGATION, Placement.OUTER_PERIMETER, null));
    assertThat(s.security().quality(Measure.STAFF_TRAINING))
        .isEqualTo(new MeasureQuality(Measure.STAFF_TRAINING, null, false));
    // a plain code and an object with the measure alone are both "as usually deployed"
    assertThat(s.security().quality(Measure.CCTV).stated()).isFalse();
    assertThat(s.security().quality(Measure.METAL_DETECTORS).stated()).isFalse();
    assertThat(s.security().qualities()).hasSize(3);
  }

  @Test
  void plainCodesReadAsBeforeAndAPlainCodeListedTwiceIsStillAccepted() {
    Scenario s = withMeasures("[\"cctv\",\"cctv\",\"police_presence\"]");
    assertThat(s.security().measures())
        .containsExactly(Measure.CCTV, Measure.CCTV, Measure.POLICE_PRESENCE);
    assertThat(s.security().qualities()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [{"measure":"bag_search","placment":"entry"}] | t.json:1:195: security.measures[0]: unknown field 'placment'; valid fields here: exercised, measure, placement; nearest: placement
          ["cctv",{"measure":"bag_search","placement":"entrance"}] | t.json:1:202: security.measures[1].placement: unknown placement 'entrance'; expected one of outer_perimeter, entry, inside; nearest: entry
          [{"measure":"bag_search","placement":3}] | t.json:1:195: security.measures[0].placement: wrong type; expected a placement string, one of outer_perimeter, entry, inside
          [{"measure":"bag_search","exercised":"yes"}] | t.json:1:195: security.measures[0].exercised: wrong type; expected true or false
          [{"measure":"bag_search","exercised":1}] | t.json:1:195: security.measures[0].exercised: wrong type; expected true or false
          [{"measure":"bag_serch"}] | t.json:1:170: security.measures[0].measure: unknown measure 'bag_serch'; expected one of hostile_vehicle_mitigation, vehicle_screening, bag_search, metal_detectors, explosive_detection, standoff_perimeter, access_control, armed_security, police_presence, cctv, staff_training, lockdown_plan, evacuation_plan, close_protection, travel_security, blast_protection, intelligence_liaison, medical_response; nearest: bag_search
          [{"placement":"entry"}] | t.json:1:179: security.measures[0].measure: required field is missing; expected one of hostile_vehicle_mitigation, vehicle_screening, bag_search, metal_detectors, explosive_detection, standoff_perimeter, access_control, armed_security, police_presence, cctv, staff_training, lockdown_plan, evacuation_plan, close_protection, travel_security, blast_protection, intelligence_liaison, medical_response
          ["bag_search",{"measure":"bag_search","placement":"entry"}] | t.json:1:215: security.measures[1]: bag_search is listed twice (also at security.measures[0]); list a measure once when you say how it is deployed
          [{"measure":"bag_search","exercised":true},"bag_search"] | t.json:1:201: security.measures[1]: bag_search is listed twice (also at security.measures[0]); list a measure once when you say how it is deployed
          ["cctv",7] | t.json:1:166: security.measures[1]: wrong type; expected a measure string such as bag_search, or an object such as {"measure": "bag_search", "placement": "entry", "exercised": true}
          """)
  void everyMistakeInAMeasureObjectIsOneLineWithItsPathAndTheNearestValue(
      String measures, String message) {
    assertThat(measuresError(measures.strip())).isEqualTo(message.strip());
  }

  @Test
  void qualitiesAreNotAFieldOfTheirOwn() {
    assertThatThrownBy(
            () ->
                Records.JSON.readLine(
                    "t.json", HEAD + ",\"security\":{\"measures\":[\"cctv\"],\"qualities\":[]}}"))
        .hasMessage(
            "t.json:1:180: security: unknown field 'qualities'; valid fields here: measures");
  }

  @Test
  void officialsRankIsReadAndNeedsOfficialsTrue() {
    assertThat(
            withProfile("{\"officials\":true,\"officialsRank\":\"head_of_state\"}").officialsRank())
        .isEqualTo(OfficialsRank.HEAD_OF_STATE);
    // officials true without a rank counts as local; no officials, no rank
    assertThat(withProfile("{\"officials\":true}").officialsRank()).isEqualTo(OfficialsRank.LOCAL);
    // a rank with officials not given implies nothing more: officials stays unknown
    Scenario absent = withProfile("{\"officialsRank\":\"national\"}");
    assertThat(absent.profile().officials()).isNull();
    assertThat(absent.profile().officialsRank()).isEqualTo(OfficialsRank.NATIONAL);
    assertThatThrownBy(() -> withProfile("{\"officials\":false,\"officialsRank\":\"national\"}"))
        .hasMessage(
            "t.json: profile.officialsRank: officialsRank needs officials: true (profile.officials"
                + " is false); remove officialsRank or set officials to true");
  }

  @Test
  void anUnknownOfficialsRankNamesTheNearestCode() {
    assertThatThrownBy(() -> withProfile("{\"officials\":true,\"officialsRank\":\"natonal\"}"))
        .hasMessage(
            "t.json:1:179: profile.officialsRank: unknown officials rank 'natonal'; expected one"
                + " of local, national, foreign, head_of_state; nearest: national");
  }

  @Test
  void jsonArrayAndJsonLinesCalendarsTakeTheObjectFormAndRejectOnlyTheBadRecord() {
    String good =
        HEAD
            + ",\"profile\":{\"officials\":true,\"officialsRank\":\"foreign\"},"
            + "\"security\":{\"measures\":[{\"measure\":\"cctv\",\"placement\":\"inside\"}]}}";
    String bad =
        HEAD + ",\"security\":{\"measures\":[{\"measure\":\"cctv\",\"placement\":\"insde\"}]}}";
    Records lines =
        Records.read(
            new JsonLinesCalendar(Records.JSON, null), "c.jsonl", good + "\n" + bad + "\n");
    Records array =
        Records.read(
            new JsonArrayCalendar(Records.JSON, null), "c.json", "[" + good + ",\n" + bad + "]");
    for (Records r : java.util.List.of(lines, array)) {
      assertThat(r.scenarios).hasSize(1);
      Scenario s = r.scenarios.get(0);
      assertThat(s.officialsRank()).isEqualTo(OfficialsRank.FOREIGN);
      assertThat(s.security().quality(Measure.CCTV).placement()).isEqualTo(Placement.INSIDE);
      assertThat(r.messages()).hasSize(1);
      assertThat(r.messages().get(0))
          .contains(
              "record 2: security.measures[0].placement: unknown placement 'insde'; expected one"
                  + " of outer_perimeter, entry, inside; nearest: inside");
    }
  }
}
