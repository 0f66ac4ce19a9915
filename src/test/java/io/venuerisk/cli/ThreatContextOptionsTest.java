package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --threat-level CC=LEVEL}, {@code --context FILE} and a scenario's {@code
 * context.threatLevel}: on every command that scores, bad values are one-line input errors, and
 * good ones reach the reference data the engine is built with.
 */
class ThreatContextOptionsTest {
  private static final String F = "scenarios/christmas-market-cologne-2026.json";
  private static final String CONTEXT = "scenarios/context/madrid-final-2027.json";
  private static final String FAN_ZONE = "scenarios/context/fan-zone-madrid-2027.json";
  private static final String SEVER =
      "venue-risk: --threat-level: unknown level 'SEVER' for GB (JTAC national threat level);"
          + " expected one of LOW, MODERATE, SUBSTANTIAL, SEVERE, CRITICAL; nearest: SEVERE";

  @TempDir Path dir;

  private static void oneLine(CommandRun r, String line) {
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    assertThat(r.clean()).isTrue();
  }

  // ------------------------------------------------------------------ --threat-level

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assess " + F,
        "explain " + F,
        "plan " + F,
        "test " + F,
        "batch scenarios/calendars/euro-2024.csv",
        "diff --rules shipped --rules shipped " + F,
      })
  void everyScoringCommandRefusesAnUnknownLevelInOneLine(String line) {
    String[] args = (line + " --threat-level GB=SEVER").split(" ");
    oneLine(CommandRun.of(args), SEVER);
  }

  @Test
  void aCountryWithoutASystemSaysWhichHaveOne() {
    oneLine(
        CommandRun.of("assess", "--threat-level", "DE=hoch", F),
        "venue-risk: --threat-level: no national threat-level system is recorded for DE; countries"
            + " with one: AU, BE, ES, FR, GB, NL, US (see data/threat_level_scales.csv)");
  }

  @Test
  void anUnknownCountryOrAValueThatIsNotCcEqualsLevelIsRefused() {
    oneLine(
        CommandRun.of("assess", "--threat-level", "UK=SEVERE", F),
        "venue-risk: --threat-level: 'UK=SEVERE': unknown country code 'UK'; expected an ISO 3166-1"
            + " alpha-2 code; nearest: GB (United Kingdom)");
    oneLine(
        CommandRun.of("assess", "--threat-level", "SEVERE", F),
        "venue-risk: --threat-level: 'SEVERE': expected CC=LEVEL, such as GB=SEVERE,"
            + " FR=urgence_attentat or NL=4");
    oneLine(
        CommandRun.of("assess", "--threat-level", "GB=SEVERE", "--threat-level", "gb=low", F),
        "venue-risk: --threat-level: GB is given twice (SEVERE and LOW); give one level per country");
  }

  @Test
  void levelsInEachCountrysOwnVocabularyReachTheDataTheEngineIsBuiltWith() {
    AssessCommand cmd = new AssessCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--threat-level",
            "GB=severe",
            "--threat-level",
            "FR=Urgence attentat",
            "--threat-level",
            "nl=substantieel",
            F);
    ReferenceData data = cmd.engineOptions.referenceData();
    assertThat(data.threatLevels().overrides()).containsOnlyKeys("FR", "GB", "NL");
    assertThat(data.threatLevels().overrides().get("GB").level()).isEqualTo("SEVERE");
    assertThat(data.threatLevels().overrides().get("FR").level()).isEqualTo("urgence_attentat");
    assertThat(data.threatLevels().overrides().get("NL").level()).isEqualTo("4");
    // read once per command: the scenario reader, a --rules folder's cites and the engine share it
    assertThat(cmd.engineOptions.referenceData()).isSameAs(data);
    assertThat(CommandRun.of("assess", "--threat-level", "GB=SEVERE", F).exit()).isZero();
  }

  // ------------------------------------------------------------------ context.threatLevel

  @Test
  void aScenariosUnknownLevelNamesTheFileAndField() throws IOException {
    String text =
        Files.readString(Path.of(F))
            .replaceFirst("\\{", "{\"context\": {\"threatLevel\": \"Urgent\"}, ");
    Path bad = dir.resolve("bad-level.json");
    Files.writeString(bad, text);
    oneLine(
        CommandRun.of("assess", bad.toString()),
        "venue-risk: "
            + bad
            + ": context.threatLevel: no national threat-level system is recorded"
            + " for DE; countries with one: AU, BE, ES, FR, GB, NL, US (see data/threat_level_scales.csv)");
    Path gb = dir.resolve("gb-level.json");
    Files.writeString(
        gb,
        text.replace("\"country\": \"DE\"", "\"country\": \"GB\"").replace("Urgent", "Critcal"));
    oneLine(
        CommandRun.of("assess", gb.toString()),
        "venue-risk: "
            + gb
            + ": context.threatLevel: unknown level 'Critcal' for GB (JTAC national"
            + " threat level); expected one of LOW, MODERATE, SUBSTANTIAL, SEVERE, CRITICAL; nearest: CRITICAL");
    Files.writeString(
        gb,
        text.replace("\"country\": \"DE\"", "\"country\": \"GB\"").replace("Urgent", "critical"));
    assertThat(CommandRun.of("assess", gb.toString()).exit()).isZero();
  }

  @Test
  void aCalendarRecordWithAnUnknownLevelIsRejectedAloneWithItsRecord() throws IOException {
    Path cal = dir.resolve("cal.csv");
    Files.writeString(
        cal,
        String.join(
            "\n",
            "id,name,date,venue.type,venue.country,event.type,event.expectedAttendance,context.threatLevel",
            "a,A,2027-06-05,stadium,GB,sporting_event,50000,SEVERE",
            "b,B,2027-06-05,stadium,GB,sporting_event,50000,SEVER",
            ""));
    CommandRun r = CommandRun.of("batch", "--quiet", cal.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.err())
        .contains(cal + ":3: record 2: context.threatLevel: unknown level 'SEVER' for GB");
    assertThat(r.out()).contains("\na,").doesNotContain("\nb,");
  }

  // ------------------------------------------------------------------ --context

  @Test
  void aContextFileAddsItsEventsToTheRunMarkedAsDeclared() {
    AssessCommand cmd = new AssessCommand();
    new CommandLine(cmd).parseArgs("--context", CONTEXT, FAN_ZONE);
    ReferenceData data = cmd.engineOptions.referenceData();
    HighProfileEvent declared =
        data.highProfileEvents().stream()
            .filter(e -> e.id().equals("madrid-final-fan-festival-2027"))
            .findFirst()
            .orElseThrow();
    assertThat(declared.declaredIn()).isEqualTo(CONTEXT);
    assertThat(data.threatLevels().periods())
        .anyMatch(p -> p.declared() && p.country().equals("ES"));
    assertThat(ReferenceData.bundled().highProfileEvents()).noneMatch(HighProfileEvent::declared);
  }

  @Test
  void theEngineScoresWithTheDeclaredEvent() {
    CommandRun r = CommandRun.of("assess", "--format", "json", "--context", CONTEXT, FAN_ZONE);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Champions League final fan festival (Madrid)");
    assertThat(CommandRun.of("assess", "--format", "json", FAN_ZONE).out())
        .doesNotContain("Champions League final fan festival (Madrid)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assess " + F,
        "explain " + F,
        "plan " + F,
        "test " + F,
        "batch scenarios/calendars/euro-2024.csv",
        "diff --rules shipped --rules shipped " + F,
      })
  void everyScoringCommandReadsTheContextFileAndRefusesABadOne(String line) throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "country,level,from\nGB,SEVERE,2027-02-30\n");
    String[] args = (line + " --context " + bad).split(" ");
    CommandRun r = CommandRun.of(args);
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .startsWith("venue-risk: " + bad + ":2: record 1: from: '2027-02-30' is not a date");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aMissingContextFileIsNamed() {
    oneLine(
        CommandRun.of("assess", "--context", dir.resolve("none.json").toString(), F),
        "venue-risk: " + dir.resolve("none.json") + ": no such file");
  }
}
