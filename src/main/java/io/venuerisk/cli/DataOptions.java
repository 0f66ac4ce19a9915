package io.venuerisk.cli;

import io.venuerisk.reference.ReferenceData;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}, and through {@link ContextOptions} {@code --threat-level} and {@code
 * --context}: the reference data a command scores with, read once per command.
 */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Reference data folder (the files of data/) instead of the shipped copy.")
  Path data;

  @Mixin ContextOptions context = new ContextOptions();

  private ReferenceData loaded;

  /**
   * Read once per command: a --rules folder's cites and the scoring share it. It holds the run's
   * declared context and threat levels, so the engine built with it scores against them.
   */
  ReferenceData referenceData() {
    if (loaded == null) {
      loaded = context.apply(data == null ? ReferenceData.bundled() : ReferenceData.load(data));
    }
    return loaded;
  }
}
