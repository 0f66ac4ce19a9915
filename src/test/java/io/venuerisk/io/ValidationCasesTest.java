package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.reference.ValidationStrata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled case set of scenarios/validation/ that {@code venue-risk validate} scores: every
 * line is a labelled, sourced case whose scenario part the project's own reader accepts, so a
 * scoring run never stops on a bad case and every figure it reports rests on the whole set.
 */
class ValidationCasesTest {
  private static final Path FOLDER = Path.of("scenarios", "validation");
  private static final Set<String> LABELS =
      Set.of("attack", "plot", "secured_no_incident", "ordinary");
  private static final List<String> CASE_FIELDS =
      List.of("label", "source", "basis", "measuresBasis", "placement", "matchedTo", "crossoverOf");

  /** One non-blank line of a case file, parsed but not yet bound. */
  private record Line(String where, ObjectNode node) {}

  private static List<Line> lines;

  @BeforeAll
  static void readAll() throws IOException {
    ObjectMapper plain = new ObjectMapper();
    lines = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(FOLDER)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    assertThat(files).as("case files in " + FOLDER).isNotEmpty();
    for (Path file : files) {
      List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < text.size(); i++) {
        if (text.get(i).isBlank()) {
          continue;
        }
        String where = file.getFileName() + ":" + (i + 1);
        JsonNode node = plain.readTree(text.get(i));
        assertThat(node.isObject()).as(where + " is a JSON object").isTrue();
        lines.add(new Line(where, (ObjectNode) node));
      }
    }
  }

  @Test
  void everyCaseHasOneOfTheFourLabelsAndANonEmptySourceAndBasis() {
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      JsonNode label = l.node().get("label");
      if (label == null || !label.isTextual() || !LABELS.contains(label.asText())) {
        problems.add(l.where() + ": label " + label + " is not one of " + new TreeSet<>(LABELS));
      }
      for (String field : List.of("source", "basis")) {
        JsonNode v = l.node().get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
          problems.add(l.where() + ": " + field + " is missing or empty");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theScenarioPartOfEveryCasePassesTheScenarioReader() {
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      ObjectNode scenario = l.node().deepCopy();
      scenario.remove(CASE_FIELDS);
      try {
        Scenario s = Records.JSON.readLine(l.where(), scenario.toString());
        if (!s.id().equals(l.node().path("id").asText())) {
          problems.add(l.where() + ": read back as id " + s.id());
        }
      } catch (InputException e) {
        problems.add(e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void caseIdsAreUnique() {
    Map<String, String> firstSeen = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (Line l : lines) {
      String id = l.node().path("id").asText();
      String before = firstSeen.putIfAbsent(id, l.where());
      if (before != null) {
        duplicates.add(id + " at " + before + " and " + l.where());
      }
    }
    assertThat(duplicates).isEmpty();
  }

  @Test
  void theSetHoldsAtLeast220CasesAndTwelveOfEachLabel() {
    Map<String, Integer> perLabel = new TreeMap<>();
    LABELS.forEach(label -> perLabel.put(label, 0));
    for (Line l : lines) {
      perLabel.computeIfPresent(l.node().path("label").asText(), (k, n) -> n + 1);
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(220);
    assertThat(perLabel)
        .allSatisfy((label, n) -> assertThat(n).as(label).isGreaterThanOrEqualTo(12));
  }

  /** Attacks and plots without a crossover twin, and why (scenarios/validation/README.md). */
  private static final Map<String, String> NO_TWIN =
      Map.of(
          "attack-2015-paris-bataclan",
          "no concert of the hall's October 2015 programme could be dated from public sources");

  @Test
  void everyCaseSaysHowItsMeasuresWereFound() {
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      String basis = l.node().path("measuresBasis").asText();
      if (!Set.of("reported", "inferred", "not_reported").contains(basis)) {
        problems.add(l.where() + ": measuresBasis '" + basis + "'");
      }
      boolean listed = !l.node().path("security").path("measures").isEmpty();
      if (basis.equals("not_reported") == listed) {
        problems.add(l.where() + ": measuresBasis " + basis + " with measures listed: " + listed);
      }
      if (l.node().path("context").has("threatLevel")) {
        problems.add(l.where() + ": a case never sets context.threatLevel (protocol section 1)");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyAttackAndPlotHasAMatchedControlAndACrossoverTwin() {
    Set<String> targeted = new TreeSet<>();
    Set<String> controlled = new TreeSet<>();
    Set<String> twinned = new TreeSet<>();
    for (Line l : lines) {
      String label = l.node().path("label").asText();
      if (label.equals("attack") || label.equals("plot")) {
        targeted.add(l.node().path("id").asText());
      }
      JsonNode matched = l.node().path("matchedTo");
      if (matched.isArray()) {
        matched.forEach(m -> controlled.add(m.asText()));
      } else if (matched.isTextual()) {
        controlled.add(matched.asText());
      }
      if (l.node().path("crossoverOf").isTextual()) {
        twinned.add(l.node().path("crossoverOf").asText());
      }
    }
    assertThat(targeted).as("attacks and plots with no matched control").isSubsetOf(controlled);
    Set<String> withoutTwin = new TreeSet<>(targeted);
    withoutTwin.removeAll(twinned);
    assertThat(withoutTwin)
        .as("attacks and plots with no crossover twin")
        .containsExactlyInAnyOrderElementsOf(NO_TWIN.keySet());
  }

  @Test
  void theSetHoldsAForwardStratumAndEveryRegionWithAttacksHasOrdinaryEventsAndControls() {
    ValidationStrata strata = ReferenceData.bundled().validationStrata();
    Map<String, Integer> forward = new TreeMap<>();
    Map<String, Set<String>> labelsByRegion = new TreeMap<>();
    for (Line l : lines) {
      String label = l.node().path("label").asText();
      String country = l.node().path("venue").path("country").asText();
      LocalDate day = LocalDate.parse(l.node().path("date").asText());
      if (strata.period(day).id().equals("forward")) {
        forward.merge(label.equals("plot") ? "attack" : label, 1, Integer::sum);
      }
      String kind = l.node().has("matchedTo") ? "matched control" : label;
      labelsByRegion.computeIfAbsent(strata.region(country).id(), k -> new TreeSet<>()).add(kind);
      if (kind.equals("matched control")) {
        labelsByRegion.get(strata.region(country).id()).add("ordinary");
      }
    }
    assertThat(forward)
        .as("events after the guide, attacks and plots counted together")
        .allSatisfy((label, n) -> assertThat(n).as(label).isGreaterThanOrEqualTo(10))
        .containsKeys("attack", "secured_no_incident", "ordinary");
    labelsByRegion.forEach(
        (region, kinds) -> {
          if (kinds.contains("attack") || kinds.contains("plot")) {
            assertThat(kinds).as(region).contains("ordinary", "matched control");
          }
        });
  }
}
