package io.venuerisk.serve;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.io.ScenarioJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code venue-risk serve}: the API and the page over Jetty 12's core handlers, with one rule base
 * built before the first request. Stopping drains: the connector stops accepting, requests under
 * way finish (up to the drain time), new requests on open connections get 503, then the server
 * stops.
 */
public final class VenueRiskServer {
  /**
   * How to serve.
   *
   * @param bind the address to listen on
   * @param port 0 for a free port
   * @param token the bearer token {@code /api/} calls must carry; null for none
   * @param maxBody the largest body of the scenario routes, in bytes
   * @param maxBatchBody the largest body of {@code /api/batch}, in bytes
   * @param bodyTimeoutMillis the time a whole request body may take to arrive
   * @param idleTimeoutMillis how long a connection may stay silent
   * @param drainMillis how long stopping waits for requests under way
   * @param threads scoring threads (and each batch's), usually the number of processors
   */
  public record Config(
      String bind,
      int port,
      String token,
      long maxBody,
      long maxBatchBody,
      long bodyTimeoutMillis,
      long idleTimeoutMillis,
      long drainMillis,
      int threads) {
    public static final long MAX_BODY = 4L << 20;
    public static final long MAX_BATCH_BODY = 64L << 20;
    public static final long BODY_TIMEOUT_MILLIS = 30_000;
    public static final long IDLE_TIMEOUT_MILLIS = 30_000;
    public static final long DRAIN_MILLIS = 30_000;

    /** Loopback, a free port, no token, the documented limits. */
    public static Config defaults() {
      return new Config(
          "127.0.0.1",
          0,
          null,
          MAX_BODY,
          MAX_BATCH_BODY,
          BODY_TIMEOUT_MILLIS,
          IDLE_TIMEOUT_MILLIS,
          DRAIN_MILLIS,
          Runtime.getRuntime().availableProcessors());
    }

    public Config withToken(String t) {
      return new Config(
          bind,
          port,
          t,
          maxBody,
          maxBatchBody,
          bodyTimeoutMillis,
          idleTimeoutMillis,
          drainMillis,
          threads);
    }

    public Config withLimits(long body, long batchBody) {
      return new Config(
          bind,
          port,
          token,
          body,
          batchBody,
          bodyTimeoutMillis,
          idleTimeoutMillis,
          drainMillis,
          threads);
    }

    public Config withTimeouts(long body, long idle, long drain) {
      return new Config(bind, port, token, maxBody, maxBatchBody, body, idle, drain, threads);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final Api api;
  private final Scorer scorer;
  private final Path spool;
  private final InetAddress address;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private VenueRiskServer(Config config, Engine engine) throws IOException {
    address = resolve(config.bind());
    spool = Files.createTempDirectory("venue-risk-serve-");
    OutOfHeap.remove(spool.toFile());
    scorer = new Scorer(engine, Math.max(1, config.threads()));
    ScenarioJson json = new ScenarioJson(engine.data());
    Scenarios scenarios = new Scenarios(json, scorer, engine);
    Batches batches = new Batches(engine, json, spool, Math.max(1, config.threads()));
    Catalogue catalogue = new Catalogue(engine);
    Assets assets = new Assets();
    List<Api.Route> routes =
        List.of(
            new Api.Route("GET", "/", assets::page),
            new Api.Route("GET", "/assets/{file}", assets::file),
            new Api.Route("GET", "/healthz", c -> c.json(200, Call.JSON, catalogue.health)),
            new Api.Route("POST", "/api/assess", scenarios::assess),
            new Api.Route("POST", "/api/validate", scenarios::validate),
            new Api.Route("POST", "/api/explain", scenarios::explain),
            new Api.Route("POST", "/api/plan", scenarios::plan),
            new Api.Route("POST", "/api/batch", batches::batch),
            new Api.Route("GET", "/api/rules", c -> c.json(200, Call.JSON, catalogue.rules)),
            new Api.Route("GET", "/api/coverage", c -> c.json(200, Call.JSON, catalogue.coverage)),
            new Api.Route(
                "GET",
                "/api/schema",
                c -> c.json(200, "application/schema+json", catalogue.schema)),
            new Api.Route(
                "GET", "/api/vocabularies", c -> c.json(200, Call.JSON, catalogue.vocabularies)),
            new Api.Route(
                "GET", "/api/openapi.json", c -> c.json(200, Call.JSON, catalogue.openapi)));
    api =
        new Api(
            routes,
            new Call.Limits(config.maxBody(), config.maxBatchBody(), config.bodyTimeoutMillis()),
            config.token(),
            address.isLoopbackAddress() ? Api.loopbackHosts(address) : null);

    QueuedThreadPool pool = new QueuedThreadPool(256, 8);
    pool.setName("venue-risk-http");
    // the command's main thread decides when the JVM ends (after draining); no pool thread may
    // keep a JVM alive whose main thread has gone
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(address.getHostAddress());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeoutMillis());
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(api);
    server.setHandler(graceful);
    server.setErrorHandler(new Problems());
    server.setStopTimeout(config.drainMillis());
    server.setStopAtShutdown(false);
  }

  /** Builds and starts a server; the rule base is the engine's, built already. */
  public static VenueRiskServer start(Config config, Engine engine) throws Exception {
    VenueRiskServer s = new VenueRiskServer(config, engine);
    try {
      s.server.start();
    } catch (Exception e) {
      s.cleanUp();
      throw e;
    }
    return s;
  }

  /** The page's address: {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = address.getHostAddress();
    if (address.isAnyLocalAddress()) {
      host = address instanceof java.net.Inet6Address ? "::1" : "127.0.0.1";
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops accepting, lets the requests under way finish (up to the drain time), then stops. Returns
   * when stopped; safe to call more than once and from any thread.
   */
  public synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("venue-risk: while stopping: " + e);
    } finally {
      cleanUp();
      stopped.countDown();
    }
  }

  private void cleanUp() {
    scorer.close();
    try (Stream<Path> files = Files.walk(spool)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system's clean-up takes what is left
    }
  }

  /** Every route as "METHOD path". */
  List<String> routes() {
    return api.describe();
  }

  private static InetAddress resolve(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True if {@code bind} is a loopback address (or a name of one). */
  public static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Jetty's own error answers (a malformed request line, headers too large, 503 while draining).
   */
  private static final class Problems extends ErrorHandler {
    @Override
    public boolean handle(
        Request request,
        org.eclipse.jetty.server.Response response,
        org.eclipse.jetty.util.Callback callback) {
      int status = response.getStatus();
      Object message = request.getAttribute(ERROR_MESSAGE);
      Problem.Type type =
          switch (status) {
            case 503 -> Problem.Type.UNAVAILABLE;
            case 404 -> Problem.Type.NOT_FOUND;
            case 413, 431 -> Problem.Type.BODY_TOO_LARGE;
            default -> status >= 500 ? Problem.Type.INTERNAL : Problem.Type.BAD_REQUEST;
          };
      String detail =
          status == 503
              ? "the server is stopping and takes no new requests"
              : message != null
                  ? message.toString()
                  : org.eclipse.jetty.http.HttpStatus.getMessage(status);
      Problem p = Problem.of(type, detail);
      p.body.put("status", status);
      boolean indent;
      try {
        indent = Call.indent(request);
      } catch (RuntimeException e) {
        indent = false; // a request too malformed to have parameters
      }
      byte[] body = Call.json(p.body, indent);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Call.PROBLEM);
      response.write(true, java.nio.ByteBuffer.wrap(body), callback);
      return true;
    }
  }
}
