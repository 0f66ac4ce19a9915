package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.InputException;
import io.venuerisk.reference.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped context files with bytes flipped, cut, repeated and inserted (the mutations of {@link
 * ReaderFuzzTest}), a fixed number of them from a fixed seed: the reader gives back a context or
 * one clean {@link InputException} naming the file, never anything else, and never hangs.
 */
class ContextFileFuzzTest {
  static final long SEED = 20_261_201L;

  /** Mutated inputs per run (a few seconds on two cores). */
  static final int ITERATIONS = 30_000;

  static final List<Path> SOURCES =
      List.of(
          Path.of("scenarios/context/madrid-final-2027.json"),
          Path.of("scenarios/context/threat-levels.csv"));
  static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "context-fuzz");
            t.setDaemon(true);
            return t;
          });

  @AfterAll
  static void stop() {
    WORKER.shutdownNow();
  }

  @Test
  void mutatedContextFilesGiveOnlyCleanInputErrorsAndNeverHang() throws Exception {
    ReferenceData data = ReferenceData.bundled();
    Random random = new Random(SEED);
    int runs = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Path source = SOURCES.get(i % SOURCES.size());
      String name = source.getFileName().toString();
      StringBuilder how = new StringBuilder();
      byte[] input = ReaderFuzzTest.mutate(Files.readAllBytes(source), random, how);
      String what = "iteration " + i + " (seed " + SEED + "): " + source + how;
      Future<?> run =
          WORKER.submit(
              () -> {
                try {
                  ContextFile.read(name, input, data);
                } catch (InputException e) {
                  assertThat(e.getMessage()).as(what).startsWith(name).doesNotContain("\n");
                }
              });
      try {
        run.get(ReaderFuzzTest.HANG_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        throw new AssertionError("hangs: " + what);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("escaped " + e.getCause() + ": " + what, e.getCause());
      }
      runs++;
    }
    assertThat(runs).isEqualTo(ITERATIONS);
  }
}
