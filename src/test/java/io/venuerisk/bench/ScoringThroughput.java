package io.venuerisk.bench;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scoring alone, one session at a time, with no reading, peers or report: what the rules and the
 * risk model cost per event, in wall time and in CPU time (steadier than wall time on a shared
 * machine: this thread's and the engine's rule-firing threads'), and the rule firings per event
 * (every session of the engine, the uncertainty band's included), for a few session sizes. Finds
 * where batch time goes (docs/benchmarks.md, "## Batch"), and compares two builds in one run
 * (bench/scoring.sh).
 *
 * <p>{@code java -Xmx512m -cp target-batch/test-classes:target-batch/venue-risk.jar
 * io.venuerisk.bench.ScoringThroughput CALENDAR.jsonl EVENTS CHUNK...}, for example {@code
 * /tmp/venue-risk-bench/calendar-100000.jsonl 20000 1 8 32}. {@code -Drounds=N} repeats (default 3;
 * the first rounds include JIT compilation); {@code -Drules=DIR} scores with a rule folder instead
 * of the shipped rules, to compare two rule packs.
 */
public final class ScoringThroughput {
  private ScoringThroughput() {}

  /**
   * CPU time of this thread and of the engine's rule-firing threads ({@code venue-risk-rules}): the
   * engine fires each session's rules on a thread of its own (so that a session past its time limit
   * can be abandoned), and both halves are the cost of scoring.
   */
  private static long cpu() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long total = mx.getCurrentThreadCpuTime();
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().equals("venue-risk-rules")) {
        total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    return total;
  }

  public static void main(String[] args) throws IOException {
    Path calendar = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    ReferenceData data = ReferenceData.bundled();
    ScenarioJson json = new ScenarioJson(data);
    List<Scenario> events = new ArrayList<>(n);
    try (BufferedReader in = Files.newBufferedReader(calendar, StandardCharsets.UTF_8)) {
      String line;
      while (events.size() < n && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          events.add(json.readLine(args[0], line));
        }
      }
    }
    String folder = System.getProperty("rules");
    Engine engine =
        new Engine(
            folder == null
                ? RuleBase.shipped()
                : RuleBase.fromFolder(Path.of(folder), data.statements().keySet(), false),
            data);
    for (int round = 0; round < Integer.getInteger("rounds", 3); round++) {
      for (int a = 2; a < args.length; a++) {
        int chunk = Integer.parseInt(args[a]);
        long start = System.nanoTime();
        long cpu = cpu();
        long check = 0;
        long fired = engine.firings();
        for (int i = 0; i < events.size(); i += chunk) {
          List<Scenario> group = events.subList(i, Math.min(events.size(), i + chunk));
          for (Assessment r : engine.assessWithPeers(group, List.of())) {
            check += r.score();
          }
        }
        double s = (System.nanoTime() - start) / 1e9;
        double us = (cpu() - cpu) / 1e3 / events.size();
        System.out.printf(
            "round %d chunk %4d: %8.0f events/s, %6.1f us CPU/event, %5.1f firings/event"
                + " (score sum %d)%n",
            round,
            chunk,
            events.size() / s,
            us,
            (engine.firings() - fired) / (double) events.size(),
            check);
      }
    }
  }
}
