package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report written through a temporary file ends up readable like any file the user writes. */
class OutputPermissionsTest {

  private static int run(String... args) {
    return CommandRun.of(args).exit();
  }

  @Test
  void aNewBatchReportIsReadableByOthersNotOwnerOnly(@TempDir Path dir) throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path out = dir.resolve("report.html");
    assertThat(
            run(
                "batch",
                "scenarios/calendars/euro-2024.csv",
                "--format",
                "html",
                "--quiet",
                "--out",
                out.toString()))
        .isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aReplacedReportKeepsThePermissionsOfTheFileItReplaces(@TempDir Path dir) throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path out = dir.resolve("junit.xml");
    Files.writeString(out, "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(
            run("test", "scenarios/christmas-market-cologne-2026.json", "--junit", out.toString()))
        .isZero();
    assertThat(Files.readString(out)).contains("<testsuite");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-rw-r--");
  }
}
