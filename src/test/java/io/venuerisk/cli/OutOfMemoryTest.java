package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A heap too small for the job, wherever it runs out: exit code 10, one line on stderr saying how
 * large the heap was and how to give it more, no stack trace, no report and no temporary file (the
 * children get a temporary folder of their own, which must be empty afterwards).
 *
 * <p>The heap sizes and inputs are chosen so that the heap is full at different stages: while the
 * reference data are read at start-up, while the rule base is built, while a calendar is read (an
 * iCalendar file is read whole), and while rows wait in memory to be written (with {@code --top}
 * every row is kept); and in a server's worker. Which thread meets the full heap first depends on
 * the JVM and the moment, and that is the point: the outcome must not. The serial collector is used
 * so that a small heap is the same size on every machine (the default collector picks its region
 * size, and so the smallest heap, from the machine).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class OutOfMemoryTest {
  @TempDir static Path inputs;
  @TempDir Path tmp;

  private static Path ics;
  private static Path jsonl;

  /** A large iCalendar file and a large JSON Lines calendar, written once for all the cases. */
  @BeforeAll
  static void calendars() throws IOException {
    ics = inputs.resolve("markets.ics");
    try (BufferedWriter w = Files.newBufferedWriter(ics, StandardCharsets.UTF_8)) {
      w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//venue-risk//test//EN\r\n");
      for (int i = 0; i < 60_000; i++) {
        w.write(
            "BEGIN:VEVENT\r\nUID:m"
                + i
                + "\r\nDTSTAMP:20260901T000000Z\r\nSUMMARY:Market "
                + i
                + "\r\nDTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261124\r\n"
                + "CATEGORIES:market\r\nLOCATION:cologne-roncalliplatz\r\n"
                + "X-VENUE-RISK-EVENT-EXPECTEDATTENDANCE:1000\r\nEND:VEVENT\r\n");
      }
      w.write("END:VCALENDAR\r\n");
    }
    jsonl = inputs.resolve("events.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      LocalDate first = LocalDate.of(2027, 1, 1);
      for (int i = 0; i < 60_000; i++) {
        w.write(
            "{\"id\":\"e"
                + i
                + "\",\"name\":\"Event "
                + i
                + "\",\"date\":\""
                + first.plusDays(i / 500)
                + "\",\"venue\":{\"type\":\"market\",\"country\":\"DE\",\"city\":\"City"
                + (i % 400)
                + "\"},\"event\":{\"type\":\"market\",\"expectedAttendance\":1000}}\n");
      }
    }
  }

  /** A stage where the heap runs out: the heap size and the batch arguments that get it there. */
  record Stage(String name, String heap, List<String> args) {
    @Override
    public String toString() {
      return name + " (-Xmx" + heap + ")";
    }
  }

  static List<Stage> stages() {
    String euro = "scenarios/calendars/euro-2024.csv";
    return List.of(
        // the JVM starts and picocli parses, but the reference data do not fit
        new Stage("start-up", "3m", List.of(euro)),
        // the data fit, the compiled rule base does not
        new Stage("rule base", "5m", List.of(euro)),
        // the rules fit, sessions and their generated classes barely do
        new Stage("scoring", "8m", List.of(euro)),
        // an iCalendar file is read whole before ical4j parses it
        new Stage(
            "reading",
            "24m",
            List.of(
                ics.toString(), "--venues", "scenarios/calendars/christmas-markets-venues.json")),
        // --top keeps every row until the end, when they are written
        new Stage(
            "rows to write", "12m", List.of(jsonl.toString(), "--top", "60000", "--threads", "1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stages")
  void aBatchThatRunsOutOfHeapSaysHowToRaiseItInOneLineAndLeavesNoFile(Stage stage)
      throws Exception {
    Path err = tmp.resolve("err.txt");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path temporary = Files.createDirectories(tmp.resolve("tmpdir"));
    List<String> command = new ArrayList<>(jvm(stage.heap(), temporary));
    command.add("batch");
    command.addAll(stage.args());
    command.addAll(List.of("--quiet", "--out", out.resolve("report.csv").toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the batch ended").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.MEMORY);
    assertOneLineSayingHowToRaiseTheHeap(stderr.lines().toList(), stderr);
    assertEmpty(out, "no report, no temporary file beside it");
    assertEmpty(temporary, "no temporary file (sort runs, spooled rows)");
  }

  @Test
  void aServerWhoseWorkerRunsOutOfHeapSaysSoInOneLineAndExits10() throws Exception {
    Path err = tmp.resolve("serve.err");
    Path temporary = Files.createDirectories(tmp.resolve("tmpdir"));
    List<String> command = new ArrayList<>(jvm("20m", temporary));
    command.addAll(List.of("serve", "--port", "0"));
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return stdout.readLine();
                    } catch (IOException e) {
                      return null;
                    }
                  })
              .get(2, TimeUnit.MINUTES);
      assertThat(url).as(Files.readString(err)).startsWith("http://");
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      HttpRequest batch =
          HttpRequest.newBuilder(URI.create(url + "api/batch?top=60000&format=csv"))
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofFile(jsonl))
              .build();
      try {
        client.send(batch, HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // the server stopped while the request was under way: what it said is on its stderr
      }
      assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the server stopped").isTrue();
      String stderr = Files.readString(err);
      assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.MEMORY);
      List<String> lines = stderr.lines().toList();
      assertThat(lines.get(0)).as(stderr).startsWith("venue-risk: serving ");
      assertOneLineSayingHowToRaiseTheHeap(lines.subList(1, lines.size()), stderr);
      assertEmpty(temporary, "no temporary file (request bodies, the server's spool folder)");
    } finally {
      p.destroyForcibly();
    }
  }

  private static List<String> jvm(String heap, Path temporary) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-XX:+UseSerialGC",
        "-Djava.io.tmpdir=" + temporary,
        "-cp",
        System.getProperty("java.class.path"),
        "io.venuerisk.cli.VenueRisk");
  }

  private static void assertOneLineSayingHowToRaiseTheHeap(List<String> lines, String stderr) {
    assertThat(lines)
        .as(stderr)
        .singleElement()
        .asString()
        .matches("venue-risk: out of memory \\(the Java heap is at most \\d+ MB\\); .*")
        .containsPattern("JAVA_OPTS=-Xmx\\d+[mg] bin/venue-risk")
        .containsPattern("java -Xmx\\d+[mg] -jar");
  }

  private static void assertEmpty(Path dir, String what) throws IOException {
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as(what).isEmpty();
    }
  }
}
