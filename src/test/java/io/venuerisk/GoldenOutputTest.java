package io.venuerisk;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.AssessmentText;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Assessment;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden scenario's JSON and text result, compared byte for byte with the files kept beside
 * it: {@code NAME.json.out} and {@code NAME.txt.out} beside {@code NAME.json} (named so that a glob
 * of {@code *.json} still lists only scenarios). {@code -Dgolden.update=true} rewrites them.
 */
class GoldenOutputTest {
  private static final List<Path> FOLDERS =
      List.of(
          Path.of("scenarios"),
          Path.of("scenarios/martyns-law"),
          Path.of("scenarios/threat-context"));

  @TestFactory
  Stream<DynamicTest> eachGoldenScenarioGivesItsStoredJsonAndText() {
    ReferenceData data = ReferenceData.bundled();
    Engine engine = new Engine(RuleBase.shipped(), data);
    ScenarioJson json = new ScenarioJson(data);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : FOLDERS) {
      for (Path f : ScenarioSuite.files(folder)) {
        tests.add(
            DynamicTest.dynamicTest(
                f.toString(),
                () -> {
                  Assessment a = engine.assess(ScenarioFiles.read(json, f));
                  StringWriter j = new StringWriter();
                  AssessmentJson.write(j, List.of(a), true);
                  Golden.check(sibling(f, ".json.out"), j.toString());
                  StringWriter t = new StringWriter();
                  PrintWriter p = new PrintWriter(t);
                  AssessmentText.write(p, a, AssessmentText.Style.PLAIN);
                  p.flush();
                  Golden.check(sibling(f, ".txt.out"), t.toString());
                }));
      }
    }
    return tests.stream();
  }

  private static Path sibling(Path scenario, String suffix) {
    String name = scenario.getFileName().toString();
    return scenario.resolveSibling(name.substring(0, name.length() - ".json".length()) + suffix);
  }

  static {
    // the folders must exist when the suite runs from the checkout's root
    for (Path f : FOLDERS) {
      if (!Files.isDirectory(f)) {
        throw new IllegalStateException(f + " is missing: run the tests from the checkout's root");
      }
    }
  }
}
