package io.venuerisk.engine;

/** One problem in a rule file, located for an editor: {@code file:line:column: message}. */
public record RuleProblem(String file, int line, int column, String message) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(message).toString();
  }
}
