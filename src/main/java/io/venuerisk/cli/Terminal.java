package io.venuerisk.cli;

import io.venuerisk.io.AssessmentText;

/** Colour only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
final class Terminal {
  private Terminal() {}

  static AssessmentText.Style style() {
    String noColor = System.getenv("NO_COLOR");
    boolean colour = System.console() != null && (noColor == null || noColor.isEmpty());
    return new AssessmentText.Style(colour);
  }
}
