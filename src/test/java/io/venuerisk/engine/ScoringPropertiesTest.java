package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.Json;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Band;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Factor;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import io.venuerisk.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The risk model's promises of docs/scoring.md, over generated valid scenarios. */
class ScoringPropertiesTest {
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), ReferenceData.bundled());
  private static final Engine REVERSED =
      Engine.reversedInsertion(RuleBase.shipped(), ReferenceData.bundled());
  private static final List<String> COUNTRIES =
      List.of("AF", "PK", "TJ", "IR", "TR", "RU", "DE", "FR", "GB", "US", "JP", "BR", "AU", "QA");

  @Property(tries = 150)
  void bothRisksStayWithin0And100AndMatchTheirTiers(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.score()).isBetween(0.0, 100.0);
    assertThat(a.inherent().score()).isBetween(0.0, 100.0);
    // the tier is the matrix cell of the two levels, whatever the score
    var tables = ENGINE.data().riskTables();
    assertThat(a.tier())
        .isEqualTo(
            tables.tier(a.residual().likelihood().level(), a.residual().consequence().level()));
    assertThat(a.inherent().tier())
        .isEqualTo(
            tables.tier(a.inherent().likelihood().level(), a.inherent().consequence().level()));
    assertThat(a.band().low()).isLessThanOrEqualTo(a.score());
    assertThat(a.band().high()).isGreaterThanOrEqualTo(a.score());
  }

  @Property(tries = 150)
  void theResidualRiskIsNeverAboveTheInherentRisk(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.score()).isLessThanOrEqualTo(a.inherent().score());
    assertThat(a.trace().vulnerability()).isBetween(0.0, 1.0);
    assertThat(a.residual().likelihood().points())
        .isLessThanOrEqualTo(a.inherent().likelihood().points());
    assertThat(a.residual().consequence()).isEqualTo(a.inherent().consequence());
  }

  @Property(tries = 150)
  void everyFactorComesFromNamedFindings(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.findings())
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isNotBlank();
              assertThat(f.cites()).isNotEmpty();
              assertThat(f.rationale()).isNotBlank();
            });
    assertThat(a.trace().likelihood()).isCloseTo(sum(a, Factor.LIKELIHOOD), within(0.05));
    assertThat(a.inherent().likelihood().points()).isEqualTo(a.trace().likelihood());
    // every exposure's consequence is its people, severity and the consequence findings
    assertThat(a.trace().baseline())
        .isEqualTo(
            a.findings().stream()
                .filter(f -> f.rule().equals("BAS-COUNTRY"))
                .mapToDouble(f -> f.points())
                .sum());
    // every exposure named in the result is an exposure finding of a fired rule
    assertThat(a.exposures())
        .allSatisfy(
            e ->
                assertThat(a.findings())
                    .anyMatch(f -> f.exposure() == e.exposure() && f.rule().equals(e.rule())));
  }

  @Property(tries = 150)
  void aMeasureNeverRaisesTheResidualAndNeverChangesTheInherentRisk(
      @ForAll("scenarios") Scenario s, @ForAll Measure added) {
    List<Measure> more = new ArrayList<>(s.security().measures());
    if (!more.contains(added)) {
      more.add(added);
    }
    Assessment before = ENGINE.assess(s);
    Assessment after = ENGINE.assess(s.withMeasures(more));
    assertThat(after.score()).isLessThanOrEqualTo(before.score());
    assertThat(after.trace().vulnerability()).isLessThanOrEqualTo(before.trace().vulnerability());
    assertThat(after.inherent()).isEqualTo(before.inherent());
    assertThat(ENGINE.assess(s.withMeasures(List.of())).inherent()).isEqualTo(before.inherent());
  }

  @Property(tries = 150)
  void aLargerCrowdNeverLowersEitherRisk(
      @ForAll("scenarios") Scenario s, @ForAll("extraPeople") int extra) {
    Assessment before = ENGINE.assess(s);
    Assessment after = ENGINE.assess(withAttendance(s, s.attendance() + extra));
    assertThat(after.inherent().score()).isGreaterThanOrEqualTo(before.inherent().score());
    assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
  }

  @Property(tries = 60)
  void theSameInputGivesByteIdenticalJson(@ForAll("scenarios") Scenario s) {
    assertThat(json(ENGINE.assess(s))).isEqualTo(json(ENGINE.assess(s)));
  }

  @Property(tries = 60)
  void theOrderOfFactsMeasuresAndCommunitiesDoesNotChangeTheResult(
      @ForAll("scenarios") Scenario s) {
    List<Measure> measures = new ArrayList<>(s.security().measures());
    Collections.reverse(measures);
    List<Community> communities = new ArrayList<>(s.profile().communities());
    Collections.reverse(communities);
    Profile p = s.profile();
    Scenario shuffled =
        new Scenario(
            s.id(),
            s.name(),
            s.date(),
            s.endDate(),
            s.venue(),
            s.event(),
            new Profile(
                communities,
                p.westernInterest(),
                p.westernAttendees(),
                p.officials(),
                p.securityForces(),
                p.aidAgencies(),
                p.israeliInterest()),
            new Security(measures),
            s.context());
    String expected = json(ENGINE.assess(s));
    assertThat(json(ENGINE.assess(shuffled))).isEqualTo(expected);
    // the engine inserts the scenario and its reference rows in the other order too
    assertThat(json(REVERSED.assess(shuffled))).isEqualTo(expected);
  }

  @Property(tries = 60)
  void theJsonOutputParsesBackToTheSameResult(@ForAll("scenarios") Scenario s) throws Exception {
    Assessment a = ENGINE.assess(s);
    JsonNode j = new ObjectMapper().readTree(json(a));
    assertThat(j.get("id").asText()).isEqualTo(a.id());
    assertThat(j.get("score").asDouble()).isEqualTo(a.score());
    assertThat(j.get("tier").asText()).isEqualTo(a.tier().name());
    assertThat(j.at("/inherent/score").asDouble()).isEqualTo(a.inherent().score());
    assertThat(j.at("/inherent/tier").asText()).isEqualTo(a.inherent().tier().name());
    assertThat(j.at("/model/vulnerability").asDouble()).isEqualTo(a.trace().vulnerability());
    assertThat(j.at("/band/low").asDouble()).isEqualTo(a.band().low());
    assertThat(j.at("/inherent/likelihood/level").asInt())
        .isEqualTo(a.inherent().likelihood().level());
    List<String> findings = new ArrayList<>();
    j.get("findings")
        .forEach(f -> findings.add(f.get("rule").asText() + "=" + f.get("points").asDouble()));
    assertThat(findings)
        .containsExactlyElementsOf(
            a.findings().stream().map(f -> f.rule() + "=" + f.points()).toList());
    List<String> measures = new ArrayList<>();
    j.get("recommendedMeasures")
        .forEach(
            m -> measures.add(m.get("measure").asText() + "=" + m.get("reduction").asDouble()));
    assertThat(measures)
        .containsExactlyElementsOf(
            a.recommendedMeasures().stream()
                .map(m -> m.measure().code() + "=" + m.reduction())
                .toList());
  }

  @Property(tries = 100)
  void aRuleFindsAtMostOneFindingPerEvent(@ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    assertThat(a.findings().stream().map(Finding::rule).toList()).doesNotHaveDuplicates();
  }

  @Property(tries = 60)
  void theBandRunsFromTheLowestToTheHighestScoreOfTheScenarioWithOneUnknownFieldSet(
      @ForAll("scenarios") Scenario s) {
    Assessment a = ENGINE.assess(s);
    // each variant assessed in full, one at a time: what the band's score-only variants stand for
    Engine plain = ENGINE.withoutBand();
    double low = a.score();
    double high = a.score();
    for (Unknowns u : Unknowns.values()) {
      if (u.unknownIn(s)) {
        for (boolean v : u.candidates()) {
          double score = plain.assess(u.with(s, v)).score();
          low = Math.min(low, score);
          high = Math.max(high, score);
        }
      }
    }
    assertThat(a.band().low()).isEqualTo(low);
    assertThat(a.band().high()).isEqualTo(high);
    assertThat(a.band().field() == null).isEqualTo(low == high);

    // without the band, the same assessment with the score as its band
    Assessment p = plain.assess(s);
    assertThat(p.band()).isEqualTo(Band.exact(a.score()));
    assertThat(json(p.withBand(a.band()))).isEqualTo(json(a));
  }

  private static double sum(Assessment a, Factor factor) {
    return a.findings().stream()
        .filter(f -> f.factor() == factor)
        .mapToDouble(Finding::points)
        .sum();
  }

  private static String json(Assessment a) {
    return Json.compact(AssessmentJson.of(a));
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
            .as(
                (type, indoor, country) ->
                    new Venue(null, "v", type, indoor, null, "city", country));
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
                flag,
                flag,
                flag,
                flag,
                flag,
                flag)
            .as(Profile::new);
    Arbitrary<Security> security =
        Arbitraries.of(Measure.class).list().ofMaxSize(6).uniqueElements().map(Security::new);
    return Combinators.combine(
            dates, Arbitraries.integers().between(0, 3), venues, events, profiles, security)
        .as(
            (d, len, v, e, p, sec) ->
                new Scenario("gen", "generated", d, d.plusDays(len), v, e, p, sec));
  }

  private static Scenario withAttendance(Scenario s, int people) {
    EventInfo e = s.event();
    return s.withEvent(new EventInfo(e.type(), people, e.internationalProfile(), e.entryChecks()));
  }
}
