package io.venuerisk.cli;

/** Documented exit codes, listed in every command's --help. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** A bug: please report it with the output of --verbose. */
  public static final int INTERNAL = 1;
  /** Wrong command-line usage. */
  public static final int USAGE = 2;
  /** A scenario, calendar, registry or data file is invalid or unreadable. */
  public static final int INPUT = 3;
  /** A rule folder does not compile or breaks a rule convention. */
  public static final int RULES = 4;
  /** A batch finished but rejected some records (each is reported). */
  public static final int REJECTED = 5;
  /** Scenario expectations failed (venue-risk test). */
  public static final int EXPECTATIONS = 6;
  /** An output file could not be written; any previous file is untouched. */
  public static final int OUTPUT = 7;
  /** {@code diff --exit-code}: some event changes score or tier between the two rule sets. */
  public static final int CHANGED = 8;
  /**
   * The rules fired more often than --max-firings per event, ran longer than --rule-timeout or ran
   * out of memory (the message names the rule).
   */
  public static final int LIMIT = 9;

}
