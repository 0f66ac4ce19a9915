package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code venue-risk test}: the scenarios' stored expectations, as CI and an analyst run them. */
class TestCommandTest {
  static final Path COLOGNE = Path.of("scenarios/christmas-market-cologne-2026.json");

  /** Cologne with its stored expectation replaced. */
  static Path cologneExpecting(Path dir, String name, String expect) throws IOException {
    String json = Files.readString(COLOGNE, StandardCharsets.UTF_8);
    int at = json.indexOf("\"expect\"");
    String base =
        at < 0
            ? json.substring(0, json.lastIndexOf('}')).stripTrailing()
            : json.substring(0, at).stripTrailing();
    base = base.endsWith(",") ? base : base + ",";
    Path f = dir.resolve(name);
    Files.writeString(f, base + "\n  \"expect\": " + expect + "\n}\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void theShippedScenariosPassThroughTheSameRunnerAsTheTestSuite() {
    CommandRun r = CommandRun.of("test", "scenarios");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("PASS  scenarios/christmas-market-cologne-2026.json")
        .doesNotContain("FAIL")
        .containsPattern("\\d+ scenarios: \\d+ passed, 0 failed");
  }

  @Test
  void withoutArgumentsTheScenariosFolderIsRun() {
    assertThat(CommandRun.of("test").out()).isEqualTo(CommandRun.of("test", "scenarios").out());
  }

  @Test
  void aFailedExpectationPrintsWhatDifferedAndExitsSix(@TempDir Path dir) throws IOException {
    cologneExpecting(
        dir,
        "a.json",
        "{\"tier\": \"LOW\", \"inherentTier\": \"SEVERE\", \"fires\": [\"GEO-CORE\"],"
            + " \"doesNotFire\": [\"GEO-EUROPE\"]}");
    CommandRun r = CommandRun.of("test", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.EXPECTATIONS);
    assertThat(r.out())
        .contains("FAIL  " + dir.resolve("a.json") + "  xmas-market-2026-cologne")
        .containsPattern("tier: expected LOW, got \\w+ \\(score \\d+\\.\\d\\)")
        .containsPattern("inherent tier: expected SEVERE, got \\w+ \\(score \\d+\\.\\d\\)")
        .contains("rule GEO-CORE: expected to fire, did not")
        .contains("rule GEO-EUROPE: expected not to fire, fired")
        .contains("1 scenario: 0 passed, 1 failed");
  }

  @Test
  void anUnreadableFileFailsTheRunButTheOthersAreStillChecked(@TempDir Path dir)
      throws IOException {
    cologneExpecting(dir, "a-good.json", "{\"tier\": \"MODERATE\"}");
    Files.writeString(dir.resolve("b-broken.json"), "{ \"id\": ");
    CommandRun r = CommandRun.of("test", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.EXPECTATIONS);
    assertThat(r.out())
        .contains("PASS  " + dir.resolve("a-good.json"))
        .contains("ERROR " + dir.resolve("b-broken.json"))
        .contains("2 scenarios: 1 passed, 0 failed, 1 unreadable");
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aMissingFileGivenByNameFailsTheRun() {
    CommandRun r = CommandRun.of("test", "no-such.json");
    assertThat(r.exit()).isEqualTo(ExitCodes.EXPECTATIONS);
    assertThat(r.out()).contains("ERROR no-such.json").contains("no such file");
  }

  @Test
  void aScenarioWithoutExpectationsIsSkippedNotFailed(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("plain.json"),
        """
        {"id": "plain", "name": "plain", "date": "2026-09-15",
         "venue": {"type": "conference_centre", "country": "JP", "capacity": 100},
         "event": {"type": "conference"}}
        """);
    CommandRun r = CommandRun.of("test", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("SKIP  ")
        .contains("(no expect object)")
        .contains("1 without expectations");
  }

  @Test
  void aFolderWithoutScenariosIsAnInputError(@TempDir Path dir) {
    CommandRun r = CommandRun.of("test", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("holds no scenario files");
  }

  @Test
  void jsonGivesEachScenarioAndASummary(@TempDir Path dir) throws IOException {
    cologneExpecting(dir, "a.json", "{\"score\": {\"max\": 10}}");
    CommandRun r = CommandRun.of("test", "--format", "json", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.EXPECTATIONS);
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode s = j.get("scenarios").get(0);
    assertThat(s.get("status").asText()).isEqualTo("FAIL");
    assertThat(s.get("differences").get(0).asText())
        .startsWith("score: expected at most 10.0, got ");
    assertThat(s.get("fired")).isNotEmpty();
    assertThat(j.get("summary").get("failed").asInt()).isEqualTo(1);
  }

  @Test
  void junitXmlHasOneTestCasePerScenarioWithTheFailures(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    cologneExpecting(in, "a-pass.json", "{\"tier\": \"MODERATE\"}");
    cologneExpecting(in, "b-fail.json", "{\"tier\": \"LOW\"}");
    Files.writeString(in.resolve("c-broken.json"), "not json");
    Path xml = dir.resolve("report.xml");
    CommandRun r = CommandRun.of("test", in.toString(), "--junit", xml.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.EXPECTATIONS);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element suite = d.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    Element failure = (Element) d.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith("tier: expected LOW");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no temporary file is left").containsExactlyInAnyOrder(in, xml);
    }
  }

  @Test
  void aReportThatCannotBeWrittenExitsSevenWithOneLine(@TempDir Path dir) {
    Path xml = dir.resolve("missing-folder").resolve("report.xml");
    CommandRun r = CommandRun.of("test", "scenarios", "--junit", xml.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.err()).isEqualTo("venue-risk: cannot write " + xml + ": no such folder\n");
  }

  @Test
  void aPreviousReportIsReplacedWhole(@TempDir Path dir) throws IOException {
    Path xml = dir.resolve("report.xml");
    Files.writeString(xml, "previous report, longer than nothing at all ".repeat(1000));
    cologneExpecting(dir, "a.json", "{\"tier\": \"MODERATE\"}");
    CommandRun r =
        CommandRun.of("test", dir.resolve("a.json").toString(), "--junit", xml.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(xml))
        .startsWith("<?xml")
        .endsWith("</testsuite>\n")
        .doesNotContain("previous");
  }
}
