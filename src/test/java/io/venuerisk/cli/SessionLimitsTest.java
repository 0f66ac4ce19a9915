package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every session is bounded: a rule set that fires too often per event or runs too long stops with
 * exit code 9 and one line naming the rule, whatever the command, and memory stays bounded. The
 * timeouts of these tests only guard against a hang; no timing is asserted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SessionLimitsTest {
  private static final String SCENARIO = "scenarios/christmas-market-cologne-2026.json";
  private static final String CALENDAR = "scenarios/calendars/paris-2024-olympics.json";
  private static final String LIMITS = "src/test/resources/rules-limits/";

  @TempDir Path tmp;

  @Test
  void aRuleThatReFiresOnItsOwnOutputStopsAssessWithExit9AndOneLineNamingIt() {
    CommandRun r = CommandRun.of("assess", "--rules", LIMITS + "loop", SCENARIO);
    assertThat(r.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("venue-risk: rules: the rules fired more than 2000 times for one event")
        .contains(
            "rule \"Re-fire on its own output\" ("
                + Path.of(LIMITS + "loop/loop.drl")
                + ":15) fired most")
        .contains("of the next 1000 firings");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aRuleThatReFiresOnItsOwnOutputStopsBatchWithExit9AndNoReport() throws IOException {
    Path out = tmp.resolve("report.csv");
    CommandRun r =
        CommandRun.of(
            "batch", "--rules", LIMITS + "loop", CALENDAR, "--out", out.toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("venue-risk: rules: the rules fired more than ")
        .contains("--max-firings 2000 per event")
        .contains("rule \"Re-fire on its own output\"");
    assertThat(r.clean()).isTrue();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("no report and no temporary file").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      explain --rules LOOP SCENARIO
      plan --rules LOOP SCENARIO
      test --rules LOOP scenarios
      diff --rules shipped --rules LOOP SCENARIO
      """)
  void everyCommandThatScoresIsBounded(String line) {
    String[] args = line.replace("LOOP", LIMITS + "loop").replace("SCENARIO", SCENARIO).split(" ");
    CommandRun r = CommandRun.of(args);
    assertThat(r.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(r.err()).contains("rule \"Re-fire on its own output\"");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aBusyConsequenceTripsTheTimeLimitAndTheCommandStillEnds() {
    // the consequence computes for seconds in a single firing: halting cannot interrupt it
    CommandRun r =
        CommandRun.of("assess", "--rule-timeout", "0.5", "--rules", LIMITS + "busy", SCENARIO);
    assertThat(r.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "venue-risk: rules: the rules ran longer than 0.5 s for one event (--rule-timeout 0.5)")
        .contains("rule \"Busy consequence\" (" + Path.of(LIMITS + "busy/busy.drl") + ":7)");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aSlowRuleUnderTheFiringLimitTripsTheTimeLimit() {
    CommandRun r =
        CommandRun.of(
            "assess",
            "--rule-timeout",
            "1",
            "--max-firings",
            "1000000",
            "--rules",
            LIMITS + "slow",
            SCENARIO);
    assertThat(r.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("venue-risk: rules: the rules ran longer than 1 s for one event")
        .contains(
            "rule \"Slow re-fire\" (" + Path.of(LIMITS + "slow/slow.drl") + ":15) fired most");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void theFiringLimitIsAnOptionThatAppliesToTheShippedRulesToo() {
    CommandRun tight = CommandRun.of("assess", "--max-firings", "3", SCENARIO);
    assertThat(tight.exit()).isEqualTo(ExitCodes.LIMIT);
    assertThat(tight.err())
        .contains("the rules fired more than 3 times for one event (--max-firings 3 per event)");
    assertThat(CommandRun.of("assess", "--max-firings", "1000", SCENARIO).exit()).isZero();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--max-firings, 0",
    "--max-firings, -5",
    "--rule-timeout, 0",
    "--rule-timeout, -1",
    "--rule-timeout, soon"
  })
  void aBadLimitIsAUsageError(String option, String value) {
    CommandRun r = CommandRun.of("assess", option, value, SCENARIO);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(option);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void memoryStaysBoundedWellBelowHalfAGigabyte() throws Exception {
    // a child JVM with a quarter of the 512 MB the README recommends for long batches
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.venuerisk.cli.VenueRisk",
                "batch",
                "--rules",
                LIMITS + "loop",
                CALENDAR,
                "--threads",
                "2",
                "--quiet",
                "--out",
                tmp.resolve("report.csv").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the batch ended").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.LIMIT);
    assertThat(stderr)
        .contains("venue-risk: rules: the rules fired more than")
        .doesNotContain("OutOfMemoryError")
        .doesNotContain("\tat ");
  }
}
