package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of every reader: the shipped scenarios, calendars and venue registries with
 * bytes flipped, cut short, slices repeated, and quotes, braces, NULs and bad UTF-8 inserted.
 * Nothing may escape but an {@link InputException} (thrown, or a rejected record), and no input may
 * hang. The seed and the number of inputs are fixed, so every machine, loaded or not, reads the
 * same inputs: a failure names the iteration and keeps the input, so it can be replayed.
 */
class ReaderFuzzTest {
  static final long SEED = 20_261_128L;

  /** Mutated inputs per run (about 10 s on two cores). */
  static final int ITERATIONS = 8_000;

  /**
   * An input still being read after this long hangs: far beyond the milliseconds one takes, so a
   * busy machine is never mistaken for a hang.
   */
  static final long HANG_SECONDS = 120;

  static final byte[][] INSERTS = {
    {'"'},
    {'{'},
    {'}'},
    {'['},
    {']'},
    {0},
    {','},
    {'\n'},
    {';'},
    {'\\'},
    {(byte) 0xFF},
    {(byte) 0xC3},
    {'\r', '\n'},
    "\"\"".getBytes(),
    "\\u0000".getBytes(),
    "1e999".getBytes(),
    "-".getBytes(),
    "END:VEVENT\r\n".getBytes(),
    "BEGIN:VEVENT\r\n".getBytes(),
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
  };

  static final ScenarioJson JSON = new ScenarioJson(ReferenceData.bundled());
  static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
          });

  @TempDir Path tmp;

  /** One seed input and how to read it. */
  record Source(Path path, String kind) {}

  @AfterAll
  static void stop() {
    WORKER.shutdownNow();
  }

  @Test
  void mutatedScenariosCalendarsAndRegistriesGiveOnlyCleanInputErrorsAndNeverHang()
      throws Exception {
    List<Source> sources = sources();
    List<byte[]> originals = new ArrayList<>();
    for (Source s : sources) {
      originals.add(Files.readAllBytes(s.path()));
    }
    VenueRegistry markets =
        VenueRegistry.read(Path.of("scenarios/calendars/christmas-markets-venues.json"));
    VenueRegistry hamburg =
        VenueRegistry.read(Path.of("scenarios/calendars/hamburg-2026-venues.json"));
    Random random = new Random(SEED);
    int runs = 0;
    int cleanErrors = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      int k = i % sources.size();
      Source source = sources.get(k);
      StringBuilder how = new StringBuilder();
      byte[] input = mutate(originals.get(k), random, how);
      String what = "iteration " + i + " (seed " + SEED + "): " + source.path() + how;
      Future<Integer> run = WORKER.submit(() -> read(source, input, markets, hamburg));
      try {
        cleanErrors += run.get(HANG_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        throw new AssertionError(keep(input, i) + "hangs: " + what);
      } catch (java.util.concurrent.ExecutionException e) {
        StringWriter trace = new StringWriter();
        e.getCause().printStackTrace(new PrintWriter(trace));
        throw new AssertionError(
            keep(input, i) + "escaped " + e.getCause() + ": " + what + "\n" + trace);
      }
      runs++;
    }
    System.out.printf(
        "ReaderFuzzTest: %d mutated inputs of %d sources, %d input errors%n",
        runs, sources.size(), cleanErrors);
    assertThat(runs).isEqualTo(ITERATIONS);
  }

  /** Reads one input; returns the number of clean input errors; anything else escapes. */
  private int read(Source source, byte[] input, VenueRegistry markets, VenueRegistry hamburg)
      throws IOException {
    String name = source.path().getFileName().toString();
    int[] errors = {0};
    CalendarReader.Sink sink =
        new CalendarReader.Sink() {
          @Override
          public void scenario(Scenario scenario, long record, long line) {
            assertThat(scenario.id()).isNotNull();
          }

          @Override
          public void rejected(InputException error) {
            assertThat(error.getMessage()).startsWith(name);
            errors[0]++;
          }
        };
    try {
      switch (source.kind()) {
        case "scenario" -> JSON.read(name, input);
        case "registry" -> {
          Path file = tmp.resolve(name);
          Files.write(file, input);
          VenueRegistry.read(file);
        }
        case "ics" ->
            CalendarFormat.ics
                .reader(JSON, markets)
                .read(name, new ByteArrayInputStream(input), sink);
        case "jsonl" ->
            CalendarFormat.jsonl
                .reader(JSON, hamburg)
                .read(name, new ByteArrayInputStream(input), sink);
        case "csv" ->
            CalendarFormat.csv.reader(JSON, null).read(name, new ByteArrayInputStream(input), sink);
        case "json" ->
            CalendarFormat.json
                .reader(JSON, null)
                .read(name, new ByteArrayInputStream(input), sink);
        default -> throw new IllegalStateException(source.kind());
      }
    } catch (InputException e) {
      assertThat(e.getMessage()).contains(name);
      errors[0]++;
    }
    return errors[0];
  }

  static byte[] mutate(byte[] in, Random random, StringBuilder how) {
    byte[] b = in;
    int n = 1 + random.nextInt(4);
    for (int m = 0; m < n; m++) {
      int at = b.length == 0 ? 0 : random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0 -> {
          if (b.length > 0) {
            b = b.clone();
            b[at] = (byte) random.nextInt(256);
            how.append("; flip byte ").append(at);
          }
        }
        case 1 -> {
          b = java.util.Arrays.copyOf(b, at);
          how.append("; cut at ").append(at);
        }
        case 2 -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(200));
          b = splice(b, at, java.util.Arrays.copyOfRange(b, at, at + len));
          how.append("; repeat ").append(len).append(" bytes at ").append(at);
        }
        case 3 -> {
          byte[] ins = INSERTS[random.nextInt(INSERTS.length)];
          b = splice(b, at, ins);
          how.append("; insert ").append(java.util.Arrays.toString(ins)).append(" at ").append(at);
        }
        default -> {
          int len = Math.min(b.length - at, 1 + random.nextInt(50));
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
          how.append("; delete ").append(len).append(" bytes at ").append(at);
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] ins) {
    byte[] out = new byte[b.length + ins.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(ins, 0, out, at, ins.length);
    System.arraycopy(b, at, out, at + ins.length, b.length - at);
    return out;
  }

  private static String keep(byte[] input, int i) {
    try {
      Path dir =
          Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "venue-risk-fuzz"));
      Path f = dir.resolve("failure-" + i + ".bin");
      Files.write(f, input);
      return "input kept in " + f + ": ";
    } catch (IOException e) {
      return "";
    }
  }

  static List<Source> sources() throws IOException {
    List<Source> list = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("scenarios/calendars"))) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        String kind = n.endsWith("-venues.json") ? "registry" : n.substring(n.lastIndexOf('.') + 1);
        list.add(new Source(p, kind));
      }
    }
    try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
      s.filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .limit(8)
          .forEach(p -> list.add(new Source(p, "scenario")));
    }
    return list;
  }
}
