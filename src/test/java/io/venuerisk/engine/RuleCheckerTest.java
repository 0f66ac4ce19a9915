package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule-folder conventions, checked on the DRL before anything is scored. */
class RuleCheckerTest {
  static final Path VARIANTS = Path.of("src/test/resources/rules-variants");
  static final Set<String> STATEMENTS = ReferenceData.bundled().statements().keySet();

  static List<RuleProblem> problems(Path dir) {
    RulesException e = catchThrowableOfType(RulesException.class, () -> RuleBase.fromFolder(dir));
    assertThat(e).as("%s is refused", dir).isNotNull();
    return e.problems();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      syntax-error     | broken.drl       | 11 | mismatched input 'then'
      unknown-field    | typo.drl         | 10 | unknown field 'attendence' of Scenario in `attendence >= 1000`; nearest: attendance
      missing-id       | no-id.drl        | 7  | rule "Large crowd without an id": no @id
      missing-cites    | no-cites.drl     | 7  | rule "Large crowd without a source": no @cites
      bad-cite         | bad-cite.drl     | 9  | @cites names "ISK-T9", which is not a guide statement id; that section has ISK-T1, ISK-T2, ISK-T3
      unknown-category | bad-category.drl | 8  | unknown @category("crowds"); expected one of target, precedent
      duplicate-id     | b-second.drl     | 8  | duplicate @id("FIX-CROWD"), already the id of rule "Large crowd" at a-first.drl:8
      """)
  void aFolderThatBreaksARuleIsRefusedWithFileLineAndReason(
      String folder, String file, int line, String message) {
    List<RuleProblem> problems = problems(VARIANTS.resolve(folder));
    assertThat(problems).hasSize(1);
    RuleProblem p = problems.get(0);
    assertThat(p.file()).isEqualTo(VARIANTS.resolve(folder).resolve(file).toString());
    assertThat(p.line()).isEqualTo(line);
    assertThat(p.message()).contains(message);
  }

  @Test
  void everyProblemOfAFolderIsReportedInOneRun(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.drl"),
        """
        package io.venuerisk.rules;
        import io.venuerisk.model.*;

        rule "No id"
          @category("target") @points(1) @cites("ISK-T2")
        when
          $s : Scenario( attendence > 10 )
        then
        end

        rule "Wrong cite"
          @id("X-1") @category("targets") @points(one)
          @cites("ISK-Z1") @measures("armed_guards")
        when
          $s : Scenario()
        then
        end
        """);
    assertThat(problems(dir))
        .extracting(p -> p.line() + " " + p.message())
        .containsExactly(
            "4 rule \"No id\": no @id; every rule needs a stable id such as @id(\"TGT-EXAMPLE\")",
            "7 unknown field 'attendence' of Scenario in `attendence > 10`; nearest: attendance",
            "12 rule \"Wrong cite\": @points must be an integer, got \"one\"",
            "12 rule \"Wrong cite\": unknown @category(\"targets\"); expected one of target, precedent,"
                + " geography, timing, tension, threat_level, impact, exposure, baseline, classification;"
                + " nearest: target",
            "13 rule \"Wrong cite\": @cites names \"ISK-Z1\", which is not a guide statement id"
                + " (see data/guide_statements.csv)",
            "13 rule \"Wrong cite\": unknown measure \"armed_guards\" in @measures");
  }

  @Test
  void theShippedRulesKeepTheConventions() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
        sources.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(sources).isNotEmpty();
    assertThat(RuleChecker.conventions(Path.of("rules"), sources, STATEMENTS)).isEmpty();
  }

  @Test
  void anEditedCopyOfTheShippedRulesLoadsFromAFolder() {
    RuleBase rb = RuleBase.fromFolder(VARIANTS.resolve("points-changed"));
    assertThat(rb.rules()).extracting(r -> r.meta().id()).contains("TIM-CHRISTMAS-MARKET");
    // its own @points, which override its row of data/points.csv
    assertThat(rb.rules())
        .filteredOn(r -> r.meta().id().equals("TIM-CHRISTMAS-MARKET"))
        .singleElement()
        .satisfies(r -> assertThat(r.meta().points()).isEqualTo(12));
  }

  @Test
  void aCiteIsCheckedAgainstTheStatementsGiven(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.drl"),
        """
        package io.venuerisk.rules;
        import io.venuerisk.model.*;
        rule "Cites a local statement"
          @id("X-1") @category("classification") @cites("LOCAL-1")
        when
          Scenario()
        then
        end
        """);
    assertThat(RuleBase.fromFolder(dir, Set.of("LOCAL-1")).rules()).hasSize(1);
  }

  @Test
  void aBooleanAccessorStartingWithIsGetsAHintTheClassicCompilerNeedsParentheses() {
    String text =
        """
        Unable to Analyse Expression communities contains Community.JEWISH || israeliInterest == true:
        [Error: no such identifier: israeliInterest]
        [Near : {... communities contains Community.JEWISH || israeliInterest == true ....}]
        [Line: 64, Column: 2] : [Rule name='Jewish or Israeli presence']
        """;
    assertThat(RuleChecker.describe(text))
        .startsWith("rule \"Jewish or Israeli presence\": no such identifier: israeliInterest")
        .contains("write israeliInterest() instead");
  }

  @Test
  void aMessageTheCheckerDoesNotKnowKeepsItsFirstLine() {
    assertThat(RuleChecker.describe("[ERR 102] Line 11:0 mismatched input 'then'\nmore"))
        .isEqualTo("[ERR 102] Line 11:0 mismatched input 'then'");
  }
}
