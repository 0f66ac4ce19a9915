package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void countsSharedReasonsAndRejectedRecordsComeOnceBeforeTheTableOfEvents() throws Exception {
    Assessment a = SampleAssessments.named("a|b", "Market");
    Assessment b = SampleAssessments.named("c", "Other market");
    BatchSummary summary = SampleAssessments.summary(List.of(a, b));
    summary.rejections().add(new InputException("cal.csv", 4, 0, 3, "date", "not a date"));
    summary.rejected(1);
    String md = SampleAssessments.write(new MarkdownReport(), List.of(a, b), summary);
    assertThat(md).startsWith("# Event calendar risk report\n");
    String count = "| " + a.tier() + " | 2 |";
    String row =
        "| 2026-12-20 | a\\|b | Market | "
            + a.scenario().venue().name()
            + " | Cologne DE | "
            + a.scenario().attendance()
            + " | "
            + Numbers.score(a.score())
            + " "
            + a.tier()
            + " | "
            + Numbers.score(a.inherent().score())
            + " "
            + a.inherent().tier()
            + " | n/a | ";
    assertThat(md).contains(count).contains(row);
    assertThat(md.indexOf(count)).isLessThan(md.indexOf(row));
    // the two events share every reason: listed once at the top, and no row repeats them
    String top = BatchReport.topFindings(a).get(0).rule();
    assertThat(md).contains("## Reasons the calendar shares").contains("| " + top + " | +");
    assertThat(md.split(java.util.regex.Pattern.quote(top), -1)).hasSize(2);
    assertThat(md).contains(" | only shared ones | ");
    // the rejected record with its file, line, record and problem
    assertThat(md)
        .contains("## Rejected records")
        .contains("| cal.csv | 4 | 3 | date: not a date |");
  }
}
