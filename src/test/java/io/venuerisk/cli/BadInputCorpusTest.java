package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/bad-corpus/MANIFEST.tsv}) run
 * through the CLI: the documented exit code, one message that names the file and where in it, and
 * never a stack trace. Multi-megabyte inputs ("gen:" rows) are generated here rather than
 * committed.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-corpus");

  @TempDir static Path generated; // also set by ServeBadInputCorpusTest, which sends the same files

  record Case(String file, String command, int exit, String fragment) {}

  static List<Case> manifest() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      cases.add(new Case(f[0], f[1], Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""));
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsItsExitCodeAndAMessageNamingFileAndPlace()
      throws IOException {
    return manifest().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.file() + " -> exit " + c.exit(),
                    () -> {
                      Path file =
                          c.file().startsWith("gen:")
                              ? generate(c.file().substring(4))
                              : CORPUS.resolve(c.file());
                      String[] args =
                          c.command()
                              .replace("{file}", file.toString())
                              .replace("{dir}", CORPUS.toString())
                              .split(" ");
                      String[] quiet = new String[args.length + (args[0].equals("batch") ? 1 : 0)];
                      System.arraycopy(args, 0, quiet, 0, args.length);
                      if (args[0].equals("batch")) {
                        quiet[args.length] = "--quiet";
                      }
                      CommandRun r = CommandRun.of(quiet);
                      assertThat(r.clean())
                          .as("no stack trace or exception name:%n%s", r.err())
                          .isTrue();
                      assertThat(r.exit()).as(r.err()).isEqualTo(c.exit());
                      assertThat(r.err())
                          .as("no parser library's words reach the user")
                          .doesNotContain("StreamReadConstraints")
                          .doesNotContain("(code ")
                          .doesNotContain("CTRL-CHAR")
                          .doesNotContain("was expecting")
                          .doesNotContain("Error at line")
                          .doesNotContain("[Source:")
                          .doesNotContain("JsonReadFeature");
                      if (c.exit() == 0) {
                        assertThat(r.err())
                            .as("a tolerated input is scored without complaint")
                            .doesNotContain("venue-risk: " + file);
                        return;
                      }
                      assertThat(r.err())
                          .as("the message names the file")
                          .contains("venue-risk: " + file);
                      assertThat(r.err())
                          .as("the message says what and where")
                          .contains(c.fragment());
                      if (c.exit() == ExitCodes.INPUT) {
                        assertThat(r.out())
                            .as("nothing is written when the input is refused")
                            .isEmpty();
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theCorpusHasAtLeastFortyInputsAndEveryFileIsInTheManifest()
      throws IOException {
    List<Case> cases = manifest();
    List<String> listed = cases.stream().map(Case::file).toList();
    List<String> onDisk;
    try (Stream<Path> s = Files.list(CORPUS)) {
      onDisk =
          s.map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("MANIFEST.tsv") && !n.equals("cal-by-venue-id.jsonl"))
              .sorted()
              .toList();
    }
    return Stream.of(
        DynamicTest.dynamicTest(
            "at least 40 inputs", () -> assertThat(cases).hasSizeGreaterThanOrEqualTo(40)),
        DynamicTest.dynamicTest("every file is run", () -> assertThat(listed).containsAll(onDisk)));
  }

  private static final int MB3 = 3 << 20;

  /** The multi-megabyte inputs, written to a temporary folder. */
  static Path generate(String name) throws IOException {
    String big = "A".repeat(MB3);
    String record =
        "{\"id\": \"ev-%s\", \"name\": \"%s\", \"date\": \"2026-06-01\", \"venue\": {\"name\": \"Square\","
            + " \"type\": \"public_space\", \"capacity\": 5000, \"city\": \"Cologne\", \"country\": \"DE\"},"
            + " \"event\": {\"type\": \"market\", \"expectedAttendance\": 3000}}";
    String content =
        switch (name) {
          case "huge-scenario.json" -> String.format(record, 1, big);
          case "huge-string.json" ->
              "[\n"
                  + String.format(record, 1, "ok")
                  + ",\n"
                  + String.format(record, 2, big)
                  + "\n]\n";
          case "huge-line.jsonl" ->
              String.format(record, 1, "ok")
                  + "\n"
                  + String.format(record, 2, big)
                  + "\n"
                  + String.format(record, 3, "ok")
                  + "\n";
          case "huge-cell.csv" ->
              "id,name,date,venue.name,venue.type,venue.capacity,venue.city,venue.country,event.type\n"
                  + "ev-1,ok,2026-06-01,Square,public_space,5000,Cologne,DE,market\n"
                  + "ev-2,"
                  + big
                  + ",2026-06-01,Square,public_space,5000,Cologne,DE,market\n";
          case "huge-summary.ics" ->
              "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                  + "DTSTAMP:20260901T000000Z\r\nSUMMARY:"
                  + big
                  + "\r\nDTSTART;VALUE=DATE:20261205\r\nCATEGORIES:market\r\n"
                  + "LOCATION:cologne-roncalliplatz\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
          case "huge-calendar.ics" -> {
            Path p = generated.resolve(name);
            if (!Files.exists(p)) {
              try (var w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nX-PAD:");
                for (int i = 0; i < 65; i++) {
                  w.write(big.substring(0, 1 << 20));
                }
                w.write("\r\nEND:VCALENDAR\r\n");
              }
            }
            yield null;
          }
          case "huge-venues.json" ->
              "[\n{\"id\": \"v-1\", \"name\": \""
                  + big
                  + "\", \"type\": \"stadium\","
                  + " \"city\": \"Hamburg\", \"country\": \"DE\"}\n]\n";
          default -> throw new IllegalArgumentException(name);
        };
    Path p = generated.resolve(name);
    if (content != null && !Files.exists(p)) {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    }
    return p;
  }
}
