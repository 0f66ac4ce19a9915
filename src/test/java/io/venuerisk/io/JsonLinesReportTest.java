package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReportTest {
  @Test
  void eachLineIsTheFullAssessmentOfTheResultContract() throws Exception {
    Assessment a = SampleAssessments.cologne();
    String out =
        SampleAssessments.write(
            new JsonLinesReport(), List.of(a, a), SampleAssessments.summary(List.of(a, a)));
    assertThat(out.lines())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).isEqualTo(Json.compact(AssessmentJson.of(a))));
  }
}
