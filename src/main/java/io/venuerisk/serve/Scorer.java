package io.venuerisk.serve;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Scores the scenarios of concurrent requests together: each worker takes whatever is waiting (up
 * to {@link #GROUP}) and scores it in one Drools session, as {@code batch} scores a calendar in
 * chunks. A session costs about as much to set up as to score one event, so under load this nearly
 * halves the CPU per request; a request that arrives alone is scored at once, alone, and waits for
 * nobody. The results are those of scoring each scenario on its own: the engine inserts no peers
 * here, so no rule relates one scenario of a session to another (the property {@code batch} rests
 * on). Two equal scenarios never share a session, since the engine tells scenarios apart by
 * equality; the second waits for the next one.
 */
final class Scorer implements AutoCloseable {
  /** Scenarios per session; past about 32 a larger session saves nothing (docs/benchmarks.md). */
  static final int GROUP = 32;

  private record Job(Scenario scenario, CompletableFuture<Assessment> result) {}

  private final Engine engine;
  private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  Scorer(Engine engine, int threads) {
    this.engine = engine;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::work, "venue-risk-scorer-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /** The assessment of {@code s}, exactly as {@link Engine#assess} gives it. */
  CompletableFuture<Assessment> assess(Scenario s) {
    CompletableFuture<Assessment> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new IllegalStateException("the scorer is closed"));
      return f;
    }
    queue.add(new Job(s, f));
    return f;
  }

  private void work() {
    Deque<Job> deferred = new ArrayDeque<>();
    List<Job> group = new ArrayList<>(GROUP);
    Set<Scenario> seen = new HashSet<>();
    while (!closed) {
      try {
        Job first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        seen.add(first.scenario());
        Job next;
        while (group.size() < GROUP && (next = queue.poll()) != null) {
          if (seen.add(next.scenario())) {
            group.add(next);
          } else {
            deferred.add(next);
          }
        }
        score(group);
      } catch (InterruptedException e) {
        return;
      } finally {
        group.clear();
        seen.clear();
        // the deferred go first next time, in their order
        while (!deferred.isEmpty()) {
          queue.addFirst(deferred.removeLast());
        }
      }
    }
  }

  private void score(List<Job> group) {
    List<Scenario> scenarios = new ArrayList<>(group.size());
    for (Job j : group) {
      scenarios.add(j.scenario());
    }
    List<Assessment> results;
    try {
      results = engine.assessWithPeers(scenarios, List.of());
    } catch (RuntimeException | Error e) {
      OutOfHeap.exitIf(e);
      // one scenario the engine cannot score must not fail the others: score each alone
      for (Job j : group) {
        try {
          j.result().complete(engine.assess(j.scenario()));
        } catch (RuntimeException | Error e1) {
          OutOfHeap.exitIf(e1);
          j.result().completeExceptionally(e1);
        }
      }
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).result().complete(results.get(i));
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      t.interrupt();
    }
    Job j;
    while ((j = queue.poll()) != null) {
      j.result().completeExceptionally(new IllegalStateException("the server is stopping"));
    }
  }
}
