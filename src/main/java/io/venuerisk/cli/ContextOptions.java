package io.venuerisk.cli;

import io.venuerisk.io.ContextFile;
import io.venuerisk.io.ThreatLevelInput;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --threat-level CC=LEVEL} and {@code --context FILE}: threat context a user declares for
 * one run. Part of {@link EngineOptions}, so every command that scores has them.
 */
public final class ContextOptions {
  @Option(
      names = "--threat-level",
      paramLabel = "CC=LEVEL",
      description = {
        "The national threat level of country CC for this run, in that country's own vocabulary:"
            + " GB=SEVERE, FR=urgence_attentat, NL=4 (repeatable, one per country). Every event in"
            + " CC is scored against it instead of the dated levels of data/threat_levels.csv; a"
            + " scenario's own context.threatLevel still wins. An unknown level is an input error"
            + " (exit 3) listing the country's levels."
      })
  List<String> threatLevels = new ArrayList<>();

  @Option(
      names = "--context",
      paramLabel = "FILE",
      description = {
        "Context the reference tables do not know, for this run: high-profile events, tension"
            + " periods and threat-level rows, as JSON or CSV (repeatable; docs/context.md)."
            + " Results name the rows as user-declared."
      })
  List<Path> contexts = new ArrayList<>();

  /** The data with this run's context files and threat levels merged in. */
  ReferenceData apply(ReferenceData base) {
    ReferenceData data = base;
    if (!contexts.isEmpty()) {
      data = data.withDeclared(ContextFile.readAll(contexts, data));
    }
    if (!threatLevels.isEmpty()) {
      data = data.withThreatOverrides(ThreatLevelInput.options(threatLevels, data));
    }
    return data;
  }
}
