package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  @Test
  void writesTheListedColumnsAndOneRowPerEvent() throws Exception {
    Assessment a = SampleAssessments.named("m-1", "Market, \"the\" cathedral");
    String csv =
        SampleAssessments.write(new CsvReport(), List.of(a), SampleAssessments.summary(List.of(a)));
    assertThat(csv.lines().toList())
        .containsExactly(
            "id,name,date,startTime,endTime,city,country,score,tier,inherentScore,inherentTier,topFindings,topMissingMeasures,notes",
            "m-1,\"Market, \"\"the\"\" cathedral\",2026-12-20,,,Cologne,DE,"
                + Numbers.score(a.score())
                + ","
                + a.tier()
                + ","
                + Numbers.score(a.inherent().score())
                + ","
                + a.inherent().tier()
                + ","
                + String.join(";", BatchReport.topFindings(a).stream().map(f -> f.rule()).toList())
                + ","
                + String.join(";", BatchReport.topMeasures(a))
                + ","
                + CsvReport.line(List.of(String.join(" | ", a.notes()))).strip());
    // the strongest reasons are the findings that make the risk, not the exposures' weights
    assertThat(BatchReport.topFindings(a)).hasSize(3).allMatch(f -> f.exposure() == null);
    assertThat(BatchReport.topMeasures(a)).hasSize(3);
  }
}
