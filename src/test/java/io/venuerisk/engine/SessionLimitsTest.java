package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** The shipped rules stay far inside the default session limits; the limits hold for any engine. */
class SessionLimitsTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Engine ENGINE = new Engine(RuleBase.shipped(), DATA);

  @Test
  void theShippedRulesNeverComeNearTheDefaultsOnTheGoldenScenarios() throws Exception {
    ScenarioJson json = new ScenarioJson(DATA);
    List<Scenario> all = new ArrayList<>();
    int most = 0;
    for (Path f : ScenarioSuite.files(Path.of("scenarios"))) {
      Scenario s = ScenarioFiles.read(json, f);
      all.add(s);
      most = Math.max(most, firings(List.of(s)));
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(15);
    // a tenth of the limit: the rules can grow a lot before an honest rule set trips it
    assertThat(most).isLessThan(SessionLimits.DEFAULT_MAX_FIRINGS / 10);
    // all of them in one session, as a batch chunk scores them, with the peers among them
    assertThat(firings(all) / all.size()).isLessThan(SessionLimits.DEFAULT_MAX_FIRINGS / 10);
  }

  @Test
  void theLimitCountsPerEventSoALargerSessionMayFireMore() throws Exception {
    ScenarioJson json = new ScenarioJson(DATA);
    List<Scenario> all = new ArrayList<>();
    for (Path f : ScenarioSuite.files(Path.of("scenarios"))) {
      all.add(ScenarioFiles.read(json, f));
    }
    int most = 0;
    for (Scenario s : all) {
      most = Math.max(most, firings(List.of(s)));
    }
    // the session of all events fires more than `most` in total, yet `most` per event suffices
    Engine tight =
        new Engine(RuleBase.shipped(), DATA, new SessionLimits(most, Duration.ofMinutes(1)));
    assertThat(firings(all)).isGreaterThan(most);
    assertThat(tight.assessGroup(all, null)).hasSameSizeAs(all);
    Engine tighter =
        new Engine(RuleBase.shipped(), DATA, new SessionLimits(most - 1, Duration.ofMinutes(1)));
    Scenario busiest =
        all.stream()
            .max((a, b) -> Integer.compare(firings(List.of(a)), firings(List.of(b))))
            .orElseThrow();
    assertThatThrownBy(() -> tighter.assess(busiest))
        .isInstanceOf(SessionLimitException.class)
        .hasMessageStartingWith("the rules fired more than " + (most - 1) + " times for one event")
        .hasMessageEndingWith(
            "and stopped just after; raise --max-firings if they really need that many");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new SessionLimits(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionLimits(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int firings(List<Scenario> group) {
    int[] n = {0};
    ENGINE.assessGroup(
        group,
        new DefaultAgendaEventListener() {
          @Override
          public void afterMatchFired(AfterMatchFiredEvent event) {
            n[0]++;
          }
        });
    return n[0];
  }
}
