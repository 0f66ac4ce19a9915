package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  @Test
  void theStreamedArrayIsByteForByteWhatAssessPrintsForSeveralFiles() throws Exception {
    Assessment a = SampleAssessments.named("a", "A");
    Assessment b = SampleAssessments.named("b", "B");
    String streamed =
        SampleAssessments.write(
            new JsonReport(), List.of(a, b), SampleAssessments.summary(List.of(a, b)));
    StringWriter whole = new StringWriter();
    AssessmentJson.write(whole, List.of(a, b), false);
    assertThat(streamed).isEqualTo(whole.toString());
  }

  @Test
  void notIndentedItIsTheSameArrayOnOneLine() throws Exception {
    Assessment a = SampleAssessments.named("a", "A");
    Assessment b = SampleAssessments.named("b", "B");
    String compact =
        SampleAssessments.write(
            new JsonReport(false), List.of(a, b), SampleAssessments.summary(List.of(a, b)));
    StringWriter whole = new StringWriter();
    AssessmentJson.write(whole, List.of(a, b), false);
    assertThat(compact).doesNotContain("\n");
    assertThat(Json.mapper().readTree(compact)).isEqualTo(Json.mapper().readTree(whole.toString()));
    assertThat(SampleAssessments.write(new JsonReport(false), List.of(), new BatchSummary()))
        .isEqualTo("[]");
  }

  @Test
  void anEmptyCalendarIsAnEmptyArray() throws Exception {
    StringWriter whole = new StringWriter();
    AssessmentJson.write(whole, List.of(), false);
    assertThat(SampleAssessments.write(new JsonReport(), List.of(), new BatchSummary()))
        .isEqualTo(whole.toString());
  }
}
