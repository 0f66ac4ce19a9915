package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.Json;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules run as an executable model built into the jar; `--rules rules/` compiles the
 * same files with the classic compiler. Analysts edit and try rules the second way, so both must
 * score every golden scenario byte for byte alike.
 */
class CompilerAgreementTest {

  @Test
  void theRulesFolderCompiledAtRunTimeScoresExactlyLikeTheBuiltInModel() throws Exception {
    ReferenceData data = ReferenceData.bundled();
    Engine built = new Engine(RuleBase.shipped(), data);
    Engine compiled = new Engine(RuleBase.fromFolder(Path.of("rules")), data);
    ScenarioJson json = new ScenarioJson(data);
    int compared = 0;
    for (Path file : ScenarioSuite.files(Path.of("scenarios"))) {
      Scenario s = ScenarioFiles.read(json, file);
      assertThat(render(compiled, s)).as(file.toString()).isEqualTo(render(built, s));
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }

  private static String render(Engine engine, Scenario s) throws Exception {
    StringWriter w = new StringWriter();
    Json.write(w, AssessmentJson.of(engine.assess(s)));
    return w.toString();
  }
}
