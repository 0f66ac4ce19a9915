package io.venuerisk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API against the command line: the same input gives the same bytes, concurrently too; bad
 * requests get problems with the CLI's messages; the routes are the OpenAPI document's.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServeApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static VenueRiskServer server;
  static URI base;
  static List<Path> scenarios;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    base = server.uri();
    try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
      scenarios = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void oneScenarioIsTheJsonAssessPrintsOnOneLineAndItsBytesWhenAskedToIndent() throws Exception {
    Path file = Path.of("scenarios/christmas-market-cologne-2026.json");
    TestServer.Cli cli = TestServer.cli("assess", "--format", "json", file.toString());
    HttpResponse<String> r = TestServer.post(base, "/api/assess", "application/json", file);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body()).doesNotContain("\n");
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(cli.out()));
    for (String pretty : List.of("?pretty", "?pretty=true")) {
      assertThat(TestServer.post(base, "/api/assess" + pretty, "application/json", file).body())
          .as(pretty)
          .isEqualTo(cli.out());
    }
    HttpResponse<String> accept =
        TestServer.CLIENT.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/api/assess"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json; pretty=true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accept.body()).isEqualTo(cli.out());
    assertThat(TestServer.post(base, "/api/assess?pretty=false", "application/json", file).body())
        .isEqualTo(r.body());
  }

  @Test
  void everyJsonAnswerIsOneLineUnlessIndentationIsAskedForProblemsToo() throws Exception {
    Path file = Path.of("scenarios/christmas-market-cologne-2026.json");
    for (String route :
        List.of(
            "/healthz",
            "/api/rules",
            "/api/coverage",
            "/api/schema",
            "/api/vocabularies",
            "/api/openapi.json",
            "/api/nothing")) {
      String compact = TestServer.get(base, route).body();
      String pretty = TestServer.get(base, route + "?pretty").body();
      assertThat(compact).as(route).doesNotContain("\n");
      assertThat(pretty).as(route).contains("\n  ");
      assertThat(JSON.readTree(compact)).as(route).isEqualTo(JSON.readTree(pretty));
    }
    for (String route : List.of("/api/explain", "/api/plan", "/api/validate")) {
      String compact = TestServer.post(base, route, "application/json", file).body();
      String pretty = TestServer.post(base, route + "?pretty", "application/json", file).body();
      assertThat(compact).as(route).doesNotContain("\n");
      assertThat(JSON.readTree(compact)).as(route).isEqualTo(JSON.readTree(pretty));
    }
    HttpResponse<String> bad =
        TestServer.post(base, "/api/assess?pretty=yes", "application/json", file);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("\n");
    assertThat(JSON.readTree(bad.body()).get("detail").asText())
        .isEqualTo(
            "pretty: 'yes' is not true or false; give ?pretty for indented JSON, or leave it out"
                + " for JSON on one line");
  }

  @Test
  void everyShippedScenarioScoredConcurrentlyIsWhatTheCliGives() throws Exception {
    String[] args =
        Stream.concat(
                Stream.of("assess", "--format", "json"), scenarios.stream().map(Path::toString))
            .toArray(String[]::new);
    JsonNode cli = JSON.readTree(TestServer.cli(args).out());
    assertThat(cli.size()).isEqualTo(scenarios.size());
    // many requests at once: the server scores them in shared sessions, which must not show
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (Path p : scenarios) {
          answers.add(
              pool.submit(() -> TestServer.post(base, "/api/assess", "application/json", p)));
        }
      }
      for (int i = 0; i < answers.size(); i++) {
        HttpResponse<String> r = answers.get(i).get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()))
            .as(scenarios.get(i % scenarios.size()).toString())
            .isEqualTo(cli.get(i % scenarios.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameScenarioManyTimesAtOnceIsScoredAsAlone() throws Exception {
    Path file = Path.of("scenarios/crocus-city-hall-krasnogorsk-2024.json");
    String cli = TestServer.cli("assess", "--format", "json", file.toString()).out();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 128; i++) {
        answers.add(
            pool.submit(
                () -> TestServer.post(base, "/api/assess?pretty", "application/json", file)));
      }
      for (Future<HttpResponse<String>> f : answers) {
        assertThat(f.get().body()).isEqualTo(cli);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anArrayGivesTheArrayAssessPrintsForSeveralFiles() throws Exception {
    List<Path> three = scenarios.subList(0, 3);
    StringBuilder body = new StringBuilder("[");
    for (Path p : three) {
      body.append(body.length() > 1 ? ",\n" : "\n").append(Files.readString(p));
    }
    body.append("]");
    TestServer.Cli cli =
        TestServer.cli(
            "assess",
            "--format",
            "json",
            three.get(0).toString(),
            three.get(1).toString(),
            three.get(2).toString());
    HttpResponse<String> r =
        TestServer.post(
            base,
            "/api/assess?pretty",
            "application/json",
            body.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(cli.out());
  }

  @Test
  void aBadElementOfAnArrayIsNamedByItsRecordNumber() throws Exception {
    String good = Files.readString(scenarios.get(0));
    String bad = good.replaceFirst("\"country\": \"[A-Z]{2}\"", "\"country\": \"UK\"");
    HttpResponse<String> r =
        TestServer.post(
            base,
            "/api/assess?name=two.json",
            "application/json",
            ("[" + good + ",\n" + bad + "]").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("record").asInt()).isEqualTo(2);
    assertThat(p.get("field").asText()).isEqualTo("venue.country");
    assertThat(p.get("detail").asText())
        .startsWith("two.json:")
        .contains("record 2: venue.country: unknown country code 'UK'");
  }

  @Test
  void aBadPlacementOfAMeasureIsA400ProblemNamingItsPathAndTheNearestPlacement() throws Exception {
    String body =
        "{\"id\":\"t\",\"name\":\"T\",\"date\":\"2027-06-05\",\"venue\":{\"type\":\"arena\","
            + "\"country\":\"GB\"},\"event\":{\"type\":\"concert\",\"expectedAttendance\":1000},"
            + "\"security\":{\"measures\":[\"cctv\",{\"measure\":\"bag_search\","
            + "\"placement\":\"entrance\"}]}}";
    HttpResponse<String> r =
        TestServer.post(
            base,
            "/api/assess?name=p.json",
            "application/json",
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo("security.measures[1].placement");
    assertThat(p.get("detail").asText())
        .startsWith("p.json:1:")
        .endsWith(
            "security.measures[1].placement: unknown placement 'entrance'; expected one of"
                + " outer_perimeter, entry, inside; nearest: entry");
    // the same body with the nearest placement is scored
    HttpResponse<String> ok =
        TestServer.post(
            base,
            "/api/assess?name=p.json",
            "application/json",
            body.replace("entrance", "entry").getBytes(StandardCharsets.UTF_8));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void validateAnswersWithTheProblemAssessWouldGive() throws Exception {
    Path bad = Path.of("src/test/resources/bad-corpus/unknown-country-uk.json");
    HttpResponse<String> assess =
        TestServer.post(base, "/api/assess?name=x.json", "application/json", bad);
    HttpResponse<String> check =
        TestServer.post(base, "/api/validate?name=x.json", "application/json", bad);
    assertThat(check.statusCode()).isEqualTo(200);
    JsonNode v = JSON.readTree(check.body());
    assertThat(v.get("valid").asBoolean()).isFalse();
    assertThat(v.get("problem")).isEqualTo(JSON.readTree(assess.body()));
    HttpResponse<String> ok =
        TestServer.post(base, "/api/validate", "application/json", scenarios.get(0));
    assertThat(JSON.readTree(ok.body()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void unknownRoutesMethodsAndTypesGet404And405And415Problems() throws Exception {
    HttpResponse<String> missing = TestServer.get(base, "/api/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(missing.body()).get("detail").asText())
        .isEqualTo(
            "no route /api/nothing; did you mean /api/assess; the routes are listed at"
                + " /api/openapi.json");
    assertThat(JSON.readTree(TestServer.get(base, "/api/asess").body()).get("detail").asText())
        .startsWith("no route /api/asess; did you mean /api/assess;");
    assertThat(JSON.readTree(TestServer.get(base, "/api/v1/batch").body()).get("detail").asText())
        .startsWith("no route /api/v1/batch; did you mean /api/batch;");

    HttpResponse<String> method = TestServer.get(base, "/api/assess");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).hasValue("POST");

    HttpResponse<String> type =
        TestServer.post(base, "/api/assess", "text/plain", scenarios.get(0));
    assertThat(type.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(type.body()).get("detail").asText()).contains("application/json");

    HttpResponse<String> cal =
        TestServer.post(base, "/api/batch", "application/xml", "<x/>".getBytes());
    assertThat(cal.statusCode()).isEqualTo(415);
  }

  @Test
  void theDateOrderOfSlashedDatesIsAQueryParameter() throws Exception {
    byte[] csv =
        ("id,name,date,venue.type,venue.capacity,venue.country,event.type\n"
                + "a,A,5/6/2027,public_space,5000,GB,market\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        TestServer.post(base, "/api/batch?name=cal.csv", "text/csv", csv);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("detail").asText())
        .endsWith("to tell: add dateOrder=dmy or dateOrder=mdy");
    HttpResponse<String> us =
        TestServer.post(base, "/api/batch?name=cal.csv&dateOrder=mdy", "text/csv", csv);
    assertThat(us.statusCode()).as(us.body()).isEqualTo(200);
    assertThat(us.body()).contains("\"date\":\"2027-05-06\"");
    assertThat(us.headers().firstValue("Venue-Risk-Warnings")).hasValue("1");
    HttpResponse<String> bad = TestServer.post(base, "/api/batch?dateOrder=ymd", "text/csv", csv);
    assertThat(JSON.readTree(bad.body()).get("detail").asText())
        .isEqualTo(
            "dateOrder: unknown date order 'ymd'; expected dmy (day/month/year) or mdy"
                + " (month/day/year)");
  }

  @Test
  void aCsvReportForExcelStartsWithAByteOrderMarkOnlyWhenAskedFor() throws Exception {
    Path cal = Path.of("scenarios/calendars/euro-2024.csv");
    HttpResponse<String> plain = TestServer.post(base, "/api/batch?format=csv", "text/csv", cal);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).startsWith("id,name,");
    HttpResponse<String> excel =
        TestServer.post(base, "/api/batch?format=csv&csvBom=true", "text/csv", cal);
    assertThat(excel.statusCode()).isEqualTo(200);
    assertThat(excel.body()).isEqualTo("\uFEFF" + plain.body());
    HttpResponse<String> wrong =
        TestServer.post(base, "/api/batch?format=jsonl&csvBom=true", "text/csv", cal);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrong.body()).get("detail").asText())
        .isEqualTo("csvBom: a byte order mark is for a CSV report; add format=csv");
  }

  @Test
  void aBodyRefusedUnreadClosesTheConnectionSoTheClientsNextRequestIsNotLost() throws Exception {
    // A client that reuses the connection after a refusal sent before its body was read would
    // find it closed under its next request: the answer says so and the client opens a new one.
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> type =
          TestServer.post(base, "/api/assess", "text/plain", scenarios.get(0));
      assertThat(type.statusCode()).isEqualTo(415);
      assertThat(type.headers().firstValue("Connection")).hasValue("close");
      HttpResponse<String> cal =
          TestServer.post(base, "/api/batch", "application/xml", "<x/>".getBytes());
      assertThat(cal.statusCode()).isEqualTo(415);
    }
    // a problem found after the whole body was read keeps the connection for the next request
    HttpResponse<String> bad =
        TestServer.post(base, "/api/assess", "application/json", "{}".getBytes());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Connection")).isEmpty();
  }

  @Test
  void aBodyOverTheLimitGets413AndTheServerAnswersNext() throws Exception {
    VenueRiskServer small =
        TestServer.start(VenueRiskServer.Config.defaults().withLimits(512, 4096));
    try {
      byte[] big = Files.readAllBytes(Path.of("scenarios/christmas-market-cologne-2026.json"));
      assertThat(big.length).isGreaterThan(512);
      HttpResponse<String> r = TestServer.post(small.uri(), "/api/assess", "application/json", big);
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("larger than 512 bytes");
      // chunked, so the limit is found while reading rather than from Content-Length
      byte[] cal = Files.readAllBytes(Path.of("scenarios/calendars/euro-2024.csv"));
      HttpResponse<String> c =
          TestServer.CLIENT.send(
              java.net.http.HttpRequest.newBuilder(small.uri().resolve("/api/batch"))
                  .header("Content-Type", "text/csv")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(cal)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(c.statusCode()).isEqualTo(413);
      assertThat(TestServer.get(small.uri(), "/healthz").statusCode()).isEqualTo(200);
    } finally {
      small.stop();
    }
  }

  @Test
  void aClientSendingItsBodyOneByteASecondIsCutOffByTheBodyTimeout() throws Exception {
    VenueRiskServer slow =
        TestServer.start(VenueRiskServer.Config.defaults().withTimeouts(2_000, 30_000, 5_000));
    try (Socket s = new Socket("127.0.0.1", slow.uri().getPort())) {
      s.setSoTimeout(120_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // a byte a second, from another thread, until the server cuts the connection; this one
      // waits for the answer however long a busy machine takes to give it
      Thread trickle =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 1000; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1000);
                  }
                } catch (java.io.IOException | InterruptedException closed) {
                  // cut off, as expected
                }
              });
      trickle.setDaemon(true);
      trickle.start();
      String answer = response(s.getInputStream());
      trickle.interrupt();
      assertThat(answer)
          .as("cut off with a problem before the body is complete")
          .isNotNull()
          .startsWith("HTTP/1.1 408");
      assertThat(answer)
          .contains("application/problem+json")
          .contains("did not arrive within 2.0 s");
    } finally {
      slow.stop();
    }
  }

  @Test
  void aTokenIsRequiredOnTheApiButNotOnThePageOrHealth() throws Exception {
    VenueRiskServer locked =
        TestServer.start(VenueRiskServer.Config.defaults().withToken("s3cret"));
    try {
      URI u = locked.uri();
      HttpResponse<String> no = TestServer.get(u, "/api/vocabularies");
      assertThat(no.statusCode()).isEqualTo(401);
      assertThat(no.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      HttpResponse<String> wrong =
          TestServer.CLIENT.send(
              java.net.http.HttpRequest.newBuilder(u.resolve("/api/vocabularies"))
                  .header("Authorization", "Bearer nope")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> yes =
          TestServer.CLIENT.send(
              java.net.http.HttpRequest.newBuilder(u.resolve("/api/vocabularies"))
                  .header("Authorization", "Bearer s3cret")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(yes.statusCode()).isEqualTo(200);
      assertThat(TestServer.get(u, "/healthz").statusCode()).isEqualTo(200);
      assertThat(TestServer.get(u, "/").statusCode()).isEqualTo(200);
    } finally {
      locked.stop();
    }
  }

  @Test
  void aLoopbackServerRefusesAHostHeaderOfAnotherName() throws Exception {
    try (Socket s = new Socket("127.0.0.1", base.getPort())) {
      s.getOutputStream()
          .write(
              ("GET /api/vocabularies HTTP/1.1\r\nHost: attacker.example:"
                      + base.getPort()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").contains("application/problem+json");
    }
    assertThat(TestServer.get(base, "/api/vocabularies").statusCode()).isEqualTo(200);
  }

  @Test
  void coverageAndSchemaAreWhatTheCliAndTheContractSay() throws Exception {
    assertThat(TestServer.get(base, "/api/coverage?pretty").body())
        .isEqualTo(TestServer.cli("rules", "--coverage", "--format", "json").out());
    assertThat(TestServer.get(base, "/api/schema?pretty").body())
        .isEqualTo(Files.readString(Path.of("docs/scenario.schema.json")));
  }

  @Test
  void explainPlanAndTheRuleCatalogueAreWhatTheirCommandsPrint() throws Exception {
    Path file = Path.of("scenarios/christmas-market-cologne-2026.json");
    assertThat(TestServer.post(base, "/api/explain?pretty", "application/json", file).body())
        .isEqualTo(TestServer.cli("explain", "--format", "json", file.toString()).out());
    assertThat(
            TestServer.post(base, "/api/plan?targetTier=moderate&pretty", "application/json", file)
                .body())
        .isEqualTo(
            TestServer.cli("plan", "--format", "json", "--target-tier", "MODERATE", file.toString())
                .out());
    assertThat(TestServer.post(base, "/api/plan?pretty", "application/json", file).body())
        .isEqualTo(TestServer.cli("plan", "--format", "json", file.toString()).out());
    assertThat(TestServer.get(base, "/api/rules?pretty").body())
        .isEqualTo(TestServer.cli("rules", "--format", "json").out());
    HttpResponse<String> tier =
        TestServer.post(base, "/api/plan?targetTier=LOWEST", "application/json", file);
    assertThat(tier.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tier.body()).get("detail").asText()).contains("unknown tier 'LOWEST'");
    HttpResponse<String> array =
        TestServer.post(
            base,
            "/api/explain",
            "application/json",
            ("[" + Files.readString(file) + "]").getBytes(StandardCharsets.UTF_8));
    assertThat(array.statusCode()).isEqualTo(400);
  }

  @Test
  void planTakesMeasuresToExcludeAsPlanExcludeDoes() throws Exception {
    Path file = Path.of("scenarios/university-commencement-boston-2027.json");
    String cli =
        TestServer.cli(
                "plan",
                "--format",
                "json",
                "--target-tier",
                "LOW",
                "--exclude",
                "hostile_vehicle_mitigation,close_protection",
                file.toString())
            .out();
    assertThat(cli).contains("\"excluded\"");
    assertThat(
            TestServer.post(
                    base,
                    "/api/plan?targetTier=LOW&exclude=hostile_vehicle_mitigation,close_protection"
                        + "&pretty",
                    "application/json",
                    file)
                .body())
        .isEqualTo(cli);
    assertThat(
            TestServer.post(
                    base,
                    "/api/plan?targetTier=LOW&exclude=close_protection"
                        + "&exclude=hostile_vehicle_mitigation&pretty",
                    "application/json",
                    file)
                .body())
        .isEqualTo(cli);
    HttpResponse<String> typo =
        TestServer.post(base, "/api/plan?exclude=armed_securty", "application/json", file);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(typo.body()).get("detail").asText())
        .startsWith("exclude: unknown measure 'armed_securty'; did you mean armed_security?");
    JsonNode vocab = JSON.readTree(TestServer.get(base, "/api/vocabularies").body());
    assertThat(vocab.at("/measureLabels/hostile_vehicle_mitigation").asText())
        .isEqualTo("hostile vehicle mitigation (barriers, bollards)");
  }

  @Test
  void theExampleCalendarsGiveTheCliBatchReportInEveryFormat() throws Exception {
    for (String format : List.of("jsonl", "csv", "json", "md", "html")) {
      TestServer.Cli cli =
          TestServer.cli(
              "batch",
              "scenarios/calendars/euro-2024.csv",
              "--format",
              format,
              "--quiet",
              "--top",
              "10");
      // ?pretty changes nothing but a JSON report, which it indents as the command line does
      HttpResponse<String> r =
          TestServer.post(
              base,
              "/api/batch?format=" + format + "&top=10&name=euro-2024.csv&pretty",
              "text/csv",
              Path.of("scenarios/calendars/euro-2024.csv"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Venue-Risk-Rejected")).hasValue("0");
      assertThat(r.body()).as(format).isEqualTo(cli.out());
      if (format.equals("json")) {
        String compact =
            TestServer.post(
                    base,
                    "/api/batch?format=json&top=10&name=euro-2024.csv",
                    "text/csv",
                    Path.of("scenarios/calendars/euro-2024.csv"))
                .body();
        assertThat(compact).doesNotContain("\n");
        assertThat(JSON.readTree(compact)).isEqualTo(JSON.readTree(cli.out()));
      }
    }
    Path ics = Path.of("scenarios/calendars/christmas-markets-2026.ics");
    Path venues = Path.of("scenarios/calendars/christmas-markets-venues.json");
    TestServer.Form form =
        new TestServer.Form()
            .file(
                "calendar", "christmas-markets-2026.ics", "text/calendar", Files.readAllBytes(ics))
            .file(
                "venues",
                "christmas-markets-venues.json",
                "application/json",
                Files.readAllBytes(venues));
    HttpResponse<String> r = TestServer.post(base, "/api/batch", form.type(), form.bytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            TestServer.cli(
                    "batch",
                    ics.toString(),
                    "--venues",
                    venues.toString(),
                    "--format",
                    "jsonl",
                    "--quiet")
                .out());
  }

  @Test
  void rejectedRecordsAreListedInTheAnswerBodyInEveryFormatNotOnlyCounted() throws Exception {
    byte[] csv =
        ("id,name,date,venue.type,venue.country,venue.city,event.type,event.expectedAttendance\n"
                + "a,Market,2026-12-05,market,GB,Leeds,market,3000\n"
                + "b,Broken,2026-12-45,market,GB,Leeds,market,3000\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String where = "cal.csv:3: record 2: date: '2026-12-45' is not a date";
    for (String format : List.of("md", "html", "csv", "jsonl", "json")) {
      HttpResponse<String> r =
          TestServer.post(base, "/api/batch?name=cal.csv&format=" + format, "text/csv", csv);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Venue-Risk-Rejected")).hasValue("1");
      assertThat(r.body())
          .as(format)
          .contains(
              switch (format) {
                case "md" -> "| cal.csv | 3 | 2 | date: '2026-12-45' is not a date";
                case "html" ->
                    "<td>cal.csv</td><td class=\"num\">3</td><td class=\"num\">2</td>"
                        + "<td>date: &#39;2026-12-45&#39; is not a date";
                default -> where;
              });
    }
  }

  @Test
  void aCalendarSentAsAnotherFormatIsOneProblemNotOnePerLine() throws Exception {
    HttpResponse<String> r =
        TestServer.post(
            base,
            "/api/batch?name=euro-2024.jsonl",
            "application/x-ndjson",
            Path.of("scenarios/calendars/euro-2024.csv"));
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("detail").asText())
        .isEqualTo(
            "euro-2024.jsonl:1: the file holds a CSV calendar (its first line is a header row of"
                + " scenario fields), not a JSON Lines calendar; name it .csv or give --input-format"
                + " csv");
    assertThat(p.has("errors")).isFalse();
  }

  @Test
  void aRecurringEventCutAtTheWindowIsCountedAndListedAfterTheRows() throws Exception {
    Path ics = Path.of("scenarios/calendars/birmingham-2026.ics");
    Path venues = Path.of("scenarios/calendars/birmingham-2026-venues.json");
    TestServer.Form form =
        new TestServer.Form()
            .file("calendar", "birmingham-2026.ics", "text/calendar", Files.readAllBytes(ics))
            .file(
                "venues",
                "birmingham-2026-venues.json",
                "application/json",
                Files.readAllBytes(venues));
    HttpResponse<String> r = TestServer.post(base, "/api/batch", form.type(), form.bytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Venue-Risk-Rejected")).hasValue("0");
    assertThat(r.headers().firstValue("Venue-Risk-Warnings")).hasValue("1");
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(70);
    JsonNode warning = JSON.readTree(lines.get(69));
    assertThat(warning.get("warning").asText())
        .startsWith("birmingham-2026.ics: record 3: RRULE: the series goes on past 2028-01-01")
        .endsWith("(UID bham26-street-food-friday)");
    assertThat(warning.get("record").asInt()).isEqualTo(3);
    assertThat(warning.get("field").asText()).isEqualTo("RRULE");
    assertThat(warning.has("type")).isFalse();
    TestServer.Cli cli =
        TestServer.cli(
            "batch", ics.toString(), "--venues", venues.toString(), "--format", "jsonl", "--quiet");
    assertThat(String.join("\n", lines.subList(0, 69)) + "\n").isEqualTo(cli.out());
  }

  @Test
  void everyRouteIsInTheOpenApiDocumentAndEveryPathThereIsARoute() throws Exception {
    JsonNode doc = JSON.readTree(TestServer.get(base, "/api/openapi.json").body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m ->
                            documented.add(
                                m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
    assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
  }

  @Test
  void thePageAndItsFilesAreServedFromTheJarWithNothingFromElsewhere() throws Exception {
    HttpResponse<String> page = TestServer.get(base, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'none'").contains("script-src 'self'"));
    Set<String> refs = new HashSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    while (m.find()) {
      refs.add(m.group(1));
    }
    for (String f : Assets.FILES) {
      if (f.endsWith(".js")) {
        String js = TestServer.get(base, "/assets/" + f).body();
        java.util.regex.Matcher imp = java.util.regex.Pattern.compile("from '([^']+)'").matcher(js);
        while (imp.find()) {
          refs.add(imp.group(1));
        }
      }
    }
    for (String ref : refs) {
      assertThat(ref).as("a reference to another site").doesNotContain("//");
    }
    List<String> missing = Collections.synchronizedList(new ArrayList<>());
    for (String f : Assets.FILES) {
      if (!f.equals("index.html") && TestServer.get(base, "/assets/" + f).statusCode() != 200) {
        missing.add(f);
      }
    }
    assertThat(missing).isEmpty();
  }

  /** One HTTP/1.1 response, head and body (by its Content-Length), read as it arrives. */
  private static String response(InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
      head.append((char) b);
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return head + new String(body, StandardCharsets.UTF_8);
  }
}
