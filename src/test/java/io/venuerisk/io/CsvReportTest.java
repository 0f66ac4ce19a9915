package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  @Test
  void writesTheListedColumnsOneRowPerEventAndOnePerRejectedRecord() throws Exception {
    Assessment a = SampleAssessments.named("m-1", "Market, \"the\" cathedral");
    BatchSummary summary = SampleAssessments.summary(List.of(a));
    summary.rejections().add(new InputException("cal.csv", 4, 0, 3, "date", "not a date"));
    summary.rejected(1);
    String csv = SampleAssessments.write(new CsvReport(), List.of(a), summary);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(String.join(",", CsvReport.COLUMNS));
    assertThat(lines.get(0))
        .contains(",venue,venueType,city,country,attendance,")
        .contains(",martynsLawTier,martynsLawMissingDuties,reasonPoints,exposureWeights,");
    // one event is no calendar to share reasons with: its own are all listed, with their points
    assertThat(lines.get(1))
        .startsWith(
            "m-1,\"Market, \"\"the\"\" cathedral\",2026-12-20,"
                + a.scenario().endDate()
                + ",,,"
                + a.scenario().venue().name()
                + ",")
        .contains(
            ","
                + Numbers.score(a.score())
                + ","
                + a.tier()
                + ","
                + Numbers.score(a.inherent().score())
                + ","
                + a.inherent().tier()
                + ",")
        .contains(BatchReport.topFindings(a).get(0).rule() + " +");
    // outside the UK there is no Martyn's Law tier: the cell is empty
    assertThat(lines.get(1)).contains("," + a.inherent().tier() + ",,,");
    // the rejected record: every column empty but the last, which says where and why
    assertThat(lines.get(2))
        .isEqualTo(
            ",".repeat(CsvReport.COLUMNS.size() - 1) + "cal.csv:4: record 3: date: not a date");
  }

  @Test
  void aByteOrderMarkOnlyOnRequest() throws Exception {
    Assessment a = SampleAssessments.cologne();
    BatchSummary summary = SampleAssessments.summary(List.of(a));
    assertThat(SampleAssessments.write(new CsvReport(true), List.of(a), summary))
        .startsWith("\uFEFFid,name,");
    assertThat(SampleAssessments.write(new CsvReport(), List.of(a), summary))
        .startsWith("id,name,");
  }
}
