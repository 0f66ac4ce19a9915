package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code batch} over generated calendars whose events share cities and days (so cross-event rules
 * fire): each event's result does not depend on the order of the records nor on the number of
 * threads.
 */
class BatchPropertiesTest {
  static final String[] CITIES = {"Cologne", "Berlin", "Vienna"};
  static final String[] COUNTRIES = {"DE", "DE", "AT"};
  static final String[] TYPES = {
    "market", "concert", "sporting_event", "religious_service", "festival"
  };
  static final String[] VENUES = {"public_space", "stadium", "arena", "religious_site", "market"};
  static final String[] MEASURES = {
    "cctv", "police_presence", "bag_search", "hostile_vehicle_mitigation"
  };

  @Property(tries = 25)
  void eachEventsResultIsTheSameInAnyRecordOrderAndOnOneOrTwoThreads(
      @ForAll("calendars") List<String> records, @ForAll long shuffleSeed) throws Exception {
    List<String> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    Map<String, String> inOrder = rowsById(records, "1");
    Map<String, String> reordered = rowsById(shuffled, "2");
    assertThat(inOrder).hasSize(records.size());
    assertThat(reordered).isEqualTo(inOrder);
  }

  /** Runs batch as JSON Lines (full assessments) and keys each line by its event id. */
  private static Map<String, String> rowsById(List<String> records, String threads)
      throws Exception {
    Path file = Files.createTempFile("venue-risk-prop-", ".jsonl");
    try {
      Files.write(file, records, StandardCharsets.UTF_8);
      CommandRun r =
          CommandRun.of(
              "batch", file.toString(), "--format", "jsonl", "--quiet", "--threads", threads);
      assertThat(r.exit()).as(r.err()).isZero();
      Map<String, String> byId = new TreeMap<>();
      for (String line : r.out().lines().toList()) {
        String id = line.substring(line.indexOf("\"id\":\"") + 6);
        byId.put(id.substring(0, id.indexOf('"')), line);
      }
      return byId;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<String>> calendars() {
    Arbitrary<String> record =
        Combinators.combine(
                Arbitraries.integers().between(0, CITIES.length - 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, TYPES.length - 1),
                Arbitraries.integers().between(200, 60_000),
                Arbitraries.of(MEASURES).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of(true, false))
            .as(
                (city, day, length, type, people, measures, profile) ->
                    String.format(
                        "{\"name\": \"Event\", \"date\": \"2026-12-%02d\", \"endDate\": \"2026-12-%02d\","
                            + " \"venue\": {\"name\": \"Venue %d\", \"type\": \"%s\", \"indoor\": false,"
                            + " \"capacity\": %d, \"city\": \"%s\", \"country\": \"%s\"},"
                            + " \"event\": {\"type\": \"%s\", \"expectedAttendance\": %d, \"internationalProfile\": %s},"
                            + " \"security\": {\"measures\": [%s]}",
                        10 + day,
                        10 + day + length,
                        type,
                        VENUES[type],
                        people,
                        CITIES[city],
                        COUNTRIES[city],
                        TYPES[type],
                        people,
                        profile,
                        String.join(", ", measures.stream().map(m -> "\"" + m + "\"").toList())));
    return record
        .list()
        .ofMinSize(2)
        .ofMaxSize(24)
        .map(
            list -> {
              List<String> withIds = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                withIds.add("{\"id\": \"ev-" + i + "\", " + list.get(i).substring(1) + "}");
              }
              return withIds;
            });
  }
}
