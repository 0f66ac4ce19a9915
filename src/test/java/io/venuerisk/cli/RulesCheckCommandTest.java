package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code venue-risk rules --check DIR}: a rule folder validated before anything is scored. */
class RulesCheckCommandTest {
  static final String VARIANTS = "src/test/resources/rules-variants/";
  static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";

  @Test
  void aFolderThatCompilesAndKeepsTheConventionsGetsOneOkLine() {
    CommandRun r = CommandRun.of("rules", "--check", VARIANTS + "points-changed");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines())
        .singleElement()
        .asString()
        .startsWith("OK " + VARIANTS + "points-changed: ")
        .containsPattern("\\d+ rules in \\d+ files compile and keep the rule conventions");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "syntax-error",
        "unknown-field",
        "missing-id",
        "missing-cites",
        "bad-cite",
        "unknown-category",
        "duplicate-id"
      })
  void aBrokenFolderIsReportedWithFileAndLineAndExitCodeFour(String folder) {
    CommandRun r = CommandRun.of("rules", "--check", VARIANTS + folder);
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .isNotEmpty()
        .allMatch(
            l ->
                l.matches(
                    "venue-risk: rules: " + VARIANTS + folder + "/[\\w-]+\\.drl:\\d+(:\\d+)?: .+"));
    assertThat(r.clean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"assess", "explain", "plan", "test"})
  void everyCommandRefusesABrokenFolderWithTheSameMessagesAsCheck(String command) {
    for (String folder : new String[] {"missing-id", "bad-cite", "unknown-field"}) {
      CommandRun check = CommandRun.of("rules", "--check", VARIANTS + folder);
      CommandRun r = CommandRun.of(command, "--rules", VARIANTS + folder, COLOGNE);
      assertThat(r.exit()).as("%s --rules %s", command, folder).isEqualTo(ExitCodes.RULES);
      assertThat(r.err()).as("%s --rules %s", command, folder).isEqualTo(check.err());
    }
  }

  @Test
  void jsonListsEachProblemWithFileAndLine() throws IOException {
    CommandRun r = CommandRun.of("rules", "--check", VARIANTS + "bad-cite", "--format", "json");
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("ok").asBoolean()).isFalse();
    JsonNode p = j.get("problems").get(0);
    assertThat(p.get("file").asText()).endsWith("bad-cite.drl");
    assertThat(p.get("line").asInt()).isEqualTo(9);
    assertThat(p.get("message").asText()).contains("ISK-T9");
    assertThat(r.err()).contains("1 problem");
  }

  @Test
  void aMissingFolderIsAWrongPathNotARuleThatFailsToCompile() {
    CommandRun r = CommandRun.of("rules", "--check", "no/such/folder");
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .isEqualTo("venue-risk: no/such/folder: no such folder; expected a folder of .drl files\n");
  }

  @Test
  void checkTogetherWithRulesIsAUsageError() {
    CommandRun r = CommandRun.of("rules", "--check", VARIANTS + "missing-id", "--rules", "rules");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--check takes no --rules");
  }

  @Test
  void theCatalogueStillListsFileLineCategoryCitesAndMeasures() throws IOException {
    CommandRun r = CommandRun.of("rules", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode first = new ObjectMapper().readTree(r.out()).get(0);
    for (String field :
        new String[] {"id", "title", "file", "line", "category", "points", "cites", "measures"}) {
      assertThat(first.has(field)).as(field).isTrue();
    }
  }
}
