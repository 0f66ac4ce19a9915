package io.venuerisk.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The I/O floor of the batch benchmark: read the same JSON Lines with Jackson (the same binding and
 * validation as batch) and write one CSV row per record, with no rules. Batch wall time divided by
 * this is the overhead of scoring.
 *
 * <p>{@code java -Xmx512m -cp target-batch/test-classes:target-batch/venue-risk.jar
 * io.venuerisk.bench.IoFloor /tmp/calendar-100k.jsonl /tmp/floor.csv}
 */
public final class IoFloor {
  private IoFloor() {}

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    ScenarioJson json = new ScenarioJson(ReferenceData.bundled());
    ObjectWriter row = new CsvMapper().writer(CsvSchema.emptySchema().withLineSeparator("\n"));
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        Writer out =
            new BufferedWriter(
                Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Scenario s = json.readLine(args[0], line);
        out.write(
            row.writeValueAsString(
                new String[] {s.id(), s.name(), s.date().toString(), s.city(), s.country()}));
        n++;
      }
    }
    System.err.printf("io floor: %d records, %.2f s%n", n, (System.nanoTime() - start) / 1e9);
  }
}
