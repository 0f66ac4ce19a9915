package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void countsPerTierComeBeforeTheTableOfEvents() throws Exception {
    Assessment a = SampleAssessments.named("a|b", "Market");
    String md =
        SampleAssessments.write(
            new MarkdownReport(), List.of(a), SampleAssessments.summary(List.of(a)));
    assertThat(md).startsWith("# Event calendar risk report\n");
    String count = "| " + a.tier() + " | 1 |";
    String row =
        "| a\\|b | Market | 2026-12-20 | Cologne | DE | "
            + Numbers.score(a.score())
            + " "
            + a.tier()
            + " | "
            + Numbers.score(a.inherent().score())
            + " "
            + a.inherent().tier()
            + " |";
    assertThat(md).contains(count).contains(row);
    assertThat(md.indexOf(count)).isLessThan(md.indexOf(row));
  }
}
