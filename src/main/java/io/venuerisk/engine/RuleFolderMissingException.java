package io.venuerisk.engine;

import java.nio.file.Path;

/**
 * A rule folder named on the command line ({@code --rules DIR}, {@code rules --check DIR}) does not
 * exist or is not a folder: a wrong path, like a scenario file that is not there, and not a rule
 * that fails to compile.
 */
public final class RuleFolderMissingException extends RuntimeException {
  private final Path folder;

  public RuleFolderMissingException(Path folder, String problem) {
    super(folder + ": " + problem);
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }
}
