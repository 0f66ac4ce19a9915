package io.venuerisk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server publishes against the server's real answers: every documented
 * JSON response of every operation is provoked with a request (a valid one for 200, the documented
 * mistake for each 4xx), its status and media type are the documented ones, and its body is
 * validated against the response's schema with a JSON Schema 2020-12 validator, the references into
 * {@code /api/schema} resolved as a client of the server would resolve them.
 */
class OpenApiResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCENARIO = Path.of("scenarios/party-leader-rally-birmingham-2027.json");
  private static final Path SECOND = Path.of("scenarios/christmas-market-cologne-2026.json");
  private static final Path CALENDAR = Path.of("scenarios/calendars/euro-2024.csv");

  /**
   * Documented answers no request can provoke without racing a clock, each with the reason; every
   * other documented JSON answer is provoked below.
   */
  private static final Map<String, String> NOT_PROVOKED =
      Map.of(
          "408",
          "a client slower than the body timeout: only a test that waits on the clock gets it",
          "503",
          "answered only while the server drains on stopping, a window a request has to race");

  /**
   * Documented JSON answers whose document gives no schema: their bodies are only checked to be
   * JSON of the documented media type until the document describes them.
   */
  private static final Set<String> WITHOUT_SCHEMA =
      Set.of(
          "POST /api/explain 200 application/json",
          "POST /api/plan 200 application/json",
          "POST /api/batch 200 application/x-ndjson",
          "POST /api/batch 200 application/json",
          "GET /api/rules 200 application/json",
          "GET /api/coverage 200 application/json",
          "GET /api/vocabularies 200 application/json",
          "GET /api/openapi.json 200 application/json");

  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private static VenueRiskServer server;
  private static VenueRiskServer locked;
  private static VenueRiskServer small;
  private static JsonNode document;
  private static String documentIri;
  private static JsonSchemaFactory factory;

  /** A request: method, path with its query, body type and body (null for a GET). */
  record Req(String method, String target, String type, byte[] body) {
    static Req get(String target) {
      return new Req("GET", target, null, null);
    }

    static Req post(String target, String type, byte[] body) {
      return new Req("POST", target, type, body);
    }
  }

  /** An answer: status, media type (without parameters) and body. */
  record Answer(int status, String type, String body) {}

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    locked = TestServer.start(VenueRiskServer.Config.defaults().withToken("s3cret"));
    small = TestServer.start(VenueRiskServer.Config.defaults().withLimits(512, 4096));
    URI base = server.uri();
    String openapi = TestServer.get(base, "/api/openapi.json").body();
    document = JSON.readTree(openapi);
    documentIri = base.resolve("/api/openapi.json").toString();
    // the two documents as this server serves them, so a $ref is resolved as a client would
    // resolve it against the server, and no other document is fetched
    Map<String, String> served =
        Map.of(
            documentIri,
            openapi,
            base.resolve("/api/schema").toString(),
            TestServer.get(base, "/api/schema").body());
    factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012, b -> b.schemaLoaders(l -> l.schemas(served)));
  }

  @AfterAll
  static void stop() {
    for (VenueRiskServer s : new VenueRiskServer[] {server, locked, small}) {
      if (s != null) {
        s.stop();
      }
    }
  }

  // ------------------------------------------------------------------ the requests

  /** Per operation, per documented 200 JSON media type, the valid requests that get it. */
  private static Map<String, List<Req>> valid(String operation) throws IOException {
    byte[] scenario = Files.readAllBytes(SCENARIO);
    byte[] array =
        ("[" + Files.readString(SCENARIO) + "," + Files.readString(SECOND) + "]")
            .getBytes(StandardCharsets.UTF_8);
    byte[] calendar = Files.readAllBytes(CALENDAR);
    String json = "application/json";
    return switch (operation) {
      case "GET /healthz" -> Map.of(json, List.of(Req.get("/healthz")));
      case "POST /api/assess" ->
          Map.of(
              json,
              List.of(
                  Req.post("/api/assess?name=rally.json", json, scenario),
                  Req.post("/api/assess", json, array)));
      case "POST /api/validate" ->
          Map.of(
              json,
              List.of(
                  Req.post("/api/validate?name=rally.json", json, scenario),
                  Req.post("/api/validate?name=x.json", json, "{}".getBytes())));
      case "POST /api/explain" ->
          Map.of(json, List.of(Req.post("/api/explain?name=rally.json", json, scenario)));
      case "POST /api/plan" ->
          Map.of(
              json,
              List.of(
                  Req.post("/api/plan?targetTier=moderate", json, scenario),
                  Req.post("/api/plan?exclude=bag_search", json, scenario)));
      case "POST /api/batch" ->
          Map.of(
              json,
              List.of(Req.post("/api/batch?format=json&name=euro.csv", "text/csv", calendar)),
              "application/x-ndjson",
              List.of(Req.post("/api/batch?name=euro.csv", "text/csv", calendar)));
      case "GET /api/rules",
          "GET /api/coverage",
          "GET /api/vocabularies",
          "GET /api/openapi.json" ->
          Map.of(json, List.of(Req.get(operation.substring("GET ".length()))));
      case "GET /api/schema" -> Map.of("application/schema+json", List.of(Req.get("/api/schema")));
      default -> Map.of();
    };
  }

  /** A request with the documented mistake that gets the status, on the server that answers it. */
  private static Answer provoke(String operation, String status) throws Exception {
    String method = operation.substring(0, operation.indexOf(' '));
    String path = operation.substring(operation.indexOf(' ') + 1);
    Req ok = method.equals("GET") ? Req.get(path) : firstValid(operation);
    return switch (status) {
      case "400" ->
          send(
              server,
              path.equals("/api/batch")
                  ? Req.post("/api/batch?dateOrder=ymd", "text/csv", Files.readAllBytes(CALENDAR))
                  : Req.post(path, "application/json", "{}".getBytes()));
      case "401" -> send(locked, ok);
      case "403" -> foreignHost(ok);
      case "404" -> send(server, Req.get(path.replace("{file}", "no-such-file.js")));
      case "413" -> {
        byte[] big = new byte[path.equals("/api/batch") ? 8192 : 2048];
        java.util.Arrays.fill(big, (byte) ' ');
        yield send(small, new Req(ok.method(), ok.target(), ok.type(), big));
      }
      case "415" -> send(server, Req.post(path, "application/xml", "<x/>".getBytes()));
      default -> throw new AssertionError("no request provokes " + status + " of " + operation);
    };
  }

  private static Req firstValid(String operation) throws IOException {
    return valid(operation).values().iterator().next().get(0);
  }

  private static Answer send(VenueRiskServer to, Req r) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(to.uri().resolve(r.target()))
            .timeout(java.time.Duration.ofSeconds(120));
    if (r.body() == null) {
      b.GET();
    } else {
      b.header("Content-Type", r.type()).POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
    }
    HttpResponse<String> a =
        TestServer.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        a.statusCode(), mediaType(a.headers().firstValue("Content-Type").orElse("")), a.body());
  }

  /**
   * The request sent with another name in its Host header, over a plain socket since the HTTP
   * client will not set that header: a loopback server refuses it with 403.
   */
  private static Answer foreignHost(Req r) throws IOException {
    int port = server.uri().getPort();
    try (Socket s = new Socket("127.0.0.1", port)) {
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      String head =
          r.method()
              + " "
              + r.target()
              + " HTTP/1.1\r\nHost: attacker.example:"
              + port
              + "\r\nConnection: close\r\n"
              + (r.body() == null
                  ? ""
                  : "Content-Type: " + r.type() + "\r\nContent-Length: " + r.body().length + "\r\n")
              + "\r\n";
      req.write(head.getBytes(StandardCharsets.US_ASCII));
      if (r.body() != null) {
        req.write(r.body());
      }
      s.getOutputStream().write(req.toByteArray());
      return parse(s.getInputStream());
    }
  }

  /** A whole HTTP/1.1 answer read to the end of the connection, its body de-chunked. */
  private static Answer parse(InputStream in) throws IOException {
    String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    String[] head = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    String type = "";
    boolean chunked = false;
    for (String h : head) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = mediaType(h.substring(h.indexOf(':') + 1));
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    String body = raw.substring(end + 4);
    if (chunked) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (true) {
        int eol = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
        if (size == 0) {
          break;
        }
        out.append(body, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
      body = out.toString();
    }
    return new Answer(
        status,
        type,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String mediaType(String header) {
    return header.split(";")[0].strip().toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ the checks

  /** What a body breaks of the schema, one line per message, or an empty list. */
  private static List<String> violations(JsonSchema schema, String body) throws IOException {
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(JSON.readTree(body))) {
      out.add(m.getInstanceLocation() + ": " + m.getMessage());
    }
    return out;
  }

  /** The schema at a JSON pointer into the served document. */
  private static JsonSchema schemaAt(String pointer) {
    return factory.getSchema(SchemaLocation.of(documentIri + "#" + pointer));
  }

  private static String pointer(String... tokens) {
    StringBuilder p = new StringBuilder();
    for (String t : tokens) {
      String escaped = t.replace("~", "~0").replace("/", "~1");
      p.append('/')
          .append(
              java.net.URLEncoder.encode(escaped, StandardCharsets.UTF_8)
                  .replace("+", "%20")
                  .replace("%7E", "~"));
    }
    return p.toString();
  }

  @Test
  void everyDocumentedJsonAnswerIsTheServersAndMatchesItsSchema() throws Exception {
    List<String> failures = new ArrayList<>();
    Set<String> checked = new TreeSet<>();
    Set<String> unschematised = new TreeSet<>();
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
        for (Iterator<Map.Entry<String, JsonNode>> responses =
                op.getValue().get("responses").fields();
            responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          String status = response.getKey();
          JsonNode content = response.getValue().get("content");
          if (content == null) {
            continue;
          }
          for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (!type.endsWith("json")) {
              continue; // the page, its assets and the batch report's other formats
            }
            String answer = operation + " " + status + " " + type;
            if (NOT_PROVOKED.containsKey(status)) {
              continue;
            }
            documented.add(answer);
            List<Answer> answers = new ArrayList<>();
            if (status.equals("200")) {
              for (Req r : valid(operation).getOrDefault(type, List.of())) {
                answers.add(send(server, r));
              }
              if (answers.isEmpty()) {
                failures.add(answer + ": no request for it in this test");
              }
            } else {
              answers.add(provoke(operation, status));
            }
            JsonNode schemaNode = content.get(type).get("schema");
            JsonSchema schema;
            if (schemaNode != null) {
              schema =
                  schemaAt(
                      pointer(
                          "paths",
                          p.getKey(),
                          op.getKey(),
                          "responses",
                          status,
                          "content",
                          type,
                          "schema"));
            } else if (type.equals("application/schema+json")) {
              // a schema document's own schema is the dialect's meta-schema
              schema = factory.getSchema(SchemaLocation.of(META_SCHEMA));
            } else {
              schema = null;
            }
            if (schema == null) {
              unschematised.add(answer);
            }
            for (Answer a : answers) {
              checked.add(answer);
              if (a.status() != Integer.parseInt(status) || !a.type().equals(type)) {
                failures.add(answer + ": got " + a.status() + " " + a.type() + ": " + a.body());
                continue;
              }
              List<String> bodies =
                  type.equals("application/x-ndjson")
                      ? a.body().lines().toList()
                      : List.of(a.body());
              if (bodies.isEmpty() || bodies.stream().anyMatch(String::isBlank)) {
                failures.add(answer + ": an empty body or line");
              }
              for (String body : bodies) {
                try {
                  JSON.readTree(body);
                } catch (IOException e) {
                  failures.add(answer + ": not JSON: " + e.getMessage());
                  continue;
                }
                if (schema != null) {
                  for (String v : violations(schema, body)) {
                    failures.add(answer + ": " + v);
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(failures).as("documented answers the server does not give").isEmpty();
    assertThat(unschematised)
        .as("documented JSON answers without a schema")
        .containsExactlyInAnyOrderElementsOf(WITHOUT_SCHEMA);
    // every documented answer was provoked and read: a silent skip would check nothing
    assertThat(checked).isEqualTo(documented).hasSizeGreaterThan(40);
  }

  @Test
  void aBodyThatBreaksTheSchemaIsCaught() throws Exception {
    // the check itself: an assessment without its score, or a problem whose status is text
    String assessment = send(server, firstValid("POST /api/assess")).body();
    JsonNode broken = JSON.readTree(assessment);
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("score");
    assertThat(
            violations(
                schemaAt(
                    pointer(
                        "paths",
                        "/api/assess",
                        "post",
                        "responses",
                        "200",
                        "content",
                        "application/json",
                        "schema")),
                broken.toString()))
        .isNotEmpty();
    assertThat(
            violations(
                schemaAt("/components/schemas/Problem"),
                "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":\"400\",\"detail\":\"d\"}"))
        .isNotEmpty();
  }
}
