package io.venuerisk.cli;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.reference.ReferenceData;
import io.venuerisk.serve.VenueRiskServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code venue-risk serve}: the HTTP API and the page. Options only; the server is {@link
 * VenueRiskServer}, whose classes (and Jetty's) load only when this command runs.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Serve the HTTP API and the planners' page, with the rule base built once.",
      "",
      "Starts an HTTP server: the page at / (a form for a scenario, the result with its reasons",
      "and measures, what-if, plan, a printable brief, and a batch tab), and the JSON API under",
      "/api/ (docs/api.md; OpenAPI at /api/openapi.json). A result is compact JSON; asked for",
      "with ?pretty, it is byte for byte what the command line prints in JSON for the same input",
      "and rules. Binds 127.0.0.1; any other address needs --token (or --insecure). The first",
      "line on stdout is the page's URL.",
      "SIGTERM or Ctrl-C lets the requests under way finish, then exits 0.",
    },
    footer = {
      "%nExamples:",
      "  java -jar target/venue-risk.jar serve              # then open http://127.0.0.1:8080/",
      "  java -jar target/venue-risk.jar serve --port 0     # a free port; the URL is printed",
      "  VENUE_RISK_TOKEN=s3cret java -jar target/venue-risk.jar serve --bind 0.0.0.0",
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}). Any address that is not"
              + " loopback requires --token or --insecure.")
  String bind;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:VENUE_RISK_TOKEN}",
      description =
          "Require 'Authorization: Bearer TOKEN' on every /api/ call (default: the"
              + " environment variable VENUE_RISK_TOKEN, which keeps the token out of the process list).")
  String token;

  @Option(
      names = "--insecure",
      description =
          "Serve another address without a token: anyone who can reach it can use the API.")
  boolean insecure;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      defaultValue = "4MiB",
      converter = SizeConverter.class,
      description =
          "Largest body of the scenario routes (default: ${DEFAULT-VALUE}; a single"
              + " scenario is still held to the 1 MiB of a scenario file). 413 past it.")
  long maxBody;

  @Option(
      names = "--max-batch-body",
      paramLabel = "SIZE",
      defaultValue = "64MiB",
      converter = SizeConverter.class,
      description = "Largest body of /api/batch (default: ${DEFAULT-VALUE}). 413 past it.")
  long maxBatchBody;

  @Option(
      names = "--body-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Time a whole request body may take to arrive (default: ${DEFAULT-VALUE});"
              + " a slower client gets 408 and is disconnected.")
  double bodyTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Time a connection may stay silent before it is closed (default: ${DEFAULT-VALUE}).")
  double idleTimeout;

  @Option(
      names = "--drain",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "On SIGTERM, time the requests under way get to finish (default: ${DEFAULT-VALUE}).")
  double drain;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Scoring threads (default: the number of processors).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    boolean loopback = VenueRiskServer.isLoopback(bind);
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (!loopback && token == null && !insecure) {
      throw new ParameterException(
          spec.commandLine(),
          "--bind "
              + bind
              + " is not a loopback"
              + " address: give --token TOKEN (clients then send 'Authorization: Bearer TOKEN'), or"
              + " --insecure to serve it without one");
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
    }
    if (bodyTimeout <= 0 || idleTimeout <= 0 || drain < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--body-timeout and --idle-timeout must be more than 0 seconds, --drain 0 or more");
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256");
    }
    CompletableFuture<RuleBase> rules = engineOptions.startRules(err);
    ReferenceData data = engineOptions.referenceData();
    Engine engine = engineOptions.engine(rules, data);

    VenueRiskServer.Config config =
        new VenueRiskServer.Config(
            bind,
            port,
            token,
            maxBody,
            maxBatchBody,
            millis(bodyTimeout),
            millis(idleTimeout),
            millis(drain),
            workers);
    VenueRiskServer server;
    try {
      server = VenueRiskServer.start(config, engine);
    } catch (IOException e) {
      err.println(
          "venue-risk: cannot listen on "
              + bind
              + ":"
              + port
              + ": "
              + e.getMessage()
              + (port == 0 ? "" : " (choose another --port, or --port 0 for a free one)"));
      err.flush();
      return ExitCodes.USAGE;
    }
    Signals.onStop(server::stop);
    PrintWriter out = spec.commandLine().getOut();
    out.println(server.uri());
    out.flush();
    if (!loopback && token == null) {
      err.println(
          "venue-risk: warning: --insecure: anyone who can reach "
              + bind
              + ":"
              + server.uri().getPort()
              + " can use the API without a token");
    }
    err.println(
        "venue-risk: serving "
            + server.uri()
            + " ("
            + engine.rules().origin()
            + "); SIGTERM or Ctrl-C stops");
    err.flush();
    server.join();
    err.println("venue-risk: stopped");
    err.flush();
    return ExitCodes.OK;
  }

  private static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }

  /** Sizes in bytes, with an optional KiB or MiB (k, K, M) suffix. */
  static final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(k|kib|kb|m|mib|mb)?");

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a size; expected bytes, or"
                + " a number of KiB or MiB such as 512KiB or 4MiB");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "" : m.group(2);
      long bytes = unit.startsWith("k") ? n << 10 : unit.startsWith("m") ? n << 20 : n;
      if (bytes < 1) {
        throw new TypeConversionException("a size must be 1 byte or more");
      }
      return bytes;
    }
  }

  /** SIGTERM and SIGINT stop the server (draining) instead of ending the JVM at once with 143. */
  static final class Signals {
    private Signals() {}

    static void onStop(Runnable stop) {
      for (String name : new String[] {"TERM", "INT"}) {
        try {
          sun.misc.Signal.handle(
              new sun.misc.Signal(name),
              s -> {
                Thread t = new Thread(stop, "venue-risk-stop");
                t.start();
              });
        } catch (IllegalArgumentException e) {
          // the signal is reserved here (or ignored by the parent): the JVM's default stands
        }
      }
    }
  }
}
