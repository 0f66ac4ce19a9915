package io.venuerisk.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.Limits;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioLines;
import io.venuerisk.io.ScenarioTree;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ScenarioContext;
import io.venuerisk.model.Security;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  /**
   * Any scenario a calendar can give, its optional facts each known or not: every component of the
   * record comes back equal (compared component by component, as a scenario equals only itself).
   */
  @Property(tries = 400)
  void everyScenarioComesBackFromTheSpillFileFieldForField(@ForAll("scenarios") Scenario s)
      throws IOException {
    Scenario back = roundTrip(s);
    for (RecordComponent c : Scenario.class.getRecordComponents()) {
      assertThat(component(c, back)).as(c.getName()).isEqualTo(component(c, s));
    }
  }

  private static Object component(RecordComponent c, Scenario s) {
    try {
      return c.getAccessor().invoke(s);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    // any character, in and beyond the Basic Multilingual Plane (a pair of surrogates); half a
    // pair never gets this far: the reader refuses it
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .list()
                .ofMaxSize(40)
                .map(cs -> new String(cs.stream().mapToInt(i -> i).toArray(), 0, cs.size())));
    Arbitrary<String> maybe = text.injectNull(0.3);
    Arbitrary<Boolean> flag = Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null);
    Arbitrary<Integer> count =
        Arbitraries.integers().between(0, Limits.MAX_ATTENDANCE).injectNull(0.3);
    Arbitrary<LocalDate> date =
        Arbitraries.integers()
            .between(0, (Limits.MAX_YEAR - Limits.MIN_YEAR) * 365)
            .map(d -> LocalDate.of(Limits.MIN_YEAR, 1, 1).plusDays(d));
    Arbitrary<LocalTime> time =
        Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
    Arbitrary<Venue> venue =
        Combinators.combine(maybe, maybe, Arbitraries.of(VenueType.class), flag, count, maybe, text)
            .as(Venue::new);
    Arbitrary<EventInfo> event =
        Combinators.combine(Arbitraries.of(EventType.class), count, flag, flag).as(EventInfo::new);
    Arbitrary<Profile> profile =
        Combinators.combine(
                Arbitraries.of(Community.class).list().ofMaxSize(Limits.MAX_LIST_ENTRIES),
                flag,
                flag,
                flag,
                flag,
                flag,
                flag,
                Arbitraries.of(OfficialsRank.class).injectNull(0.3))
            .as(Profile::new);
    Arbitrary<Security> security =
        Combinators.combine(
                Arbitraries.of(Measure.class),
                Arbitraries.of(Placement.class).injectNull(0.5),
                flag)
            .as(MeasureQuality::new)
            .list()
            .ofMaxSize(Limits.MAX_LIST_ENTRIES)
            .map(ScenarioCodecTest::security);
    Arbitrary<ScenarioContext> context = maybe.map(ScenarioContext::new);
    Arbitrary<Scenario> facts =
        Combinators.combine(text, text, venue, event, profile, security, context)
            .as((id, name, v, e, p, sec, c) -> new Scenario(id, name, null, null, v, e, p, sec, c));
    return Combinators.combine(
            facts,
            date,
            Arbitraries.integers().between(0, 366),
            time.injectNull(0.3),
            time.injectNull(0.3))
        .as(
            (s, d, days, start, end) ->
                new Scenario(
                    s.id(),
                    s.name(),
                    d,
                    d.plusDays(days),
                    start,
                    end,
                    s.venue(),
                    s.event(),
                    s.profile(),
                    s.security(),
                    s.context()));
  }

  /**
   * The measures as a scenario file can state them: a measure listed more than once says nowhere
   * how it is deployed (the reader refuses the file otherwise).
   */
  private static Security security(List<MeasureQuality> items) {
    List<Measure> measures = new ArrayList<>();
    Set<Measure> stated = EnumSet.noneOf(Measure.class);
    List<MeasureQuality> qualities = new ArrayList<>();
    for (MeasureQuality q : items) {
      if (measures.contains(q.measure()) && (q.stated() || stated.contains(q.measure()))) {
        continue;
      }
      measures.add(q.measure());
      if (q.stated()) {
        stated.add(q.measure());
        qualities.add(q);
      }
    }
    return new Security(measures, qualities);
  }
}
