package io.venuerisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.Explanation;
import io.venuerisk.engine.MeasurePlanner;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.AssessmentText;
import io.venuerisk.io.ExplainReport;
import io.venuerisk.io.PlanReport;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The measures the outputs suggest fit the event: each answers an exposure the event has (the
 * rules' {@code @measures} checked against data/mitigations.csv), none is suggested for an effect
 * that rounds to nothing, and no output of a shipped scenario writes a negative zero.
 */
class MeasuresFitTest {
  private static Engine engine;
  private static List<Assessment> assessed;
  private static final Map<ExposureKind, Set<Measure>> ANSWERS = new EnumMap<>(ExposureKind.class);

  @BeforeAll
  static void assessEveryShippedScenario() {
    engine = new Engine(RuleBase.shipped(), ReferenceData.bundled());
    ScenarioJson json = new ScenarioJson(engine.data());
    List<Scenario> scenarios = new ArrayList<>();
    for (Path dir : List.of(Path.of("scenarios"), Path.of("scenarios/martyns-law"))) {
      for (Path f : ScenarioSuite.files(dir)) {
        scenarios.add(ScenarioFiles.read(json, f));
      }
    }
    assessed = scenarios.stream().map(engine::assess).toList();
    for (MitigationOption o : engine.data().mitigations()) {
      ANSWERS.computeIfAbsent(o.exposure(), k -> EnumSet.noneOf(Measure.class)).add(o.measure());
    }
  }

  @Test
  void everyMeasureAShippedRuleCallsForAnswersSomeExposureInTheMitigationTable() {
    Set<Measure> answering = EnumSet.noneOf(Measure.class);
    ANSWERS.values().forEach(answering::addAll);
    for (RuleInfo r : engine.rules().rules()) {
      assertThat(answering)
          .as("%s calls for a measure data/mitigations.csv ties to no exposure", r.meta().id())
          .containsAll(r.meta().measures());
    }
  }

  @Test
  void anExposureRuleCallsOnlyForMeasuresThatAnswerItsOwnExposure() {
    int checked = 0;
    for (Assessment a : assessed) {
      for (Finding f : a.findings()) {
        if (f.exposure() != null) {
          RuleInfo r = rule(f.rule());
          assertThat(ANSWERS.get(f.exposure()))
              .as("%s (exposure %s)", f.rule(), f.exposure().code())
              .containsAll(r.meta().measures());
          checked++;
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void aFindingRecommendsOnlyMeasuresThatAnswerAnExposureOfThisEvent() {
    int kept = 0;
    int dropped = 0;
    for (Assessment a : assessed) {
      Set<Measure> useful = EnumSet.noneOf(Measure.class);
      for (ExposureSummary e : a.exposures()) {
        useful.addAll(ANSWERS.get(e.exposure()));
      }
      for (Finding f : a.findings()) {
        assertThat(useful).as("%s in %s", f.rule(), a.id()).containsAll(f.measures());
        kept += f.measures().size();
        dropped += rule(f.rule()).meta().measures().size() - f.measures().size();
      }
    }
    // the shipped scenarios include events a rule's measures do not fit (geography rules call for
    // intelligence liaison, which answers only some exposures), and many they do
    assertThat(kept).isPositive();
    assertThat(dropped).isPositive();
  }

  @Test
  void noMeasureIsSuggestedForAnEffectThatRoundsToNothing() {
    for (Assessment a : assessed) {
      for (RecommendedMeasure r : a.recommendedMeasures()) {
        assertThat(r.reduction()).as("%s in %s", r.measure().code(), a.id()).isGreaterThan(0);
      }
    }
  }

  private static final Pattern NEGATIVE_ZERO = Pattern.compile("(?<![\\w.])-0(\\.0+)?(?![.\\d])");

  @Test
  void noOutputOfAShippedScenarioWritesANegativeZero() throws IOException {
    MeasurePlanner planner = new MeasurePlanner(engine);
    for (Assessment a : assessed) {
      Scenario s = a.scenario();
      StringWriter text = new StringWriter();
      PrintWriter out = new PrintWriter(text);
      AssessmentText.write(out, a, AssessmentText.Style.PLAIN);
      MeasurePlanner.Plan p = planner.plan(s, MeasurePlanner.defaultTarget(a.tier()));
      PlanReport.writeText(out, p);
      Explanation x = Explanation.of(engine, s);
      ExplainReport.writeText(out, x, engine.data().statements());
      out.flush();
      StringWriter json = new StringWriter();
      AssessmentJson.write(json, List.of(a), true);
      PlanReport.writeJson(json, p);
      ExplainReport.writeJson(json, x, engine.data().statements());
      for (String output : List.of(text.toString(), json.toString())) {
        assertThat(NEGATIVE_ZERO.matcher(output).find())
            .as("%s: a negative zero in %s", a.id(), excerpt(output))
            .isFalse();
      }
    }
  }

  @Test
  void theNegativeZeroCheckCatchesOne() {
    assertThat(NEGATIVE_ZERO.matcher("     -0.0  bag_search").find()).isTrue();
    assertThat(NEGATIVE_ZERO.matcher("\"reduction\" : -0.0,").find()).isTrue();
    assertThat(NEGATIVE_ZERO.matcher("-0.05 -10.0 2026-01-01 ISK-0").find()).isFalse();
  }

  private static String excerpt(String output) {
    var m = NEGATIVE_ZERO.matcher(output);
    if (!m.find()) {
      return "";
    }
    return output.substring(Math.max(0, m.start() - 60), Math.min(output.length(), m.end() + 20));
  }

  private static RuleInfo rule(String id) {
    return engine.rules().rules().stream()
        .filter(r -> r.meta().id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
