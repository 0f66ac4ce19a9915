package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.serve.VenueRiskServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus sent over HTTP: a file the command line refuses (exit 3) gets a 4xx problem
 * whose {@code detail} is the command line's one-line message, character for character; a calendar
 * with rejected records (exit 5) gets its report with each rejection as a problem, the CLI's
 * messages in the CLI's order; a tolerated input (exit 0) gets the CLI's report. After every
 * request the server still answers. Never a 500.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ServeBadInputCorpusTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir static Path temp;
  static VenueRiskServer server;
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    BadInputCorpusTest.generated = temp;
    ReferenceData data = ReferenceData.bundled();
    server =
        VenueRiskServer.start(
            VenueRiskServer.Config.defaults(), new Engine(RuleBase.shipped(), data));
    base = server.uri();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsTheCliMessageOverHttp() throws Exception {
    // a case about a command-line option (--rules of a missing folder) has no request to send:
    // the server's rules and data are those it was started with
    return BadInputCorpusTest.manifest().stream()
        .filter(c -> c.command().matches("(assess|batch) \\S+( --venues \\S+)?"))
        .map(c -> DynamicTest.dynamicTest(c.file() + " -> exit " + c.exit(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> theCorpusOverHttpCoversEveryInputFile() throws Exception {
    List<BadInputCorpusTest.Case> sent =
        BadInputCorpusTest.manifest().stream()
            .filter(c -> c.command().matches("(assess|batch) \\S+( --venues \\S+)?"))
            .toList();
    return Stream.of(
        DynamicTest.dynamicTest(
            "all but the option cases are sent",
            () ->
                assertThat(sent.size())
                    .isGreaterThanOrEqualTo(BadInputCorpusTest.manifest().size() - 2)));
  }

  private void check(BadInputCorpusTest.Case c) throws Exception {
    Path file =
        c.file().startsWith("gen:")
            ? BadInputCorpusTest.generate(c.file().substring(4))
            : BadInputCorpusTest.CORPUS.resolve(c.file());
    String[] args =
        c.command()
            .replace("{file}", file.toString())
            .replace("{dir}", BadInputCorpusTest.CORPUS.toString())
            .split(" ");
    boolean batch = args[0].equals("batch");
    String[] cliArgs = batch ? concat(args, "--quiet", "--format", "jsonl") : args;
    CommandRun cli = CommandRun.of(cliArgs);
    assertThat(cli.exit()).as(cli.err()).isEqualTo(c.exit());
    List<String> cliMessages =
        Arrays.stream(cli.err().split("\n"))
            .filter(
                l ->
                    l.startsWith("venue-risk: ") && !l.matches("venue-risk: \\d+ events? scored.*"))
            .map(l -> same(l.substring("venue-risk: ".length())))
            .toList();

    HttpResponse<String> r = batch ? batch(args) : assess(args[1]);
    assertThat(r.statusCode()).as("never a server error: %s", r.body()).isLessThan(500);
    if (!batch
        && c.exit() == ExitCodes.INPUT
        && cliMessages.get(0).contains(", not a scenario file;")) {
      // assess refuses a calendar file by its name or shape, with a pointer to batch; a request
      // has no file name, and /api/assess takes an array of scenarios by contract (as assess
      // takes several files): an array, or JSON Lines of one line (one object), is scored, and
      // JSON Lines of several lines is malformed JSON
      String text = Files.readString(file).strip();
      if (text.startsWith("[") || text.lines().filter(l -> !l.isBlank()).count() == 1) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      } else {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).startsWith(file + ":");
      }
      return;
    }
    if (c.exit() == ExitCodes.INPUT) {
      assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode p = JSON.readTree(r.body());
      String detail = same(p.get("detail").asText());
      if (r.statusCode() == 413 && !cliMessages.get(0).equals(detail)) {
        // over the server's body limit before any reader saw it: the limit, not the reader, speaks
        assertThat(detail).startsWith(args[1] + ": the request body is larger than");
      } else {
        assertThat(detail).isEqualTo(cliMessages.get(0));
      }
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    } else {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      List<String> rows = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (String line : r.body().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n.has("type") && n.has("detail")) {
          problems.add(same(n.get("detail").asText()));
        } else if (n.has("warning")) {
          warnings.add("warning: " + n.get("warning").asText());
        } else {
          rows.add(line);
        }
      }
      assertThat(problems)
          .as("each rejection, as the CLI reports it")
          .isEqualTo(cliMessages.stream().filter(m -> !m.startsWith("warning: ")).toList());
      assertThat(warnings)
          .as("each warning, as the CLI reports it")
          .isEqualTo(cliMessages.stream().filter(m -> m.startsWith("warning: ")).toList());
      assertThat(r.headers().firstValue("Venue-Risk-Rejected"))
          .hasValue(String.valueOf(problems.size()));
      // the CLI's JSON Lines report lists the same rejections after its rows
      List<String> cliRows = new ArrayList<>();
      List<String> cliProblems = new ArrayList<>();
      for (String line : cli.out().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (n.has("type") && n.has("detail")) {
          cliProblems.add(same(n.get("detail").asText()));
        } else {
          cliRows.add(line);
        }
      }
      assertThat(cliProblems)
          .as("the CLI report's rejections (warnings go to stderr only)")
          .isEqualTo(cliMessages.stream().filter(m -> !m.startsWith("warning: ")).toList());
      assertThat(rows).as("the scored records").isEqualTo(cliRows);
    }
    assertThat(
            CLIENT
                .send(
                    HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("the server is still up")
        .isEqualTo(200);
  }

  private HttpResponse<String> assess(String file) throws Exception {
    return send(
        "/api/assess?name=" + enc(file), "application/json", Files.readAllBytes(Path.of(file)));
  }

  /** {@code batch FILE [--venues V]}: the body, or a form when there is a registry or iCalendar. */
  private HttpResponse<String> batch(String[] args) throws Exception {
    String calendar = args[1];
    String venues = null;
    for (int i = 2; i < args.length - 1; i++) {
      if (args[i].equals("--venues")) {
        venues = args[i + 1];
      }
    }
    String type =
        calendar.endsWith(".csv")
            ? "text/csv"
            : calendar.endsWith(".jsonl")
                ? "application/x-ndjson"
                : calendar.endsWith(".ics") ? "text/calendar" : "application/json";
    String query = "/api/batch?format=jsonl&name=" + enc(calendar);
    if (venues == null && !type.equals("text/calendar")) {
      return send(query, type, Files.readAllBytes(Path.of(calendar)));
    }
    String boundary = "corpus-boundary-5e2b";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "calendar", calendar, type);
    if (venues != null) {
      part(body, boundary, "venues", venues, "application/json");
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(query, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String file, String type)
      throws Exception {
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"; filename=\""
                + file
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(Path.of(file)));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(String path, String type, byte[] body) throws Exception {
    if (body.length > VenueRiskServer.Config.MAX_BATCH_BODY) {
      return refusedUnread(path, type, body.length);
    }
    return CLIENT.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A body over the server's limit is refused from its Content-Length, before it is read: the
   * headers alone get the answer (the JDK's client cannot wait for it with Expect: 100-continue).
   */
  private static HttpResponse<String> refusedUnread(String path, String type, long length)
      throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", base.getPort())) {
      s.setSoTimeout(60_000);
      s.getOutputStream()
          .write(
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                      + type
                      + "\r\nContent-Length: "
                      + length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      java.util.Map<String, List<String>> headers =
          new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      String[] head = answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n");
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers
            .computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(head[i].substring(colon + 1).trim());
      }
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      return new Raw(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true), body);
    }
  }

  private record Raw(int statusCode, java.net.http.HttpHeaders headers, String body)
      implements HttpResponse<String> {
    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public URI uri() {
      return base;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  /** The messages are the same over HTTP, character for character. */
  private static String same(String message) {
    return message;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
