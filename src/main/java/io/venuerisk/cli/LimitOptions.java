package io.venuerisk.cli;

import io.venuerisk.engine.SessionLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --max-firings} and {@code --rule-timeout}: the bounds every session runs under. */
public final class LimitOptions {
  private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(86_400);

  @Option(
      names = "--max-firings",
      paramLabel = "N",
      defaultValue = "" + SessionLimits.DEFAULT_MAX_FIRINGS,
      description =
          "Stop with exit code 9 when the rules fire more than N times per event (default:"
              + " ${DEFAULT-VALUE}; the shipped rules fire a few dozen times). A rule that re-fires"
              + " on its own output would otherwise run until memory is gone.")
  int maxFirings = SessionLimits.DEFAULT_MAX_FIRINGS;

  @Option(
      names = "--rule-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Stop with exit code 9 when the rules run longer than SECONDS on one session (one"
              + " event, or a batch chunk of events; default: ${DEFAULT-VALUE}).")
  BigDecimal ruleTimeout = BigDecimal.TEN;

  /**
   * The session limits these options give.
   *
   * @param cl the command, for the usage error a bad value is
   */
  SessionLimits limits(CommandLine cl) {
    if (maxFirings < 1) {
      throw new ParameterException(cl, "--max-firings must be 1 or more");
    }
    if (ruleTimeout == null
        || ruleTimeout.signum() <= 0
        || ruleTimeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new ParameterException(
          cl, "--rule-timeout must be more than 0 and at most " + MAX_TIMEOUT + " seconds");
    }
    return new SessionLimits(
        maxFirings,
        Duration.ofMillis(
            Math.max(
                1,
                ruleTimeout.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact())));
  }
}
