package io.venuerisk.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by the commands that print assessments. */
public final class FormatOption {
  public enum Format {
    text,
    json
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;
}
