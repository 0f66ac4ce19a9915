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
    // the rejected record: every column empty but `rejected`, which says where and why
    int rejected = CsvReport.COLUMNS.indexOf("rejected");
    assertThat(lines.get(2))
        .isEqualTo(
            ",".repeat(rejected)
                + "cal.csv:4: record 3: date: not a date"
                + ",".repeat(CsvReport.COLUMNS.size() - 1 - rejected));
  }

  @Test
  void theRiskColumnsComeAfterRejectedSoEarlierColumnLettersStay() throws Exception {
    Assessment a = SampleAssessments.cologne();
    BatchSummary summary = SampleAssessments.summary(List.of(a));
    List<String> lines =
        SampleAssessments.write(new CsvReport(), List.of(a), summary).lines().toList();
    assertThat(lines.get(0))
        .endsWith(
            ",topMissingMeasures,notes,rejected,likelihood,likelihoodPoints,consequence,"
                + "consequencePoints,residualLikelihood,residualLikelihoodPoints,bandLow,bandHigh,"
                + "bandField,tactics");
    String[] row = lines.get(1).split(",", -1);
    assertThat(row).hasSize(CsvReport.COLUMNS.size()); // no cell of this event holds a comma
    var inherent = a.inherent();
    assertThat(cell(row, "likelihood")).isEqualTo(Integer.toString(inherent.likelihood().level()));
    assertThat(cell(row, "likelihoodPoints"))
        .isEqualTo(Numbers.score(inherent.likelihood().points()));
    assertThat(cell(row, "consequence"))
        .isEqualTo(Integer.toString(inherent.consequence().level()))
        .isEqualTo(Integer.toString(a.residual().consequence().level()));
    assertThat(cell(row, "consequencePoints"))
        .isEqualTo(Numbers.score(inherent.consequence().points()));
    assertThat(cell(row, "residualLikelihood"))
        .isEqualTo(Integer.toString(a.residual().likelihood().level()));
    assertThat(Double.parseDouble(cell(row, "residualLikelihoodPoints")))
        .isEqualTo(a.residual().likelihood().points())
        .isLessThan(inherent.likelihood().points()); // Cologne states measures in place
    assertThat(cell(row, "bandLow")).isEqualTo(Numbers.score(a.band().low()));
    assertThat(cell(row, "bandHigh")).isEqualTo(Numbers.score(a.band().high()));
    assertThat(cell(row, "bandField")).isEqualTo(a.band().field() == null ? "" : a.band().field());
    // one entry per exposure: its consequence level, the vulnerability left, risk -> residual
    String[] tactics = cell(row, "tactics").split(";");
    assertThat(tactics).hasSize(a.exposures().size());
    var e = a.exposures().get(0);
    assertThat(tactics)
        .contains(
            e.exposure().code()
                + ":C"
                + e.consequence().level()
                + ":left "
                + Numbers.share(e.vulnerability())
                + ":"
                + Numbers.score(e.inherentPoints())
                + "->"
                + Numbers.score(e.residualPoints()));
  }

  private static String cell(String[] row, String column) {
    return row[CsvReport.COLUMNS.indexOf(column)];
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
