package io.venuerisk.rules;

import static io.venuerisk.rules.RuleHarness.engine;
import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.model.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The conventions every shipped rule keeps, and the guide coverage they add up to. */
class RuleConventionsTest {
  private static final List<RuleInfo> RULES = engine().rules().rules();

  @Test
  void everyRuleHasAUniqueStableId() {
    Set<String> seen = new HashSet<>();
    for (RuleInfo r : RULES) {
      assertThat(r.meta().id()).as(r.meta().title()).matches("[A-Z]{3}-[A-Z0-9-]+");
      assertThat(seen.add(r.meta().id())).as("duplicate id %s", r.meta().id()).isTrue();
    }
  }

  @Test
  void everyRuleCitesAtLeastOneStatementThatExists() {
    Set<String> statements = engine().data().statements().keySet();
    for (RuleInfo r : RULES) {
      assertThat(r.meta().cites()).as(r.meta().id()).isNotEmpty();
      assertThat(statements).as(r.meta().id()).containsAll(r.meta().cites());
    }
  }

  @Test
  void numbersLiveInTheDataTablesAndEveryScoringRuleHasItsRow() {
    var tables = io.venuerisk.reference.ReferenceData.bundled().riskTables();
    for (RuleInfo r : RULES) {
      Category c = r.meta().category();
      // the shipped rules say which facts count; data/points.csv says how much
      assertThat(r.meta().points()).as(r.meta().id()).isZero();
      boolean tabledElsewhere =
          c == Category.CLASSIFICATION || c == Category.EXPOSURE || c == Category.BASELINE;
      assertThat(tables.points(r.meta().id()).isPresent())
          .as(r.meta().id() + " has a row in data/points.csv")
          .isEqualTo(!tabledElsewhere);
    }
    assertThat(
            io.venuerisk.engine.RuleChecker.points(
                io.venuerisk.engine.RuleBase.shipped(), tables, "data/points.csv"))
        .isEmpty();
  }

  @Test
  void everyRuleIsLocatedInItsFile() {
    for (RuleInfo r : RULES) {
      assertThat(r.file()).as(r.meta().id()).endsWith(".drl");
      assertThat(r.line()).as(r.meta().id()).isPositive();
    }
  }

  @Test
  void everyGuideStatementIsEncodedByARuleOrMarkedContextWithAReason() {
    Coverage coverage = Coverage.of(engine().rules(), engine().data().statements().values());
    assertThat(coverage.gaps()).isEmpty();
    for (Coverage.Row row : coverage.rows()) {
      if (!row.covered()) {
        assertThat(row.statement().contextOnly()).as(row.statement().id()).isNotBlank();
      }
    }
  }

  @Test
  void theGuideStatementsTheScoringRestsOnAreEachEncodedByAtLeastOneRule() {
    Coverage coverage = Coverage.of(engine().rules(), engine().data().statements().values());
    Set<String> covered = new TreeSet<>();
    coverage.rows().stream()
        .filter(Coverage.Row::covered)
        .forEach(r -> covered.add(r.statement().id()));
    assertThat(covered)
        .contains(
            "ISK-T1", "ISK-T2", "ISK-T3", "ISK-R3", "ISK-G1", "ISK-G2", "ISK-G3", "ISK-M1",
            "ISK-D5", "ISK-R4", "ISK-E6", "ISK-E7", "ISK-M3", "ISK-R2", "ISK-D3", "ISK-E4",
            "ISK-E5", "ISK-E8");
  }

  @Test
  void theStatementsInDataAreExactlyThoseOfTheGuideStatementTable() throws IOException {
    Set<String> ids = new TreeSet<>();
    Matcher m =
        Pattern.compile("^- (ISK-[A-Z][0-9]+)\\s", Pattern.MULTILINE)
            .matcher(Files.readString(Path.of("docs/guide.md")));
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).hasSize(26);
    assertThat(new TreeSet<>(engine().data().statements().keySet())).isEqualTo(ids);
  }

  @Test
  void rulesNeverUseSalienceEvalModifyOrPrintToStandardOut() throws IOException {
    for (Path drl :
        Files.list(Path.of("rules")).filter(p -> p.toString().endsWith(".drl")).toList()) {
      String text = Files.readString(drl);
      assertThat(text)
          .as(drl.toString())
          .doesNotContain("salience", "eval(", "modify(", "modify (", "System.out", "agenda-group");
      assertThat(text.strip())
          .as("%s opens with a comment on what it reads and emits", drl)
          .startsWith("//");
      assertThat(text).as(drl.toString()).contains("Reads:").contains("Emits");
    }
  }
}
