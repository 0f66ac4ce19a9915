package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.venuerisk.bench.CalendarGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to a child JVM running {@code batch --out}: SIGTERM and SIGKILL part-way leave no
 * partial report and a previous report untouched; SIGINT stops with the summary so far.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BatchInterruptionTest {
  /** Long enough to run several seconds on two cores (about 13,000 events/s). */
  static final int EVENTS = 300_000;

  @TempDir static Path dir;
  static Path calendar;

  @BeforeAll
  static void bigCalendar() throws Exception {
    assumeTrue(killAvailable(), "no kill command to send signals with");
    calendar = dir.resolve("big.jsonl");
    CalendarGenerator.main(new String[] {String.valueOf(EVENTS), calendar.toString()});
  }

  @Test
  void sigtermPartWayLeavesNoPartialReportAndThePreviousOneUntouched() throws Exception {
    Path out = dir.resolve("term.jsonl");
    Files.writeString(out, "previous report\n");
    Process p = start(out);
    waitForRows(out, p);
    signal("TERM", p);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
    assertThat(p.exitValue()).isEqualTo(128 + 15);
    assertThat(Files.readString(out)).isEqualTo("previous report\n");
    assertThat(temps(out)).as("the temporary report is deleted").isEmpty();
  }

  @Test
  void sigkillLeavesThePreviousReportUntouchedAndTheNextRunRemovesTheStaleTemporaryFile()
      throws Exception {
    Path out = dir.resolve("kill.jsonl");
    Files.writeString(out, "previous report\n");
    Process p = start(out);
    waitForRows(out, p);
    p.destroyForcibly();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).isEqualTo("previous report\n");
    List<Path> stale = temps(out);
    assertThat(stale)
        .as("SIGKILL runs no clean-up: the temporary file stays, named after its pid")
        .hasSize(1)
        .allSatisfy(
            t -> assertThat(t.getFileName().toString()).startsWith(".kill.jsonl." + p.pid() + "."));

    CommandRun next =
        CommandRun.of(
            "batch",
            "scenarios/calendars/euro-2024.csv",
            "--format",
            "jsonl",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(temps(out))
        .as("the next run removes a temporary file whose process is gone")
        .isEmpty();
    assertThat(Files.readString(out)).startsWith("{\"id\":\"euro2024-m51\"");
  }

  @Test
  void sigintStopsCleanlyWithTheSummarySoFarOnStderr() throws Exception {
    Path out = dir.resolve("int.jsonl");
    Path err = dir.resolve("int.err");
    Process p = start(out, err);
    waitForRows(out, p);
    signal("INT", p);
    boolean stopped = p.waitFor(60, TimeUnit.SECONDS);
    if (!stopped) {
      p.destroyForcibly().waitFor();
      assumeTrue(
          false, "SIGINT is ignored in this environment (inherited SIG_IGN); cannot test it here");
    }
    assertThat(p.exitValue()).isEqualTo(128 + 2);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(stderr)
        .containsPattern(
            "venue-risk: interrupted: [1-9]\\d* events scored \\(SEVERE \\d+, HIGH \\d+,"
                + " ELEVATED \\d+, MODERATE \\d+, LOW \\d+\\), 0 rejected, [\\d.]+ s; nothing written, .*int.jsonl untouched")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(temps(out)).isEmpty();
  }

  private static Process start(Path out) throws IOException {
    return start(out, dir.resolve(out.getFileName() + ".err"));
  }

  private static Process start(Path out, Path err) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>();
    if (sigintIgnored()) {
      // Started in the background (nohup, '&' in a script), this JVM ignores SIGINT and so would
      // the child, which would run to the end: perl restores the default before exec, as a
      // terminal's shell would, so the child's own handler is what the test exercises.
      assumeTrue(onPath("perl"), "SIGINT is ignored here and there is no perl to restore it");
      command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
    }
    command.addAll(
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.venuerisk.cli.VenueRisk",
            "batch",
            calendar.toString(),
            "--out",
            out.toString(),
            // JSON Lines in input order is written as it is scored: the report's temporary file
            // grows part-way (the other formats and orders are complete only at the end)
            "--format",
            "jsonl",
            "--sort",
            "input",
            "--quiet",
            "--threads",
            "2"));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .start();
  }

  /** Waits until the report's temporary file has rows: the batch is part-way. */
  private static void waitForRows(Path out, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("the batch is still running").isTrue();
      for (Path t : temps(out)) {
        if (Files.size(t) > 64 * 1024) {
          return;
        }
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("the batch wrote no rows in 90 s");
  }

  private static List<Path> temps(Path out) throws IOException {
    String prefix = "." + out.getFileName() + ".";
    try (Stream<Path> s = Files.list(out.getParent())) {
      return s.filter(
              f ->
                  f.getFileName().toString().startsWith(prefix)
                      && f.getFileName().toString().endsWith(".tmp"))
          .toList();
    }
  }

  private static void signal(String name, Process p) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid()))
            .redirectErrorStream(true)
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /** Whether this JVM inherited SIGINT as ignored (Linux: bit 1 of SigIgn in /proc). */
  private static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing tells; the test's own fallback below the signal still applies
    }
    return false;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static boolean killAvailable() {
    try {
      Process p =
          new ProcessBuilder("kill", "-0", String.valueOf(ProcessHandle.current().pid()))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(new File("/dev/null"))
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
