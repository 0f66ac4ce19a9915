package io.venuerisk.bench;

import io.venuerisk.engine.RuleBase;
import java.nio.file.Path;

/**
 * Prints how long building the rule base takes in a fresh JVM: the shipped executable model, and
 * optionally a DRL folder compiled at run time. Run by bench/startup.sh; not a test.
 *
 * <pre>
 * java -cp target/venue-risk.jar:target/test-classes io.venuerisk.bench.RuleBaseBuildTime [rules]
 * </pre>
 */
public final class RuleBaseBuildTime {
  private RuleBaseBuildTime() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    RuleBase rb = args.length == 0 ? RuleBase.shipped() : RuleBase.fromFolder(Path.of(args[0]));
    long t1 = System.nanoTime();
    rb.kieBase().newKieSession().dispose();
    long t2 = System.nanoTime();
    System.out.printf(
        "build_ms=%.1f first_session_ms=%.1f rules=%d%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        rb.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum());
  }
}
