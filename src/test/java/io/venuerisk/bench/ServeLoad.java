package io.venuerisk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
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
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load on a running {@code venue-risk serve} (docs/benchmarks.md, "serve"): 32 clients at once,
 * alternating rounds of {@code GET /healthz} and {@code POST /api/assess} with varied scenarios
 * (the shipped scenarios, each with random subsets of measures), latency percentiles and the
 * throughput ratio in the same run; then 1,000 idle connections held open while it is asked again;
 * a client that sends its body one byte a second; and the server's memory over many requests.
 * Loopback only; every loop is bounded in count and time.
 *
 * <p>{@code java [-Dwarmup=30] -cp target/test-classes:target/venue-risk.jar
 * io.venuerisk.bench.ServeLoad URL SERVER_PID [SECONDS_PER_ROUND] [ROUNDS] [MEMORY_REQUESTS]};
 * bench/serve.sh runs it.
 */
public final class ServeLoad {
  static final int CLIENTS = 32;
  static final ObjectMapper JSON = new ObjectMapper();

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    long pid = Long.parseLong(args[1]);
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int memoryRequests = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
    if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    List<byte[]> bodies = bodies(2_000, 7);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    System.out.printf(
        Locale.ROOT,
        "cores=%d clients=%d scenarios=%d seconds/round=%.0f rounds=%d%n",
        Runtime.getRuntime().availableProcessors(),
        CLIENTS,
        bodies.size(),
        seconds,
        rounds);
    // the rules' generated classes take tens of seconds of load to be compiled: measure warm
    run(
        client,
        base,
        bodies,
        true,
        Double.parseDouble(System.getProperty("warmup", "30")),
        "warm-up");
    List<Result> health = new ArrayList<>();
    List<Result> assess = new ArrayList<>();
    long[] cpu = new long[2];
    for (int r = 0; r < rounds; r++) {
      long c0 = cpuTicks(pid);
      health.add(run(client, base, bodies, false, seconds, "healthz"));
      long c1 = cpuTicks(pid);
      assess.add(run(client, base, bodies, true, seconds, "assess"));
      cpu[0] += c1 - c0;
      cpu[1] += cpuTicks(pid) - c1;
    }
    Result h = Result.merge(health);
    Result a = Result.merge(assess);
    System.out.printf(
        Locale.ROOT,
        "%nGET /healthz      %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  server CPU %.0f us/req%n",
        h.rate(),
        h.percentile(50),
        h.percentile(99),
        h.errors,
        cpu[0] * 1e4 / h.requests);
    System.out.printf(
        Locale.ROOT,
        "POST /api/assess  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  server CPU %.0f us/req%n",
        a.rate(),
        a.percentile(50),
        a.percentile(99),
        a.errors,
        cpu[1] * 1e4 / a.requests);
    System.out.printf(Locale.ROOT, "assess / healthz throughput ratio %.2f%n", a.rate() / h.rate());

    idle(client, base, bodies);
    slow(base);
    memory(client, base, bodies, pid, memoryRequests);
  }

  /**
   * The shipped scenarios, each with a random subset of the measures (seeded: the same set each
   * run).
   */
  static List<byte[]> bodies(int n, long seed) throws Exception {
    List<ObjectNode> base = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        ObjectNode o = (ObjectNode) JSON.readTree(p.toFile());
        o.remove("expect");
        base.add(o);
      }
    }
    List<String> measures = new ArrayList<>();
    JSON.readTree(Path.of("docs/scenario.schema.json").toFile())
        .at("/properties/security/properties/measures/items/enum")
        .forEach(m -> measures.add(m.asText()));
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ObjectNode o = base.get(i % base.size()).deepCopy();
      ObjectNode security =
          o.get("security") instanceof ObjectNode sec ? sec : o.putObject("security");
      ArrayNode m = security.putArray("measures");
      for (String code : measures) {
        if (random.nextInt(4) == 0) {
          m.add(code);
        }
      }
      out.add(JSON.writeValueAsBytes(o));
    }
    return out;
  }

  record Result(long requests, long errors, double seconds, long[] latenciesNanos) {
    double rate() {
      return requests / seconds;
    }

    double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100 * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))] / 1e6;
    }

    static Result merge(List<Result> rs) {
      long n = 0;
      long e = 0;
      double s = 0;
      List<long[]> all = new ArrayList<>();
      int size = 0;
      for (Result r : rs) {
        n += r.requests;
        e += r.errors;
        s += r.seconds;
        all.add(r.latenciesNanos);
        size += r.latenciesNanos.length;
      }
      long[] l = new long[size];
      int at = 0;
      for (long[] x : all) {
        System.arraycopy(x, 0, l, at, x.length);
        at += x.length;
      }
      Arrays.sort(l);
      return new Result(n, e, s, l);
    }
  }

  /** CLIENTS threads, each sending one request after another for {@code seconds}. */
  static Result run(
      HttpClient client,
      URI base,
      List<byte[]> bodies,
      boolean assess,
      double seconds,
      String label)
      throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    long[][] lat = new long[CLIENTS][];
    int[] counts = new int[CLIENTS];
    CountDownLatch done = new CountDownLatch(CLIENTS);
    long start = System.nanoTime();
    for (int t = 0; t < CLIENTS; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                Random pick = new Random(id);
                try {
                  while (System.nanoTime() < end && n < mine.length) {
                    HttpRequest req =
                        assess
                            ? HttpRequest.newBuilder(base.resolve("/api/assess"))
                                .header("Content-Type", "application/json")
                                .POST(
                                    HttpRequest.BodyPublishers.ofByteArray(
                                        bodies.get(pick.nextInt(bodies.size()))))
                                .build()
                            : HttpRequest.newBuilder(base.resolve("/healthz")).build();
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                      if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - t0;
                  }
                } finally {
                  lat[id] = Arrays.copyOf(mine, n);
                  counts[id] = n;
                  done.countDown();
                }
              });
      th.setDaemon(true);
      th.start();
    }
    done.await();
    double took = (System.nanoTime() - start) / 1e9;
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    Result r = Result.merge(List.of(new Result(total, errors.get(), took, concat(lat))));
    System.out.printf(
        Locale.ROOT,
        "  %-8s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
        label,
        r.rate(),
        r.percentile(50),
        r.percentile(99),
        r.errors);
    return r;
  }

  private static long[] concat(long[][] parts) {
    int size = 0;
    for (long[] p : parts) {
      size += p.length;
    }
    long[] out = new long[size];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** 1,000 connections opened and left silent; the server must still answer everyone else. */
  static void idle(HttpClient client, URI base, List<byte[]> bodies) throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        held.add(new Socket(base.getHost(), base.getPort()));
      }
      Thread.sleep(1000);
      Result r = run(client, base, bodies, true, 5, "assess with 1,000 idle connections open");
      long open = held.stream().filter(s -> !s.isClosed()).count();
      System.out.printf(
          Locale.ROOT,
          "1,000 idle connections: %d still open; assess %.0f req/s, p99 %.2f ms, errors %d%n",
          open,
          r.rate(),
          r.percentile(99),
          r.errors);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /**
   * A body sent one byte a second: the server answers 408 and closes when its body deadline passes.
   */
  static void slow(URI base) throws Exception {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(
          ("POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      String answer = "";
      for (int i = 0; i < 120 && answer.isEmpty(); i++) {
        try {
          out.write(' ');
          out.flush();
        } catch (java.io.IOException closed) {
          break;
        }
        try {
          byte[] b = new byte[512];
          int n = in.read(b);
          if (n > 0) {
            answer = new String(b, 0, n, StandardCharsets.UTF_8);
          } else if (n < 0) {
            break;
          }
        } catch (java.net.SocketTimeoutException wait) {
          // a second passed with no answer: send the next byte
        }
      }
      String status =
          answer.isEmpty()
              ? "(closed without an answer)"
              : answer.substring(0, answer.indexOf('\r'));
      System.out.printf(
          Locale.ROOT,
          "one byte a second: cut off after %.1f s: %s%n",
          (System.nanoTime() - start) / 1e9,
          status);
    }
  }

  /** The server's resident memory and heap after each tenth of {@code n} assess requests. */
  static void memory(HttpClient client, URI base, List<byte[]> bodies, long pid, int n)
      throws Exception {
    System.out.printf(Locale.ROOT, "memory over %,d requests (RSS of pid %d):%n", n, pid);
    AtomicLong sent = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    for (int tenth = 1; tenth <= 10; tenth++) {
      long target = (long) n * tenth / 10;
      CountDownLatch done = new CountDownLatch(CLIENTS);
      for (int t = 0; t < CLIENTS; t++) {
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  Random pick = new Random(id * 31L + target);
                  try {
                    while (sent.incrementAndGet() <= target) {
                      try {
                        HttpResponse<byte[]> r =
                            client.send(
                                HttpRequest.newBuilder(base.resolve("/api/assess"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                        HttpRequest.BodyPublishers.ofByteArray(
                                            bodies.get(pick.nextInt(bodies.size()))))
                                    .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                          errors.incrementAndGet();
                        }
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                    }
                  } finally {
                    done.countDown();
                  }
                });
        th.setDaemon(true);
        th.start();
      }
      done.await();
      sent.set(target);
      System.out.printf(
          Locale.ROOT,
          "  %,9d requests  RSS %5d MB  errors %d%n",
          target,
          rss(pid) / 1024,
          errors.get());
    }
  }

  /** The server's user and system CPU so far, in clock ticks of 10 ms. */
  static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static long rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
