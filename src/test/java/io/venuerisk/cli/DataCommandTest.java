package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code venue-risk data}: each reference table, its rows, its period and its sources. */
class DataCommandTest {
  private static final List<String> TABLES =
      List.of(
          "countries.csv",
          "country_aliases.csv",
          "observances.csv",
          "high_profile_events.csv",
          "tension_periods.csv",
          "periods.csv",
          "mitigations.csv",
          "measures.csv",
          "guide_statements.csv",
          "uk_premises_act.csv",
          "uk_premises_uses.csv",
          "uk_premises_venue_types.csv",
          "uk_premises_event_types.csv",
          "uk_premises_duties.csv",
          "threat_level_scales.csv",
          "threat_levels.csv",
          "validation_strata.csv",
          "coverage.csv",
          "points.csv",
          "country_baseline.csv",
          "tactics.csv",
          "tactic_weights.csv",
          "risk_model.csv",
          "risk_levels.csv",
          "risk_matrix.csv");

  @TempDir Path dir;

  private static long rows(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count() - 1; // no cell of data/ spans lines
    }
  }

  @Test
  void textListsEveryTableWithItsRowsAndPeriodAndThreatLevelsPerCountry() throws IOException {
    CommandRun r = CommandRun.of("data");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    for (String t : TABLES) {
      assertThat(r.out())
          .containsPattern(
              "(?m)^data/" + t.replace(".", "\\.") + " +" + rows(Path.of("data", t)) + " rows  ");
    }
    assertThat(r.out())
        .containsPattern("(?m)^data/observances\\.csv +\\d+ rows  2005-01-01 to 2035-12-31$")
        .containsPattern(
            "(?m)^data/high_profile_events\\.csv +\\d+ rows  2005-01-01 to 2030-12-31$")
        .containsPattern("(?m)^data/countries\\.csv +249 rows  not dated$")
        .contains("    GB  2006-08-01 to 2026-12-01  ")
        .contains("    US  2011-04-26 to 2026-12-01  ");
  }

  @Test
  void jsonGivesEachTableItsFileRowsAndCoverage() throws IOException {
    CommandRun r = CommandRun.of("data", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode tables = new ObjectMapper().readTree(r.out()).get("tables");
    List<String> files = new ArrayList<>();
    for (JsonNode t : tables) {
      String file = t.get("file").asText();
      files.add(file);
      assertThat(t.get("rows").asLong()).as(file).isEqualTo(rows(Path.of(file)));
      assertThat(t.get("coverage")).as(file).isNotEmpty();
    }
    assertThat(files).containsExactlyElementsOf(TABLES.stream().map(t -> "data/" + t).toList());
    JsonNode threat = tables.get(TABLES.indexOf("threat_levels.csv")).get("coverage");
    List<String> countries = new ArrayList<>();
    threat.forEach(c -> countries.add(c.get("country").asText()));
    assertThat(countries).containsExactly("AU", "BE", "ES", "FR", "GB", "NL", "US");
    JsonNode events = tables.get(TABLES.indexOf("high_profile_events.csv")).get("coverage").get(0);
    assertThat(events.get("country").isNull()).isTrue();
    assertThat(events.get("to").asText()).isEqualTo("2030-12-31");
    assertThat(events.get("outside").asText()).isEqualTo("high-profile events were not checked");
    JsonNode countriesTable = tables.get(0).get("coverage").get(0);
    assertThat(countriesTable.get("from").isNull()).isTrue();
  }

  @Test
  void markdownIsATableWithARowPerCountryForThreatLevels() {
    CommandRun r = CommandRun.of("data", "--format", "md");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("| table | rows | covers | source |\n|---|---:|---|---|\n")
        .contains("| data/threat_levels.csv | 65 | per country | |")
        .containsPattern("\\| \\| \\| FR: 2005-07-07 to 2026-12-01 \\| [^|]+ \\|");
    assertThat(r.out().lines().filter(l -> l.startsWith("| data/"))).hasSize(TABLES.size());
  }

  @Test
  void theSameDataGivesByteIdenticalOutput() {
    assertThat(CommandRun.of("data", "-f", "json").out())
        .isEqualTo(CommandRun.of("data", "-f", "json").out());
  }

  @Test
  void dataDirIsListedWithItsOwnPeriodsAndPath() throws IOException {
    for (String t : TABLES) {
      Files.copy(Path.of("data", t), dir.resolve(t));
    }
    Path coverage = dir.resolve("coverage.csv");
    Files.writeString(
        coverage,
        Files.readString(coverage)
            .replace(
                "high_profile_events.csv,,2005-01-01,2030-12-31",
                "high_profile_events.csv,,2005-01-01,2029-12-31"));
    CommandRun r = CommandRun.of("data", "--data", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern(
            "(?m)^"
                + java.util.regex.Pattern.quote(dir.resolve("high_profile_events.csv").toString())
                + " +\\d+ rows  2005-01-01 to 2029-12-31$");
  }

  @Test
  void aBrokenCoverageTableIsAnInputErrorInOneLine() throws IOException {
    for (String t : TABLES) {
      Files.copy(Path.of("data", t), dir.resolve(t));
    }
    Path coverage = dir.resolve("coverage.csv");
    Files.writeString(
        coverage,
        Files.readString(coverage)
            .replace(
                "observances.csv,,2005-01-01,2035-12-31",
                "observances.csv,,2035-12-31,2005-01-01"));
    CommandRun r = CommandRun.of("data", "--data", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .matches("venue-risk: coverage\\.csv:\\d+: column 'to': ends before it starts\\R");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void helpNamesTheCommandAndItsExitCodes() {
    CommandRun r = CommandRun.of("data", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Usage: venue-risk data")
        .contains(
            "--data=DIR",
            "3   invalid input: a scenario, calendar, registry, context or data file");
    assertThat(CommandRun.of("--help").out()).contains("  data ");
  }
}
