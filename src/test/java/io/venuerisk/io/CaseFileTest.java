package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
  private static final ScenarioJson JSON = new ScenarioJson(ReferenceData.bundled());

  @TempDir Path tmp;

  private List<LabelledCase> read(String text) throws IOException {
    Path f = tmp.resolve("cases.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    List<InputException> bad = new ArrayList<>();
    List<LabelledCase> cases = CaseFile.read(JSON, f, bad::add);
    assertThat(bad).isEmpty();
    return cases;
  }

  @Test
  void aSemicolonCaseCsvWithABlankLineKeepsEveryLabelWithItsOwnCase() throws IOException {
    String header =
        "id;name;date;venue.type;venue.city;venue.country;event.type;event.expectedAttendance;label;source;basis";
    List<LabelledCase> cases =
        read(
            "\uFEFF"
                + header
                + "\n"
                + "a;A;2024-03-22;concert_hall;Krasnogorsk;RU;concert;6000;attack;news a;facts a\n"
                + "\n"
                + "b;B;2024-06-01;market;Leeds;GB;market;400;ordinary;news b;facts b\n");
    assertThat(cases).extracting(c -> c.scenario().id()).containsExactly("a", "b");
    assertThat(cases)
        .extracting(LabelledCase::label)
        .containsExactly(CaseLabel.ATTACK, CaseLabel.ORDINARY);
    assertThat(cases).extracting(LabelledCase::source).containsExactly("news a", "news b");
  }
}
