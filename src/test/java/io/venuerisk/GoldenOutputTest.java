package io.venuerisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.AssessmentText;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Assessment;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden scenario's JSON and text result, compared byte for byte with the files kept beside
 * it: {@code NAME.json.out} and {@code NAME.txt.out} beside {@code NAME.json} (named so that a glob
 * of {@code *.json} still lists only scenarios). {@code -Dgolden.update=true} rewrites them; an
 * output left without its scenario fails the suite.
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

  /**
   * A stored output whose scenario was renamed or deleted would otherwise lie there unchecked,
   * looking like a result the tool still gives: each {@code NAME.json.out} and {@code NAME.txt.out}
   * needs its {@code NAME.json} beside it.
   */
  @Test
  void everyStoredOutputHasItsScenarioBeside() throws IOException {
    List<String> orphans = new ArrayList<>();
    for (Path folder : FOLDERS) {
      orphans.addAll(orphans(folder));
    }
    assertThat(orphans)
        .as(
            "stored outputs with no scenario beside them: delete them, or restore the scenario"
                + " they were written from")
        .isEmpty();
  }

  @Test
  void anOutputWithoutItsScenarioIsNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("kept.json"), "{}");
    Files.writeString(dir.resolve("kept.json.out"), "");
    Files.writeString(dir.resolve("kept.txt.out"), "");
    Files.writeString(dir.resolve("renamed.txt.out"), "");
    Files.writeString(dir.resolve("notes.out"), "");
    assertThat(orphans(dir))
        .containsExactly(
            dir.resolve("notes.out") + " (not NAME.json.out or NAME.txt.out)",
            dir.resolve("renamed.txt.out") + " (no " + dir.resolve("renamed.json") + ")");
  }

  /** The {@code .out} files of the folder with no scenario beside them, each saying why. */
  private static List<String> orphans(Path folder) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".out")) {
          continue;
        }
        String base =
            name.endsWith(".json.out") || name.endsWith(".txt.out")
                ? name.substring(0, name.lastIndexOf('.', name.length() - ".out".length() - 1))
                : null;
        if (base == null || base.isEmpty()) {
          out.add(f + " (not NAME.json.out or NAME.txt.out)");
        } else if (!Files.isRegularFile(f.resolveSibling(base + ".json"))) {
          out.add(f + " (no " + f.resolveSibling(base + ".json") + ")");
        }
      }
    }
    return out;
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
