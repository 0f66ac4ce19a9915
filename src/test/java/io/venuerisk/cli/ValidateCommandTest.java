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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code venue-risk validate}: the report of a small synthetic case set
 * (src/test/resources/validation/hand.jsonl, whose baselines ValidationTest works out by hand) in
 * every format, the same bytes on every run, and two rule packs side by side with the difference.
 */
class ValidateCommandTest {
  static final String HAND = "src/test/resources/validation/hand.jsonl";

  @TempDir static Path tmp;

  /** A copy of today's rules/ without the core and Europe geography rules. */
  static Path withoutGeography;

  @BeforeAll
  static void copyTheShippedRulesWithoutTwoGeographyRulesPoints() throws IOException {
    withoutGeography = Files.createDirectory(tmp.resolve("no-geography"));
    // the rules of Europe and the core region, cut out of a copy of the shipped rules
    Pattern geography =
        Pattern.compile(
            "rule \"[^\"]*\"\\s+@id\\(\"GEO-(CORE|EUROPE)\"\\).*?\\nend\\n", Pattern.DOTALL);
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = geography.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(sb, "");
        }
        m.appendTail(sb);
        Files.writeString(withoutGeography.resolve(p.getFileName()), sb, StandardCharsets.UTF_8);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "md", "json"})
  void eachFormatIsTheSameBytesOnEveryRun(String format) {
    CommandRun first = CommandRun.of("validate", "--format", format, HAND);
    CommandRun second = CommandRun.of("validate", "--format", format, HAND);
    assertThat(first.exit()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
    assertThat(first.out()).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void textGivesEveryFigureWithItsIntervalAndItsNAndNaForAnEmptyGroup() {
    CommandRun r = CommandRun.of("validate", HAND);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("Validation of " + HAND + "\n\n")
        .contains(
            "10 cases: 2 attack, 1 plot, 2 secured_no_incident, 5 ordinary; 3 matched controls,"
                + " 1 crossover twin\n")
        .contains("Measures basis: 4 reported, 1 inferred, 3 not_reported, 2 not given\n")
        .contains("Rules: A = shipped rules\n")
        .contains("95% intervals: percentile bootstrap, 2000 resamples per figure, seed 1\n")
        .containsPattern("(?m)^Residual risk\n {40}n {21}A$")
        .containsPattern("(?m)^  Khorasan\n    vs ordinary events \\(AUC\\) +1 / 1 +\\d")
        .containsPattern("(?m)^    vs secured events \\(AUC\\) +1 / 0 +n/a$")
        .containsPattern("(?m)^    over matched controls \\(win rate\\) +0 / 0, 0 pairs +n/a$")
        .containsPattern(
            "(?m)^  vs secured events \\(AUC\\), n 3 / 2\n(.*\n)?    crowd size +0\\.500"
                + " \\[0\\.000, 1\\.000\\] ")
        .containsPattern(
            "(?m)^  over matched controls \\(win rate\\), n 2 / 3, 4 pairs\n(.*\n)*?    crowd"
                + " size +0\\.750 \\[0\\.500, 1\\.000\\] ")
        .contains("Tiers by label (A: shipped rules), residual / inherent\n")
        .contains("Furthest from their label (A: shipped rules, residual risk)\n")
        .doesNotContain("B minus A");
    // every stratum of data/validation_strata.csv, in its order
    assertThat(r.out())
        .containsSubsequence(
            "  All cases\n",
            "  Khorasan\n",
            "  Europe\n",
            "  Americas\n",
            "  Rest of the world\n",
            "  Before the guide\n",
            "  After the guide\n");
  }

  @Test
  void markdownHasTheSameFiguresAsTables() {
    CommandRun r = CommandRun.of("validate", "--format", "md", HAND);
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("# Validation of " + HAND + "\n\n- 10 cases: ")
        .contains("## Residual risk\n\n| | n | A |\n|---|---:|---:|\n| **All cases** | | |\n")
        .contains("| vs secured events (AUC) | 1 / 0 | n/a |\n")
        .contains("| crowd size | 0.500 [0.000, 1.000] | ");
  }

  @Test
  void jsonHasEveryFigureOfEveryStratumWithItsN() throws IOException {
    CommandRun r = CommandRun.of("validate", "--format", "json", "--resamples", "500", HAND);
    assertThat(r.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.at("/resampling/resamples").asInt()).isEqualTo(500);
    assertThat(root.at("/resampling/seed").asLong()).isEqualTo(1);
    assertThat(root.at("/counts/cases").asInt()).isEqualTo(10);
    JsonNode figures = root.get("figures");
    assertThat(figures).hasSize(7 * 5);
    JsonNode first = figures.get(0);
    assertThat(first.get("stratum").asText()).isEqualTo("all");
    assertThat(first.get("comparison").asText()).isEqualTo("vs_ordinary");
    assertThat(first.get("statistic").asText()).isEqualTo("auc");
    assertThat(first.get("targeted").asInt()).isEqualTo(3);
    assertThat(first.get("others").asInt()).isEqualTo(5);
    JsonNode pack = first.get("ruleSets").get(0);
    assertThat(pack.get("rules").asText()).isEqualTo("shipped rules");
    assertThat(pack.at("/crowdSize/value").asDouble()).isEqualTo(0.7);
    assertThat(pack.at("/residualMinus/crowdSize/beyondNoise").isBoolean()).isTrue();
    assertThat(first.has("change")).isFalse();
  }

  @Test
  void twoPacksPrintEachFigureForBothAndTheDifference() throws IOException {
    CommandRun r =
        CommandRun.of(
            "validate", "--rules", "shipped", "--rules", withoutGeography.toString(), HAND);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Rules: A = shipped rules, B = " + withoutGeography + "\n")
        .contains("B minus A: paired, the same resamples for both packs; * the interval excludes 0")
        .containsPattern("(?m)^Residual risk\n {40}n {21}A {23}B {23}B minus A$")
        .containsPattern(
            "(?m)^    vs ordinary events \\(AUC\\) +3 / 5 +\\d\\.\\d{3} \\[\\d\\.\\d{3},"
                + " \\d\\.\\d{3}\\] +\\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\] +[+-]\\d\\.\\d{3}"
                + " \\[[+-]\\d\\.\\d{3}, [+-]\\d\\.\\d{3}\\]")
        .contains("Geography points, all cases: a baseline the rules give\n")
        .contains("Baselines, all cases (A), and the model minus each")
        .contains("Baselines, all cases (B), and the model minus each")
        .contains("Tiers by label (B: " + withoutGeography + "), residual / inherent\n");
    // the geography points of Europe and the core regions are gone: Kabul against its twin and
    // the European cases against each other tie, so every geography AUC is 0.5
    assertThat(r.out())
        .containsPattern(
            "(?m)^  vs ordinary events \\(AUC\\) +3 / 5 +\\S+ \\S+ \\S+ +0\\.500 \\[0\\.500,"
                + " 0\\.500\\] +[+-]\\d\\.\\d{3} \\[[+-]\\d\\.\\d{3}, [+-]\\d\\.\\d{3}\\]");
    JsonNode root =
        new ObjectMapper()
            .readTree(
                CommandRun.of(
                        "validate",
                        "-f",
                        "json",
                        "--rules",
                        "shipped",
                        "--rules",
                        withoutGeography.toString(),
                        HAND)
                    .out());
    JsonNode first = root.get("figures").get(0);
    assertThat(first.get("ruleSets")).hasSize(2);
    assertThat(first.at("/change/residual/value").isNumber()).isTrue();
    assertThat(first.at("/change/geographyPoints/value").asDouble()).isNotZero();
  }

  @Test
  void theSamePackTwiceDiffersByZeroEverywhere() {
    CommandRun r = CommandRun.of("validate", "--rules", "shipped", "--rules", "shipped", HAND);
    assertThat(r.exit()).isZero();
    // the residual and inherent tables, before the geography points and the baselines
    String model = r.out().substring(0, r.out().indexOf("Geography points"));
    assertThat(model).doesNotContain("] *").contains("+0.000 [+0.000, +0.000]");
    assertThat(model.lines().filter(l -> l.startsWith("    vs ") || l.startsWith("    over ")))
        .allSatisfy(l -> assertThat(l).matches(".*(\\+0\\.000 \\[\\+0\\.000, \\+0\\.000\\]|n/a)"));
  }

  @Test
  void aCaseThatCannotBeReadIsOneLineOnStderrAndTheOthersAreStillScored() throws IOException {
    Path file = tmp.resolve("one-bad.jsonl");
    String text = Files.readString(Path.of(HAND), StandardCharsets.UTF_8);
    Files.writeString(
        file,
        text.replace(
            "\"matchedTo\": \"attack-2024-leeds-concert-hall\"",
            "\"matchedTo\": \"attack-2024-leeds-concert\""),
        StandardCharsets.UTF_8);
    CommandRun r = CommandRun.of("validate", file.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.clean()).isTrue();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk: "
                + file
                + ":7: record 7: matchedTo: no case 'attack-2024-leeds-concert' in the files read;"
                + " nearest attack or plot: attack-2024-leeds-concert-hall\n"
                + "venue-risk: 1 case(s) could not be read and were not scored\n");
    assertThat(r.out()).contains("9 cases: 2 attack, 1 plot, 2 secured_no_incident, 4 ordinary");
  }

  @Test
  void resamplesOutsideTheirRangeAreAUsageError() {
    CommandRun r = CommandRun.of("validate", "--resamples", "0", HAND);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--resamples must be 1 to 100000, got 0");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theSeedAndTheResamplesAreTheReportsOwn() {
    CommandRun r = CommandRun.of("validate", "--seed", "7", "--resamples", "300", HAND);
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("95% intervals: percentile bootstrap, 300 resamples per figure, seed 7\n");
  }

  @Test
  void resultsRecordedByOneRunCompareWithTheRulesOfAnotherOnTheSameCases() throws IOException {
    Path recorded = tmp.resolve("recorded.jsonl");
    CommandRun record = CommandRun.of("validate", "--results-out", recorded.toString(), HAND);
    assertThat(record.exit()).as(record.err()).isZero();
    // one result per case, as batch --format jsonl writes it
    assertThat(Files.readAllLines(recorded))
        .hasSize(10)
        .allSatisfy(l -> assertThat(l).startsWith("{\"id\""));

    CommandRun versus = CommandRun.of("validate", "--versus", recorded.toString(), HAND);
    assertThat(versus.exit()).as(versus.err()).isZero();
    assertThat(versus.out()).contains("A = " + recorded).contains("B = shipped rules");
    // the same scores recorded and scored again: every difference of the model is 0, with no width
    String model = versus.out().substring(0, versus.out().indexOf("Geography points"));
    assertThat(model.lines().filter(l -> l.startsWith("    vs ") || l.startsWith("    over ")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches(".*(\\+0\\.000 \\[\\+0\\.000, \\+0\\.000\\]|n/a)"));
  }

  @Test
  void recordedResultsThatMissACaseAreOneLineNamingIt() throws IOException {
    Path recorded = tmp.resolve("partial.jsonl");
    assertThat(CommandRun.of("validate", "--results-out", recorded.toString(), HAND).exit())
        .isZero();
    java.util.List<String> lines = Files.readAllLines(recorded);
    Files.write(recorded, lines.subList(1, lines.size()));
    String missing = new ObjectMapper().readTree(lines.get(0)).get("id").asText();
    CommandRun r = CommandRun.of("validate", "--versus", recorded.toString(), HAND);
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .contains(recorded.toString())
        .contains("no result for case '" + missing + "'");
  }

  @Test
  void versusTakesOneRuleSet() {
    CommandRun r =
        CommandRun.of(
            "validate", "--versus", "x.jsonl", "--rules", "shipped", "--rules", "shipped", HAND);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--versus compares recorded results with one rule set");
  }
}
