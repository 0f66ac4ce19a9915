package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.SessionLimits;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --rules DIR} and {@code --data DIR}: which rules and reference data to score with; {@code
 * --max-firings} and {@code --rule-timeout}: the bounds every session runs under; and, through
 * {@link ContextOptions}, {@code --threat-level CC=LEVEL} and {@code --context FILE}: the threat
 * context the user declares for the run, merged into the reference data that every scoring
 * command's engine is built with.
 */
public final class EngineOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Score with the .drl files in DIR instead of the shipped rules. Rules are code: use"
              + " only a folder you trust.")
  Path rules;

  @Option(
      names = "--allow-unsafe-rules",
      description =
          "Load a --rules folder even if its rules reach outside the engine (files, network,"
              + " processes, reflection, class loading, System.exit). Only for a folder you trust.")
  boolean allowUnsafe;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Reference data folder (the files of data/) instead of the shipped copy.")
  Path data;

  @Mixin ContextOptions context = new ContextOptions();

  @Option(
      names = "--max-firings",
      paramLabel = "N",
      defaultValue = "" + SessionLimits.DEFAULT_MAX_FIRINGS,
      description =
          "Stop with exit code 9 when the rules fire more than N times per event (default:"
              + " ${DEFAULT-VALUE}; the shipped rules fire a few dozen times). A rule that re-fires"
              + " on its own output would otherwise run until memory is gone.")
  int maxFirings;

  @Option(
      names = "--rule-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Stop with exit code 9 when the rules run longer than SECONDS on one session (one"
              + " event, or a batch chunk of events; default: ${DEFAULT-VALUE}).")
  BigDecimal ruleTimeout;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private ReferenceData loaded;

  /**
   * Starts building the rule base on another thread: compiling rules and reading inputs overlap,
   * which is most of a cold start. Warns on {@code err} when unsafe rules are allowed.
   */
  CompletableFuture<RuleBase> startRules(PrintWriter err) {
    Path dir = rules;
    if (dir != null && allowUnsafe) {
      err.println("venue-risk: warning: --allow-unsafe-rules: the rules in " + dir
          + " are not checked and may read files, open connections or run programs");
      err.flush();
    }
    // a user's folder cites the guide statements of the data it is scored with
    java.util.Set<String> statements =
        dir == null ? null : referenceData().statements().keySet();
    if (dir == null) {
      CompletableFuture<RuleBase> early =
          command != null && command.root().userObject() instanceof VenueRisk root
              ? root.takeEarlyRules()
              : null;
      return early != null ? early : buildShipped();
    }
    boolean unsafe = allowUnsafe;
    return build(() -> RuleBase.fromFolder(dir, statements, unsafe));
  }

  /** Starts building the shipped rule base on another thread. */
  static CompletableFuture<RuleBase> buildShipped() {
    return build(RuleBase::shipped);
  }

  private static CompletableFuture<RuleBase> build(Supplier<RuleBase> rules) {
    return CompletableFuture.supplyAsync(
        () -> {
          RuleBase rb = rules.get();
          // the first session loads the engine's runtime classes: do it here, in parallel with
          // the main thread reading data and input, rather than on the critical path
          rb.kieBase().newKieSession().dispose();
          return rb;
        });
  }

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

  Engine engine(CompletableFuture<RuleBase> rules, ReferenceData data) {
    SessionLimits limits = limits();
    return new Engine(join(rules), data, limits);
  }

  /** The session limits of --max-firings and --rule-timeout. */
  SessionLimits limits() {
    if (maxFirings < 1) {
      throw new ParameterException(command.commandLine(), "--max-firings must be 1 or more");
    }
    if (ruleTimeout == null || ruleTimeout.signum() <= 0 || ruleTimeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new ParameterException(command.commandLine(),
          "--rule-timeout must be more than 0 and at most " + MAX_TIMEOUT + " seconds");
    }
    return new SessionLimits(maxFirings, Duration.ofMillis(Math.max(1,
        ruleTimeout.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact())));
  }

  private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(86_400);

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
