package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.AssessmentJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.Tier;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The scoring promises of docs/scoring.md, over generated valid scenarios. */
class ScoringPropertiesTest {
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), ReferenceData.bundled());
  private static final List<String> COUNTRIES =
      List.of("AF", "PK", "TJ", "IR", "TR", "RU", "DE", "FR", "GB", "US", "JP", "BR", "AU", "QA");

  @Property(tries = 150)
  void theScoreStaysWithin0And100AndMatchesItsTier(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.score()).isBetween(0, 100);
    assertThat(a.tier()).isEqualTo(Tier.of(a.score()));
  }

  @Property(tries = 150)
  void everyPointOfTheScoreComesFromANamedFinding(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.findings().stream().mapToInt(Finding::points).sum()).isEqualTo(a.rawPoints());
    assertThat(a.score()).isEqualTo(Math.max(0, Math.min(100, a.rawPoints())));
    assertThat(a.findings()).allSatisfy(f -> {
      assertThat(f.rule()).isNotBlank();
      assertThat(f.cites()).isNotEmpty();
      assertThat(f.rationale()).isNotBlank();
    });
  }

  @Property(tries = 150)
  void addingAProtectiveMeasureNeverRaisesTheScore(
      @ForAll("scenarios") Scenario s, @ForAll Measure added) {
    List<Measure> more = new ArrayList<>(s.security().measures());
    more.add(added);
    Scenario protectedMore = withMeasures(s, more);
    assertThat(ENGINE.assess(protectedMore).rawPoints()).isLessThanOrEqualTo(ENGINE.assess(s).rawPoints());
  }

  @Property(tries = 150)
  void aLargerCrowdNeverLowersTheScore(
      @ForAll("scenarios") Scenario s, @ForAll("extraPeople") int extra) {
    Scenario bigger = withAttendance(s, s.attendance() + extra);
    assertThat(ENGINE.assess(bigger).rawPoints()).isGreaterThanOrEqualTo(ENGINE.assess(s).rawPoints());
  }

  @Property(tries = 60)
  void theSameInputGivesByteIdenticalJson(@ForAll("scenarios") Scenario s) throws Exception {
    assertThat(json(ENGINE.assess(s))).isEqualTo(json(ENGINE.assess(s)));
  }

  @Property(tries = 60)
  void theOrderOfMeasuresAndCommunitiesDoesNotChangeTheResult(@ForAll("scenarios") Scenario s)
      throws Exception {
    List<Measure> reversed = new ArrayList<>(s.security().measures());
    java.util.Collections.reverse(reversed);
    assertThat(json(ENGINE.assess(withMeasures(s, reversed)))).isEqualTo(json(ENGINE.assess(s)));
  }

  @Property(tries = 60)
  void theJsonOutputParsesBackToTheSameResult(@ForAll("scenarios") Scenario s) throws Exception {
    Assessment a = ENGINE.assess(s);
    com.fasterxml.jackson.databind.JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json(a));
    assertThat(j.get("id").asText()).isEqualTo(a.id());
    assertThat(j.get("score").asInt()).isEqualTo(a.score());
    assertThat(j.get("tier").asText()).isEqualTo(a.tier().name());
    assertThat(j.get("rawPoints").asInt()).isEqualTo(a.rawPoints());
    List<String> findings = new ArrayList<>();
    j.get("findings").forEach(f -> findings.add(f.get("rule").asText() + "=" + f.get("points").asInt()));
    assertThat(findings).containsExactlyElementsOf(
        a.findings().stream().map(f -> f.rule() + "=" + f.points()).toList());
    List<String> measures = new ArrayList<>();
    j.get("recommendedMeasures").forEach(m -> measures.add(m.get("measure").asText() + "=" + m.get("reduction").asInt()));
    assertThat(measures).containsExactlyElementsOf(a.recommendedMeasures().stream()
        .map(m -> m.measure().code() + "=" + m.reduction()).toList());
  }

  private static String json(Assessment a) throws Exception {
    StringWriter w = new StringWriter();
    AssessmentJson.write(w, AssessmentJson.toJson(a));
    return w.toString();
  }

  @Provide
  Arbitrary<Integer> extraPeople() {
    return Arbitraries.integers().between(1, 200_000);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers().between(0, 365 * 6).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    Arbitrary<Venue> venues =
        Combinators.combine(
                Arbitraries.of(VenueType.class),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null),
                Arbitraries.of(COUNTRIES))
            .as((type, indoor, country) -> new Venue(null, "v", type, indoor, null, "city", country));
    Arbitrary<EventInfo> events =
        Combinators.combine(
                Arbitraries.of(EventType.class),
                Arbitraries.integers().between(0, 120_000),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null))
            .as(EventInfo::new);
    Arbitrary<Boolean> flag = Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null);
    Arbitrary<Profile> profiles =
        Combinators.combine(
                Arbitraries.of(Community.class).list().ofMaxSize(3).uniqueElements(),
                flag, flag, flag, flag, flag, flag)
            .as(Profile::new);
    Arbitrary<Security> security =
        Arbitraries.of(Measure.class).list().ofMaxSize(6).uniqueElements().map(Security::new);
    return Combinators.combine(dates, Arbitraries.integers().between(0, 3), venues, events, profiles, security)
        .as((d, len, v, e, p, sec) -> new Scenario("gen", "generated", d, d.plusDays(len), v, e, p, sec));
  }

  private static Scenario withMeasures(Scenario s, List<Measure> measures) {
    return s.withMeasures(measures);
  }

  private static Scenario withAttendance(Scenario s, int people) {
    EventInfo e = s.event();
    return s.withEvent(new EventInfo(e.type(), people, e.internationalProfile(), e.entryChecks()));
  }
}
