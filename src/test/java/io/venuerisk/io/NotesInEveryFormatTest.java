package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event past the end of a reference table says so in every output format. */
class NotesInEveryFormatTest {
  private static final String NOTE = "data/high_profile_events.csv covers 2005-01-01 to 2030-12-31";

  @Test
  void theNoteIsInTextJsonJsonLinesCsvMarkdownAndHtml() throws Exception {
    Scenario s =
        ScenarioFiles.read(
            Records.JSON,
            Path.of("scenarios/threat-context/christmas-market-2031-beyond-the-data.json"));
    Assessment a = SampleAssessments.engine().assess(s);
    assertThat(a.notes()).anyMatch(n -> n.startsWith(NOTE));
    StringWriter text = new StringWriter();
    AssessmentText.write(new PrintWriter(text), a, AssessmentText.Style.PLAIN);
    assertThat(text.toString()).contains("Note: " + NOTE);
    StringWriter json = new StringWriter();
    AssessmentJson.write(json, List.of(a), true);
    assertThat(json.toString()).contains(NOTE);
    for (BatchReport report :
        List.of(
            new JsonLinesReport(),
            new JsonReport(),
            new CsvReport(),
            new MarkdownReport(),
            new HtmlReport())) {
      assertThat(SampleAssessments.write(report, List.of(a), SampleAssessments.summary(List.of(a))))
          .as(report.getClass().getSimpleName())
          .contains(NOTE);
    }
    // the calendar reports say once how many events a note is about, in words
    for (BatchReport report : List.of(new MarkdownReport(), new HtmlReport())) {
      assertThat(SampleAssessments.write(report, List.of(a), SampleAssessments.summary(List.of(a))))
          .as(report.getClass().getSimpleName())
          .contains("(1 event): " + NOTE)
          .doesNotContain("(1 events)");
    }
  }
}
