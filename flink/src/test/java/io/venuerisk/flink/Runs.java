package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.bench.CalendarGenerator;
import io.venuerisk.cli.VenueRisk;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import picocli.CommandLine;

/** Runs of the job on a MiniCluster and of {@code batch}, and their outputs by event id. */
final class Runs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Runs() {}

  /** One task manager with two slots: parallelism 2, as on this machine's two cores. */
  static MiniClusterExtension cluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());
  }

  /** What a command printed and returned. */
  record Run(int exit, String out, String err) {}

  /** The job's own command line, run on the MiniCluster the test registered. */
  static Run flink(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FlinkJobOptions.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code venue-risk batch ... --format jsonl --out OUT}, in-process. */
  static Run batch(Path out, String... args) {
    List<String> all =
        new ArrayList<>(List.of("batch", "--format", "jsonl", "--quiet", "--out", out.toString()));
    all.addAll(List.of(args));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = VenueRisk.run(all.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
    return new Run(code, o.toString(), e.toString());
  }

  /** A generated calendar of {@code n} events (the batch benchmark's generator). */
  static Path generated(Path dir, int n) throws IOException {
    Path p = dir.resolve("calendar-" + n + ".jsonl");
    CalendarGenerator.main(new String[] {String.valueOf(n), p.toString()});
    return p;
  }

  /** batch's JSON Lines report by event id (ids are unique in the calendars of these tests). */
  static Map<String, String> byId(Path report) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
      String old = out.put(id(line), line + "\n");
      assertThat(old).as("one line per event in %s", report).isNull();
    }
    return out;
  }

  /** The lines of every finished part file under {@code dir}, in part-file order. */
  static List<String> parts(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p :
          files
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(Runs::partOrder))
              .toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** Part files of one writer in the order it wrote them: part-UUID-N.suffix by UUID, then N. */
  private static String partOrder(Path p) {
    String name = p.getFileName().toString();
    String stem = name.substring(0, name.lastIndexOf('.'));
    int dash = stem.lastIndexOf('-');
    return stem.substring(0, dash)
        + String.format("%010d", Long.parseLong(stem.substring(dash + 1)));
  }

  /** The job's results by event id, exactly one per event. */
  static Map<String, String> results(Path output) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : parts(output.resolve("assessments"))) {
      String old = out.put(id(line), line + "\n");
      assertThat(old).as("one result per event").isNull();
    }
    return out;
  }

  /** The last result of each event id: an upsert stream's current state. */
  static Map<String, String> latest(Path output) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : parts(output.resolve("assessments"))) {
      out.put(id(line), line + "\n");
    }
    return out;
  }

  static String id(String line) {
    try {
      return JSON.readTree(line).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Messages batch printed for rejected records, without its "venue-risk: " prefix. */
  static List<String> batchRejections(Run r) {
    List<String> out = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      if (line.startsWith("venue-risk: ") && !line.matches("venue-risk: \\d+ events? scored.*")) {
        out.add(line.substring("venue-risk: ".length()));
      }
    }
    return out;
  }

  /**
   * Every event of {@code expected} has exactly its line in {@code actual}, and nothing else is
   * there; a failure names how many differ and shows the first difference, not whole reports.
   */
  static void assertSameResults(Map<String, String> expected, Map<String, String> actual) {
    assertThat(actual.keySet())
        .as("event ids")
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        differ.add(e.getKey());
      }
    }
    if (!differ.isEmpty()) {
      String id = differ.get(0);
      String a = expected.get(id);
      String b = actual.get(id);
      int i = 0;
      while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
        i++;
      }
      int from = Math.max(0, i - 120);
      throw new AssertionError(
          differ.size()
              + " of "
              + expected.size()
              + " events differ, first "
              + id
              + " at character "
              + i
              + ":\n  expected ..."
              + a.substring(from, Math.min(a.length(), i + 200))
              + "\n  actual   ..."
              + b.substring(from, Math.min(b.length(), i + 200)));
    }
  }

  /** Cross-event findings in a report: evidence that a test exercises the relations at all. */
  static long crossEventFindings(Map<String, String> report) {
    return report.values().stream().filter(l -> l.contains("\"rule\":\"CAL-")).count();
  }
}
