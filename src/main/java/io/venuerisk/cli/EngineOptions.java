package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.SessionLimits;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command that scores with one rule set: {@code --rules DIR} and {@code
 * --allow-unsafe-rules}, and the shared mixins {@link DataOptions} ({@code --data}, {@code
 * --threat-level}, {@code --context}) and {@link LimitOptions} ({@code --max-firings}, {@code
 * --rule-timeout}), which the commands that compare rule sets mix in too.
 */
public final class EngineOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Score with the .drl files in DIR instead of the shipped rules. Rules are code: use"
              + " only a folder you trust.")
  Path rules;

  @Mixin UnsafeRulesOption unsafe = new UnsafeRulesOption();
  @Mixin DataOptions data = new DataOptions();
  @Mixin LimitOptions limits = new LimitOptions();

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Starts building the rule base on another thread: compiling rules and reading inputs overlap,
   * which is most of a cold start. Warns on {@code err} when unsafe rules are allowed.
   */
  CompletableFuture<RuleBase> startRules(PrintWriter err) {
    Path dir = rules;
    if (dir == null) {
      CompletableFuture<RuleBase> early =
          command != null && command.root().userObject() instanceof VenueRisk root
              ? root.takeEarlyRules()
              : null;
      return early != null ? early : buildShipped();
    }
    unsafe.warn(dir.toString(), err);
    // a user's folder cites the guide statements of the data it is scored with
    java.util.Set<String> statements = referenceData().statements().keySet();
    boolean allow = unsafe.allowUnsafe;
    return build(() -> RuleBase.fromFolder(dir, statements, allow));
  }

  /** Starts building the shipped rule base on another thread. */
  static CompletableFuture<RuleBase> buildShipped() {
    return build(RuleBase::shipped);
  }

  private static CompletableFuture<RuleBase> build(Supplier<RuleBase> rules) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            RuleBase rb = rules.get();
            // the first session loads the engine's runtime classes: do it here, in parallel with
            // the main thread reading data and input, rather than on the critical path
            rb.kieBase().newKieSession().dispose();
            return rb;
          } catch (Throwable t) {
            OutOfHeap.exitIf(t);
            throw t;
          }
        });
  }

  ReferenceData referenceData() {
    return data.referenceData();
  }

  Engine engine(CompletableFuture<RuleBase> rules, ReferenceData data) {
    return new Engine(join(rules), data, limits());
  }

  /** The session limits of --max-firings and --rule-timeout. */
  SessionLimits limits() {
    return limits.limits(command.commandLine());
  }

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
