package io.venuerisk.io;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.Expectations;
import io.venuerisk.engine.FiringLog;
import io.venuerisk.engine.ScenarioCheck;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Expectation;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every scenario file of a folder against the expectation stored in it: the runner behind
 * {@code venue-risk test} and the project's own golden-scenario test.
 */
public final class ScenarioSuite {
  private ScenarioSuite() {}

  /** The scenario files of a folder (not its sub-folders), sorted by name. */
  public static List<Path> files(Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw InputException.of(dir.toString(), "cannot list the folder: " + e.getMessage());
    }
  }

  public static ScenarioCheck check(Engine engine, ScenarioJson json, Path file) {
    String name = file.toString();
    try {
      byte[] bytes = ScenarioFiles.bytes(file, Limits.MAX_SCENARIO_FILE_BYTES);
      Scenario s = json.read(name, bytes);
      Optional<Expectation> expect = ExpectationJson.read(name, bytes);
      FiringLog log = new FiringLog();
      Assessment a = engine.assessGroup(List.of(s), log).get(0);
      List<String> fired = List.copyOf(log.firedRuleIds());
      List<Expectations.Difference> diffs =
          expect.map(e -> Expectations.differences(e, a, log.firedRuleIds())).orElse(List.of());
      return new ScenarioCheck(name, s.id(), expect.orElse(null), a, fired, diffs, null);
    } catch (InputException e) {
      return new ScenarioCheck(name, null, null, null, List.of(), List.of(), e.getMessage());
    }
  }
}
