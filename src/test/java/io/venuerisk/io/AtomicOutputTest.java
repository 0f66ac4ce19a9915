package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicOutput: a report reaches --out whole or not at all, and says when it got there. */
class AtomicOutputTest {
  @TempDir Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void aReportCountsAsWrittenOnlyOnceItIsRenamedIntoPlace() throws IOException {
    Path target = dir.resolve("report.csv");
    try (AtomicOutput out = AtomicOutput.to(target, new PrintWriter(new StringWriter()))) {
      Writer w = out.open();
      w.write("id,score\na,50\n");
      assertThat(out.committed()).isFalse();
      assertThat(target).doesNotExist();
      out.commit();
      assertThat(out.committed()).isTrue();
    }
    assertThat(target).hasContent("id,score\na,50");
    assertThat(filesIn(dir)).as("no temporary file left").isEqualTo(1);
  }

  @Test
  void aReportClosedBeforeCommitLeavesTheExistingFileUntouched() throws IOException {
    Path target = dir.resolve("report.csv");
    Files.writeString(target, "previous run\n");
    try (AtomicOutput out = AtomicOutput.to(target, new PrintWriter(new StringWriter()))) {
      out.open().write("half a report");
      assertThat(out.committed()).isFalse();
    }
    assertThat(target).hasContent("previous run");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void withoutOutTheReportGoesToStdoutWholeAtCommit() throws IOException {
    StringWriter stdout = new StringWriter();
    try (AtomicOutput out = AtomicOutput.to(null, new PrintWriter(stdout))) {
      out.open().write("id,score\n");
      assertThat(stdout.toString()).isEmpty();
      out.commit();
      assertThat(out.committed()).isTrue();
    }
    assertThat(stdout.toString()).isEqualTo("id,score\n");
  }
}
