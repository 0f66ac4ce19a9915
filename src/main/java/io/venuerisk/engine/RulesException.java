package io.venuerisk.engine;

import java.util.List;

/** A rule folder does not compile or breaks a rule convention; each problem names file and line. */
public final class RulesException extends RuntimeException {
  private final List<RuleProblem> problems;

  public RulesException(List<RuleProblem> problems) {
    super(problems.isEmpty() ? "rules failed to load" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
