package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  @Test
  void writesTheListedColumnsAndOneRowPerEvent() throws Exception {
    Assessment a = SampleAssessments.named("m-1", "Market, \"the\" cathedral");
    String csv = SampleAssessments.write(new CsvReport(), List.of(a), SampleAssessments.summary(List.of(a)));
    assertThat(csv.lines().toList()).containsExactly(
        "id,name,date,city,country,score,tier,topFindings,topMissingMeasures",
        "m-1,\"Market, \"\"the\"\" cathedral\",2026-12-20,Cologne,DE,67,HIGH,"
            + "EXP-PERSON-BORNE-IED;EXP-VEHICLE-RAMMING;GEO-EUROPE,"
            + "standoff_perimeter;bag_search;vehicle_screening");
  }
}
