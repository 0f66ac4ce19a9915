package io.venuerisk.io;

import io.venuerisk.engine.Expectations;
import io.venuerisk.engine.ScenarioCheck;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** What {@code test} prints: each scenario file's status, its scores and its differences. */
public final class TestReport {
  private TestReport() {}

  public record Json(List<CaseView> scenarios, Summary summary) {}

  public record CaseView(
      String file,
      String status,
      String id,
      Double score,
      Tier tier,
      AssessmentJson.RiskView inherent,
      List<String> differences,
      List<String> fired,
      String error) {}

  public record Summary(long total, long passed, long failed, long unreadable, long skipped) {}

  public static String status(ScenarioCheck c) {
    if (c.error() != null) {
      return "ERROR";
    }
    if (c.unchecked()) {
      return "SKIP";
    }
    return c.passed() ? "PASS" : "FAIL";
  }

  public static void writeText(PrintWriter out, List<ScenarioCheck> checks) {
    for (ScenarioCheck c : checks) {
      String status = status(c);
      if (c.assessment() == null) {
        out.printf("%-5s %s%n", status, c.file());
        out.println("      " + c.error());
        continue;
      }
      out.printf(
          "%-5s %s  %s  %s %s (inherent %s %s)%s%n",
          status,
          c.file(),
          c.scenarioId(),
          Numbers.score(c.assessment().score()),
          c.assessment().tier(),
          Numbers.score(c.assessment().inherent().score()),
          c.assessment().inherent().tier(),
          c.unchecked() ? "  (no expect object)" : "");
      for (String d : differences(c)) {
        out.println("      " + d);
      }
    }
    out.println();
    out.println(summaryLine(checks));
  }

  public static void writeJson(Writer out, List<ScenarioCheck> checks) throws IOException {
    List<CaseView> cases =
        checks.stream()
            .map(
                c ->
                    new CaseView(
                        c.file(),
                        status(c),
                        c.scenarioId(),
                        c.assessment() == null ? null : c.assessment().score(),
                        c.assessment() == null ? null : c.assessment().tier(),
                        c.assessment() == null
                            ? null
                            : AssessmentJson.RiskView.of(c.assessment().inherent()),
                        differences(c),
                        List.copyOf(c.fired()),
                        c.error()))
            .toList();
    io.venuerisk.io.Json.write(out, new Json(cases, summary(checks)));
  }

  /** How a check missed its expectation, one line per difference. */
  public static List<String> differences(ScenarioCheck c) {
    return c.differences().stream().map(TestReport::words).toList();
  }

  static String words(Expectations.Difference d) {
    // instanceof, not a switch over the sealed type: the jar is built for Java 17
    if (d instanceof Expectations.TierDiffers t) {
      return (t.inherent() ? "inherent " : "")
          + "tier: expected "
          + t.expected()
          + ", got "
          + t.got()
          + " (score "
          + t.score()
          + ")";
    }
    if (d instanceof Expectations.ScoreOutside s) {
      return (s.inherent() ? "inherent " : "")
          + "score: expected "
          + (s.atLeast() ? "at least " : "at most ")
          + s.bound()
          + ", got "
          + s.got();
    }
    Expectations.RuleDiffers r = (Expectations.RuleDiffers) d;
    return "rule "
        + r.rule()
        + (r.expectedToFire() ? ": expected to fire, did not" : ": expected not to fire, fired");
  }

  static Summary summary(List<ScenarioCheck> checks) {
    long passed = checks.stream().filter(ScenarioCheck::passed).count();
    long errors = checks.stream().filter(c -> c.error() != null).count();
    long skipped = checks.stream().filter(ScenarioCheck::unchecked).count();
    return new Summary(
        checks.size(), passed, checks.size() - passed - errors - skipped, errors, skipped);
  }

  public static String summaryLine(List<ScenarioCheck> checks) {
    Summary s = summary(checks);
    StringBuilder sb = new StringBuilder();
    sb.append(s.total())
        .append(s.total() == 1 ? " scenario: " : " scenarios: ")
        .append(s.passed())
        .append(" passed, ")
        .append(s.failed())
        .append(" failed");
    if (s.unreadable() > 0) {
      sb.append(", ").append(s.unreadable()).append(" unreadable");
    }
    if (s.skipped() > 0) {
      sb.append(", ").append(s.skipped()).append(" without expectations");
    }
    return sb.toString();
  }
}
