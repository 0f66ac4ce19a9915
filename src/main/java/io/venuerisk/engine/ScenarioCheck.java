package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Expectation;
import java.util.List;

/**
 * The outcome of checking one scenario file against its stored expectation.
 *
 * @param error set when the file could not be read or scored (then assessment is null)
 */
public record ScenarioCheck(
    String file,
    String scenarioId,
    Expectation expectation,
    Assessment assessment,
    List<String> fired,
    List<Expectations.Difference> differences,
    String error) {

  public ScenarioCheck {
    fired = List.copyOf(fired);
    differences = List.copyOf(differences);
  }

  public boolean passed() {
    return error == null && expectation != null && differences.isEmpty();
  }

  /** A scenario without an expectation is reported, not failed. */
  public boolean unchecked() {
    return error == null && expectation == null;
  }
}
