package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * When an event is due to be scored again, step by step: after a change to a neighbour, after a
 * threat-level change of its country and days, and (with {@code --emit final}) once at the end.
 */
class RelationsTest {
  private static final String KEY = "d|19723|GB|city 1";

  private static Msg own(String id, String country, long day, long version) {
    Msg m = Msg.of(Msg.OWN, id, id, null, version, ("{\"id\":\"" + id + "\"}").getBytes());
    m.country = country;
    m.start = day;
    m.end = day;
    return m;
  }

  private static KeyedBroadcastOperatorTestHarness<String, Msg, ThreatRow, Request> harness(
      Pipeline.Emit emit) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new Relations(emit, 10), m -> m.target, Types.STRING, Relations.THREAT_LEVELS);
  }

  /** The events each request names as met, by the id of the event to score. */
  private static Map<String, List<String>> met(List<Request> requests) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Request r : requests) {
      out.put(r.id, Arrays.stream(r.others).map(o -> o.id).sorted().toList());
    }
    return out;
  }

  @Test
  void aChangedNeighbourScoresTheEventsItMetAgain() throws Exception {
    try (var h = harness(Pipeline.Emit.CHANGES)) {
      h.processElement(own("a", "GB", 19723, 1), 0);
      h.processElement(own("b", "GB", 19723, 1), 0);
      h.processElement(own("c", "FR", 19723, 1), 0);
      h.processElement(Msg.of(Msg.MET, "a", "b", KEY, 1, new byte[0]), 0);
      h.processElement(Msg.of(Msg.MET, "b", "a", KEY, 1, new byte[0]), 0);
      h.setProcessingTime(100);
      assertThat(met(h.extractOutputValues()))
          .isEqualTo(Map.of("a", List.of("b"), "b", List.of("a"), "c", List.of()));

      // b moves away (a new version elsewhere): a is told, and both are due again; c is not
      h.getOutput().clear();
      h.processElement(Msg.of(Msg.LEFT, "a", "b", KEY, 0, null), 0);
      h.processElement(Msg.of(Msg.CLEAR, "b", null, KEY, 0, null), 0);
      h.processElement(own("b", "GB", 19800, 2), 0);
      h.setProcessingTime(200);
      List<Request> again = h.extractOutputValues();
      assertThat(met(again)).isEqualTo(Map.of("a", List.of(), "b", List.of()));
      assertThat(again)
          .filteredOn(r -> r.id.equals("b"))
          .extracting(r -> r.version)
          .containsExactly(2L);
    }
  }

  @Test
  void aThreatLevelChangeScoresTheEventsOfItsCountryAndDaysAtOnce() throws Exception {
    try (var h = harness(Pipeline.Emit.CHANGES)) {
      h.processElement(own("a", "GB", 19723, 1), 0);
      h.processElement(own("b", "GB", 19800, 1), 0);
      h.processElement(own("c", "FR", 19723, 1), 0);
      h.setProcessingTime(100);
      h.getOutput().clear();
      ThreatRow severe = new ThreatRow();
      severe.country = "GB";
      severe.level = "SEVERE";
      severe.rank = 4;
      severe.from = 19720;
      severe.to = 19730;
      h.processBroadcastElement(severe, 0);
      List<Request> rescored = h.extractOutputValues();
      assertThat(rescored).extracting(r -> r.id).containsExactly("a");
      assertThat(rescored.get(0).threatLevels).extracting(r -> r.level).containsExactly("SEVERE");

      // a later change cutting the first one: a is on the days of the row it cuts, so again
      h.getOutput().clear();
      ThreatRow moderate = new ThreatRow();
      moderate.country = "GB";
      moderate.level = "MODERATE";
      moderate.rank = 2;
      moderate.from = 19725;
      moderate.to = 19725;
      h.processBroadcastElement(moderate, 0);
      assertThat(h.extractOutputValues()).extracting(r -> r.id).containsExactly("a");
    }
  }

  @Test
  void withEmitFinalEachEventIsScoredOnceAtTheEndOfInput() throws Exception {
    try (var h = harness(Pipeline.Emit.FINAL)) {
      h.processElement(own("a", "GB", 19723, 1), 0);
      h.processElement(own("b", "GB", 19723, 1), 0);
      h.processElement(Msg.of(Msg.MET, "a", "b", KEY, 1, new byte[0]), 0);
      h.processElement(own("a", "GB", 19723, 2), 0);
      h.setProcessingTime(10_000);
      assertThat(h.extractOutputValues()).isEmpty();
      h.processWatermark(Long.MAX_VALUE); // the end of both inputs, as at the end of a bounded job
      h.processBroadcastWatermark(Long.MAX_VALUE);
      List<Request> done = h.extractOutputValues();
      assertThat(met(done)).isEqualTo(Map.of("a", List.of("b"), "b", List.of()));
      assertThat(done)
          .filteredOn(r -> r.id.equals("a"))
          .extracting(r -> r.version)
          .containsExactly(2L);
    }
  }
}
