package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void theSetHoldsAtLeastSixtyCasesAndTwelveOfEachLabel() {
    Map<String, Integer> perLabel = new TreeMap<>();
    LABELS.forEach(label -> perLabel.put(label, 0));
    for (Line l : lines) {
      perLabel.computeIfPresent(l.node().path("label").asText(), (k, n) -> n + 1);
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(60);
    assertThat(perLabel)
        .allSatisfy((label, n) -> assertThat(n).as(label).isGreaterThanOrEqualTo(12));
  }
}
