package io.venuerisk.engine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Fires a session's rules under {@link SessionLimits}. The happy path costs one bounded {@code
 * fireAllRules(limit)} on a firing thread and a wait for it, so batch throughput is unchanged:
 * nothing counts firings per rule until a limit is hit. Then the session goes on for a short sample
 * with a counting listener, and the error names the rule that fired most in it.
 *
 * <p>The firing runs on its own (daemon) thread so that the caller gets the error even when a
 * consequence never returns: {@code halt()} only stops a session between firings. Such a thread is
 * left to finish (or to end with the JVM); the error names the rule it is stuck in.
 */
final class SessionRunner {
  /** Firings watched after a limit is hit, to tell which rule keeps firing. */
  private static final int SAMPLE = 1_000;

  /** How long a halted session, or the sample, may take before the rule is called stuck. */
  private static final Duration GRACE = Duration.ofSeconds(1);

  private static final ExecutorService FIRING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "venue-risk-rules");
            t.setDaemon(true);
            return t;
          });

  private final RuleBase rules;
  private final SessionLimits limits;

  SessionRunner(RuleBase rules, SessionLimits limits) {
    this.rules = rules;
    this.limits = limits;
  }

  /**
   * Fires all rules of a session that scores {@code events} events.
   *
   * @return the number of firings
   * @throws SessionLimitException when the rules fire too often or run too long (running out of
   *     memory is an {@link OutOfMemoryError}, as anywhere else: one line and its own exit code)
   */
  int fire(KieSession session, int events) {
    long budget =
        Math.min(Integer.MAX_VALUE - 1L, (long) limits.maxFiringsPerEvent() * Math.max(1, events));
    // one more than allowed: firing that many means the rules would not have stopped
    Run run = new Run(session, (int) budget + 1);
    int fired;
    try {
      fired = run.future.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      session.halt();
      if (!run.finishes()) {
        throw new SessionLimitException(tooLong(events) + ": " + stuck(run));
      }
      String sample = sample(session);
      throw new SessionLimitException(tooLong(events) + (sample == null ? "" : ": " + sample));
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      session.halt();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while the rules were firing");
    }
    if (fired > budget) {
      String head =
          String.format(
              Locale.ROOT,
              "the rules fired more than %d times for %s (--max-firings %d per event)",
              budget,
              events(events),
              limits.maxFiringsPerEvent());
      String sample = sample(session);
      throw new SessionLimitException(
          sample == null
              ? head + " and stopped just after; raise --max-firings if they really need that many"
              : head + ": " + sample + "; a rule that re-fires on its own output never stops");
    }
    return fired;
  }

  /**
   * Disposes a session after {@link #fire}; a session whose consequence never returned is left to
   * its firing thread, which disposes it if the consequence ever ends (disposing waits for it).
   */
  void dispose(KieSession session) {
    if (!ABANDONED.contains(session)) {
      session.dispose();
    }
  }

  /** Sessions whose firing thread was given up on; weak, so that they never pile up. */
  private static final Set<KieSession> ABANDONED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** One fireAllRules on the firing pool. */
  private static final class Run {
    final KieSession session;
    final Future<Integer> future;
    volatile Thread thread;
    private boolean done; // guarded by this
    private boolean abandoned; // guarded by this

    Run(KieSession session, int max) {
      this.session = session;
      this.future =
          FIRING.submit(
              () -> {
                thread = Thread.currentThread();
                try {
                  return session.fireAllRules(max);
                } catch (Throwable t) {
                  OutOfHeap.exitIf(t);
                  throw t;
                } finally {
                  thread = null;
                  boolean dispose;
                  synchronized (this) {
                    done = true;
                    dispose = abandoned;
                  }
                  if (dispose) {
                    ABANDONED.remove(session);
                    session.dispose();
                  }
                }
              });
    }

    /** Waits a little for a halted run; false, and the run is given up on, if it is stuck. */
    boolean finishes() {
      try {
        future.get(GRACE.toNanos(), TimeUnit.NANOSECONDS);
        return true;
      } catch (ExecutionException e) {
        return true;
      } catch (TimeoutException e) {
        // stuck in a consequence
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        if (done) {
          return true;
        }
        abandoned = true;
        ABANDONED.add(session);
      }
      return false;
    }
  }

  /**
   * Fires up to {@link #SAMPLE} more times, counting by rule, and says which fired most; null if no
   * rule fired any more.
   */
  private String sample(KieSession session) {
    Map<String, Integer> counts = new HashMap<>();
    int[] total = {0};
    DefaultAgendaEventListener counter =
        new DefaultAgendaEventListener() {
          @Override
          public void afterMatchFired(AfterMatchFiredEvent event) {
            counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            total[0]++;
          }
        };
    session.addEventListener(counter);
    Run more = new Run(session, SAMPLE);
    try {
      more.future.get(GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      session.halt();
      if (!more.finishes()) {
        return stuck(more);
      }
    } catch (ExecutionException e) {
      // the counts so far still say which rule fired most
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    // the sample run has ended (Future.get): its counts are visible here
    session.removeEventListener(counter);
    String top = null;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (top == null
          || c.getValue() > counts.get(top)
          || (c.getValue().equals(counts.get(top)) && c.getKey().compareTo(top) < 0)) {
        top = c.getKey();
      }
    }
    if (top == null) {
      return null; // the rules had finished
    }
    return "rule \""
        + top
        + "\""
        + where(top)
        + " fired most, "
        + counts.get(top)
        + " of the next "
        + total[0]
        + (total[0] == 1 ? " firing" : " firings");
  }

  /** Names the rule whose consequence the run's thread is in, from its stack. */
  private String stuck(Run run) {
    Thread thread = run.thread;
    String rule = thread == null ? null : ruleOnStack(thread.getStackTrace());
    return rule == null
        ? "a rule's consequence was still running and did not return"
        : "rule \""
            + rule
            + "\""
            + where(rule)
            + " was still running its consequence and did not return";
  }

  private String ruleOnStack(StackTraceElement[] stack) {
    String best = null;
    int bestLength = 0;
    for (StackTraceElement frame : stack) {
      String cls = frame.getClassName();
      String simple = cls.substring(cls.lastIndexOf('.') + 1);
      for (KiePackage p : rules.kieBase().getKiePackages()) {
        for (Rule r : p.getRules()) {
          String prefix = "Rule_" + RuleSafety.normalise(r.getName());
          if (simple.startsWith(prefix) && prefix.length() > bestLength) {
            best = r.getName();
            bestLength = prefix.length();
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /** " (loop.drl:9)" for a rule of the catalogue, or nothing. */
  private String where(String ruleName) {
    try {
      for (RuleInfo info : rules.rules()) {
        if (info.meta().title().equals(ruleName)) {
          String file =
              rules.origin().equals("shipped rules")
                  ? info.file()
                  : Path.of(rules.origin()).resolve(info.file()).toString();
          return " (" + file + ":" + info.line() + ")";
        }
      }
    } catch (RuntimeException e) {
      // the message stays useful without a location
    }
    return "";
  }

  private RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  private String tooLong(int events) {
    String s =
        BigDecimal.valueOf(limits.timeout().toMillis())
            .movePointLeft(3)
            .stripTrailingZeros()
            .toPlainString();
    return "the rules ran longer than "
        + s
        + " s for "
        + events(events)
        + " (--rule-timeout "
        + s
        + ")";
  }

  private static String events(int n) {
    return n == 1 ? "one event" : "a session of " + n + " events";
  }
}
