package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in a child JVM, as a service manager runs it: the first line on stdout is the URL;
 * SIGTERM while a request is under way lets it finish with its full answer, then the server exits
 * 0; the JVMs of other commands never load a class of the server.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ServeSignalTest {
  @TempDir Path dir;

  @Test
  void sigtermDrainsTheRequestUnderWayAndExitsZero() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "no kill command to send signals with");
    Path err = dir.resolve("serve.err");
    Process p =
        new ProcessBuilder(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.venuerisk.cli.VenueRisk",
                "serve",
                "--port",
                "0",
                "--drain",
                "60")
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> first =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return out.readLine();
                } catch (java.io.IOException e) {
                  return null;
                }
              });
      String url = first.get(120, TimeUnit.SECONDS);
      assertThat(url)
          .as("the first line on stdout is the URL; stderr: %s", read(err))
          .matches("http://127\\.0\\.0\\.1:\\d+/");
      URI uri = URI.create(url);

      byte[] scenario = Files.readAllBytes(Path.of("scenarios/christmas-market-cologne-2026.json"));
      try (Socket s = new Socket("127.0.0.1", uri.getPort())) {
        s.setSoTimeout(60_000);
        OutputStream o = s.getOutputStream();
        o.write(
            ("POST /api/assess?pretty HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: "
                    + scenario.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        o.flush();
        // the server answers 100 Continue when the route starts reading the body: from then on the
        // request is under way, however long the machine took to get there
        String cont = "HTTP/1.1 100 Continue\r\n\r\n";
        assertThat(
                new String(s.getInputStream().readNBytes(cont.length()), StandardCharsets.US_ASCII))
            .isEqualTo(cont);
        int sent = scenario.length / 8;
        o.write(scenario, 0, sent);
        o.flush();

        signal("TERM", p);
        // the rest arrives slowly but steadily, a piece every 100 ms (a connection silent for a
        // second is closed once the server is stopping)
        int piece = (scenario.length - sent) / 24 + 1;
        for (int i = 0; sent < scenario.length; i++) {
          Thread.sleep(100);
          if (i == 3) {
            assertThat(p.isAlive()).as("draining: the request under way is not finished").isTrue();
          }
          int n = Math.min(piece, scenario.length - sent);
          o.write(scenario, sent, n);
          o.flush();
          sent += n;
        }
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body)
            .isEqualTo(
                CommandRun.of(
                        "assess",
                        "--format",
                        "json",
                        "scenarios/christmas-market-cologne-2026.json")
                    .out());
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops once drained").isTrue();
      assertThat(p.exitValue()).as(read(err)).isZero();
      assertThat(read(err)).contains("venue-risk: stopped").doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void otherCommandsLoadNoClassOfTheServer() throws Exception {
    for (List<String> command :
        List.of(
            List.of("--help"), List.of("assess", "scenarios/christmas-market-cologne-2026.json"))) {
      Path log = dir.resolve("classes.txt");
      List<String> line =
          new java.util.ArrayList<>(
              List.of(
                  java(),
                  "-Xlog:class+load=info:file=" + log,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.venuerisk.cli.VenueRisk"));
      line.addAll(command);
      Process p =
          new ProcessBuilder(line)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      String loaded = Files.readString(log);
      assertThat(loaded)
          .as(String.join(" ", command))
          .contains("io.venuerisk.cli.VenueRisk")
          .doesNotContain("org.eclipse.jetty")
          .doesNotContain("io.venuerisk.serve.");
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String read(Path p) throws java.io.IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static void signal(String name, Process p) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid()))
            .redirectErrorStream(true)
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
