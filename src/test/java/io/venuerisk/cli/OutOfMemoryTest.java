package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heap too small for the job: one line saying how large the heap was and how to give it more, the
 * documented exit code, no stack trace and no report, in whichever thread the heap ran out.
 */
class OutOfMemoryTest {
  @TempDir Path tmp;

  @Test
  void aBatchThatRunsOutOfHeapSaysHowToRaiseItInOneLineAndLeavesNoReport() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = tmp.resolve("err.txt");
    Path report = tmp.resolve("out").resolve("report.csv");
    Files.createDirectories(report.getParent());
    // 8 MB holds the JVM and picocli but not the rule base with a calendar being scored
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx8m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.venuerisk.cli.VenueRisk",
                "batch",
                "scenarios/calendars/euro-2024.csv",
                "--quiet",
                "--out",
                report.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the batch ended").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.MEMORY);
    assertThat(stderr.lines())
        .as(stderr)
        .singleElement()
        .asString()
        .startsWith("venue-risk: out of memory (the Java heap is at most ")
        .contains("JAVA_OPTS=-Xmx16m bin/venue-risk")
        .contains("java -Xmx16m -jar");
    try (Stream<Path> left = Files.list(report.getParent())) {
      assertThat(left).as("no report, no temporary file").isEmpty();
    }
  }
}
