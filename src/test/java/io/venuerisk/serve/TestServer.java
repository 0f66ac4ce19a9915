package io.venuerisk.serve;

import io.venuerisk.cli.VenueRisk;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The shipped rules' engine, built once per test JVM, and servers over it. */
final class TestServer {
  private static Engine engine;

  private TestServer() {}

  static synchronized Engine engine() {
    if (engine == null) {
      ReferenceData data = ReferenceData.bundled();
      engine = new Engine(RuleBase.shipped(), data);
    }
    return engine;
  }

  static VenueRiskServer start(VenueRiskServer.Config config) throws Exception {
    return VenueRiskServer.start(config, engine());
  }

  static VenueRiskServer start() throws Exception {
    return start(VenueRiskServer.Config.defaults());
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static HttpResponse<String> get(URI base, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(URI base, String path, String type, byte[] body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(URI base, String path, String type, Path file) throws Exception {
    return post(base, path, type, java.nio.file.Files.readAllBytes(file));
  }

  /** A command line run in this JVM: exit code, stdout, stderr. */
  record Cli(int exit, String out, String err) {}

  static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VenueRisk.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** A multipart/form-data body of named file parts. */
  static final class Form {
    final String boundary = "venue-risk-test-boundary-7d1f";
    private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

    Form file(String part, String filename, String type, byte[] content) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + part
              + "\"; filename=\""
              + filename
              + "\"\r\n"
              + (type == null ? "" : "Content-Type: " + type + "\r\n")
              + "\r\n";
      body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return this;
    }

    String type() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      all.writeBytes(body.toByteArray());
      all.writeBytes(
          ("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return all.toByteArray();
    }
  }
}
