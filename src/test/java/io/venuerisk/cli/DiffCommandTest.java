package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code venue-risk diff}: a rule change reviewed by the events it moves and the rules that moved
 * them.
 */
class DiffCommandTest {
  static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";
  static final String OSAKA = "scenarios/trade-conference-osaka-2027.json";

  @TempDir static Path tmp;
  static Path edited;

  /**
   * A copy of today's rules/ where TIM-CHRISTMAS-MARKET carries its own points, 4 more than its row
   * of data/points.csv: how an analyst tries a change in a rule folder before editing the table.
   */
  @BeforeAll
  static void copyTheShippedRulesWithOneEdit() throws IOException {
    edited = Files.createDirectory(tmp.resolve("edited"));
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("@id\\(\"TIM-CHRISTMAS-MARKET\"\\)").matcher(text);
        if (m.find()) {
          int points =
              (int)
                      io.venuerisk.reference.ReferenceData.bundled()
                          .riskTables()
                          .points("TIM-CHRISTMAS-MARKET")
                          .orElseThrow()
                          .points()
                  + 4;
          text = text.substring(0, m.end()) + " @points(" + points + ")" + text.substring(m.end());
        }
        Files.writeString(edited.resolve(p.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void aPointsChangeIsTracedToTheRuleThatMadeIt() throws IOException {
    CommandRun r =
        CommandRun.of(
            "diff",
            "--format",
            "json",
            "--rules",
            "shipped",
            "--rules",
            edited.toString(),
            COLOGNE,
            OSAKA);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("a").asText()).isEqualTo("shipped rules");
    JsonNode change = j.get("ruleChanges").get(0);
    assertThat(change.get("rule").asText()).isEqualTo("TIM-CHRISTMAS-MARKET");
    assertThat(change.get("change").asText()).isEqualTo("changed");
    assertThat(change.get("details").get(0).asText()).matches("points from data -> \\+\\d+");
    assertThat(j.get("ruleChanges")).hasSize(1);

    assertThat(j.get("events")).as("only Cologne is a Christmas market").hasSize(1);
    JsonNode event = j.get("events").get(0);
    assertThat(event.get("id").asText()).isEqualTo("xmas-market-2026-cologne");
    // a likelier date raises the inherent risk, and the residual with it
    assertThat(event.get("inherentChange").asDouble()).isPositive();
    assertThat(event.get("scoreChange").asDouble()).isPositive();
    assertThat(event.at("/b/inherentScore").asDouble())
        .isCloseTo(
            event.at("/a/inherentScore").asDouble() + event.get("inherentChange").asDouble(),
            org.assertj.core.data.Offset.offset(0.051));
    JsonNode cause = event.get("causes").get(0);
    assertThat(cause.get("rule").asText()).isEqualTo("TIM-CHRISTMAS-MARKET");
    assertThat(cause.get("pointsB").asDouble() - cause.get("pointsA").asDouble()).isEqualTo(4.0);
    assertThat(j.get("summary").get("events").asInt()).isEqualTo(2);
    assertThat(j.get("summary").get("unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void theSameRulesOnBothSidesChangeNothingAndExitZero() {
    CommandRun r =
        CommandRun.of("diff", "--rules", "shipped", "--rules", "shipped", "--exit-code", COLOGNE);
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("no rule added, removed or edited")
        .contains("no event changes")
        .contains(
            "1 events: 0 change residual score, 0 change residual tier, 0 change inherent risk, 1 unchanged");
  }

  @Test
  void withExitCodeAChangedScoreExitsEight(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("only.drl"),
        """
        package io.venuerisk.rules;
        import io.venuerisk.model.*;
        import function io.venuerisk.engine.Findings.finding;
        rule "Every event"
          @id("ONLY-ONE") @category("target") @points(42) @cites("ISK-T2")
        when
          $s : Scenario()
        then
          insert( finding( drools.getRule(), $s, "every event" ) );
        end
        """);
    CommandRun plain =
        CommandRun.of("diff", "--rules", "shipped", "--rules", dir.toString(), COLOGNE);
    assertThat(plain.exit()).as("differences alone are no error").isZero();
    assertThat(plain.out())
        .contains("added    ONLY-ONE")
        .contains("removed  GEO-EUROPE")
        .containsPattern("ONLY-ONE +added, \\+42")
        .containsPattern("GEO-EUROPE +removed, was \\+\\d+");

    CommandRun strict =
        CommandRun.of(
            "diff", "--exit-code", "--rules", "shipped", "--rules", dir.toString(), COLOGNE);
    assertThat(strict.exit()).isEqualTo(ExitCodes.CHANGED);
    assertThat(strict.out()).isEqualTo(plain.out());
  }

  @Test
  void aJsonArrayOfScenariosIsComparedRecordByRecordAndABadRecordIsReported(@TempDir Path dir)
      throws IOException {
    String cologne = Files.readString(Path.of(COLOGNE));
    String osaka = Files.readString(Path.of(OSAKA));
    Path calendar = dir.resolve("calendar.json");
    Files.writeString(calendar, "[\n" + cologne + ",\n" + osaka + ",\n{\"id\": \"broken\"}\n]\n");
    CommandRun r =
        CommandRun.of("diff", "--rules", "shipped", "--rules", "shipped", calendar.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).contains("2 events: 0 change residual score");
    assertThat(r.err())
        .containsPattern(Pattern.quote(calendar.toString()) + ":\\d+: record 3: ")
        .contains("could not be read");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aCalendarIsReadWithTheBatchReaders() {
    CommandRun r =
        CommandRun.of(
            "diff",
            "--rules",
            "shipped",
            "--rules",
            "shipped",
            "--venues",
            "scenarios/calendars/hamburg-2026-venues.json",
            "scenarios/calendars/hamburg-2026.jsonl",
            "scenarios/calendars/euro-2024.csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern(
            "\\d+ events: 0 change residual score, 0 change residual tier, 0 change inherent risk, \\d+ unchanged");
  }

  @Test
  void anICalendarNeedsItsVenueRegistry() {
    CommandRun r =
        CommandRun.of(
            "diff",
            "--rules",
            "shipped",
            "--rules",
            "shipped",
            "scenarios/calendars/christmas-markets-2026.ics");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("give the venue registry with --venues FILE");
    CommandRun ok =
        CommandRun.of(
            "diff",
            "--rules",
            "shipped",
            "--rules",
            "shipped",
            "--venues",
            "scenarios/calendars/christmas-markets-venues.json",
            "scenarios/calendars/christmas-markets-2026.ics");
    assertThat(ok.exit()).as(ok.err()).isZero();
    // a recurring event cut at the expansion window is warned about, as batch does
    CommandRun recurring =
        CommandRun.of(
            "diff",
            "--rules",
            "shipped",
            "--rules",
            "shipped",
            "--venues",
            "scenarios/calendars/birmingham-2026-venues.json",
            "scenarios/calendars/birmingham-2026.ics");
    assertThat(recurring.exit()).as(recurring.err()).isZero();
    assertThat(recurring.err())
        .startsWith(
            "venue-risk: warning: scenarios/calendars/birmingham-2026.ics: record 3: RRULE: the"
                + " series goes on past 2028-01-01")
        .contains("(UID bham26-street-food-friday)\n");
  }

  @Test
  void rulesMustBeGivenExactlyTwice() {
    CommandRun r = CommandRun.of("diff", "--rules", "shipped", COLOGNE);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("diff needs --rules exactly twice (A then B), got 1");
  }

  @Test
  void aBrokenRuleFolderOnEitherSideIsExitCodeFour() {
    CommandRun r =
        CommandRun.of(
            "diff",
            "--rules",
            "src/test/resources/rules-variants/bad-cite",
            "--rules",
            "shipped",
            COLOGNE);
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(r.err()).contains("bad-cite.drl:9: ");
  }
}
