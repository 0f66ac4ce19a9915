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
            + " | "
            + a.inherent().likelihood().level()
            + " ("
            + Numbers.score(a.inherent().likelihood().points())
            + ") -> "
            + a.residual().likelihood().level()
            + " ("
            + Numbers.score(a.residual().likelihood().points())
            + ") | "
            + a.inherent().consequence().level()
            + " ("
            + Numbers.score(a.inherent().consequence().points())
            + ") | "
            + band(a)
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
    // each exposure with its use, reach, consequence level, vulnerability left and points
    var e = a.exposures().get(0);
    assertThat(md)
        .contains(
            e.exposure().code()
                + ": use "
                + Numbers.share(e.relativeWeight())
                + ", "
                + e.peopleReached()
                + " reached, C"
                + e.consequence().level()
                + ", left "
                + Numbers.share(e.vulnerability())
                + ", "
                + Numbers.score(e.inherentPoints())
                + " -> "
                + Numbers.score(e.residualPoints()));
    // the levels the rows use, with their meanings, once after the table
    assertThat(md)
        .contains("## Levels")
        .contains(
            "| likelihood | "
                + a.inherent().likelihood().level()
                + " | "
                + a.inherent().likelihood().meaning()
                + " |")
        .contains(
            "| consequence | "
                + a.inherent().consequence().level()
                + " | "
                + a.inherent().consequence().meaning()
                + " |");
    assertThat(md.indexOf("## Levels")).isGreaterThan(md.indexOf(row));
  }

  private static String band(Assessment a) {
    var b = a.band();
    return b.field() == null
        ? "exact: no unknown fact moves it"
        : Numbers.score(b.low()) + " to " + Numbers.score(b.high()) + ", " + b.field() + " most";
  }
}
