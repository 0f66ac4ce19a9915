package io.venuerisk.batch;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.model.OutputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * An external merge sort: items are buffered up to a byte budget, each full buffer is sorted and
 * written to a temporary run file, and {@link #sorted} merges the runs. Memory stays at the budget
 * plus a read buffer per run, whatever the number of items: how {@code batch} puts a calendar in
 * any order into date order, and its results back into the report's order, without holding either.
 */
final class SpillSort<T> implements AutoCloseable {
  /** How an item is written to a run and read back, and roughly how many bytes it holds. */
  interface Codec<T> {
    void write(DataOutputStream out, T item) throws IOException;

    T read(DataInputStream in) throws IOException;

    long size(T item);
  }

  /** Runs merged at once; more are first merged into longer runs. */
  static final int MAX_FAN_IN = 64;

  private final Codec<T> codec;
  private final Comparator<T> order;
  private final long budget;
  private final Path parent;
  private Path dir;
  private final List<T> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();
  private long buffered;

  /**
   * @param parent where the run files' folder is made at the first spill, and removed by {@link
   *     #close}; null for the JVM's temporary folder ({@code java.io.tmpdir})
   */
  SpillSort(Codec<T> codec, Comparator<T> order, long budgetBytes, Path parent) {
    this.codec = codec;
    this.order = order;
    this.budget = budgetBytes;
    this.parent = parent;
  }

  void add(T item) {
    buffer.add(item);
    buffered += codec.size(item);
    if (buffered >= budget) {
      spill();
    }
  }

  /** Runs written so far (for tests of flat memory). */
  int runs() {
    return runs.size();
  }

  private void spill() {
    buffer.sort(order);
    if (dir == null) {
      try {
        dir =
            parent == null
                ? Files.createTempDirectory("venue-risk-sort-")
                : Files.createTempDirectory(parent, "venue-risk-sort-");
        OutOfHeap.remove(dir.toFile());
      } catch (IOException | UnsupportedOperationException e) {
        throw new OutputException(
            "cannot create a temporary folder to sort the calendar in ("
                + (parent == null ? System.getProperty("java.io.tmpdir") : parent)
                + "; JAVA_OPTS=-Djava.io.tmpdir=DIR picks another): "
                + e.getMessage(),
            e);
      }
    }
    Path run = dir.resolve("run-" + runs.size() + ".bin");
    OutOfHeap.remove(run.toFile());
    write(run, buffer.iterator());
    runs.add(run);
    buffer.clear();
    buffered = 0;
  }

  /** Every item added, in order; may be called once. */
  Iterator<T> sorted() {
    if (runs.isEmpty()) {
      buffer.sort(order);
      return buffer.iterator();
    }
    if (!buffer.isEmpty()) {
      spill();
    }
    List<Path> level = new ArrayList<>(runs);
    int merged = 0;
    while (level.size() > MAX_FAN_IN) {
      List<Path> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += MAX_FAN_IN) {
        List<Path> part = level.subList(i, Math.min(level.size(), i + MAX_FAN_IN));
        Path run = dir.resolve("merged-" + merged++ + ".bin");
        OutOfHeap.remove(run.toFile());
        write(run, merge(part));
        next.add(run);
      }
      level = next;
    }
    return merge(level);
  }

  /** One run file: each item after a true, then a false. */
  private void write(Path run, Iterator<T> items) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      while (items.hasNext()) {
        out.writeBoolean(true);
        codec.write(out, items.next());
      }
      out.writeBoolean(false);
    } catch (IOException e) {
      throw new OutputException(
          "cannot write a temporary sort file in " + dir + ": " + e.getMessage(), e);
    }
  }

  private Iterator<T> merge(List<Path> files) {
    record Head<T>(T item, DataInputStream in) {}
    PriorityQueue<Head<T>> heads = new PriorityQueue<>((a, b) -> order.compare(a.item(), b.item()));
    for (Path f : files) {
      try {
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16));
        open.add(in);
        T first = next(in);
        if (first != null) {
          heads.add(new Head<>(first, in));
        } else {
          in.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public T next() {
        Head<T> h = heads.poll();
        if (h == null) {
          throw new NoSuchElementException();
        }
        try {
          T following = SpillSort.this.next(h.in());
          if (following != null) {
            heads.add(new Head<>(following, h.in()));
          } else {
            h.in().close();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return h.item();
      }
    };
  }

  private T next(DataInputStream in) throws IOException {
    try {
      return in.readBoolean() ? codec.read(in) : null;
    } catch (EOFException e) {
      throw new IOException("a temporary sort file ends early", e);
    }
  }

  /** Removes the run files and their folder. */
  @Override
  public void close() {
    for (DataInputStream in : open) {
      try {
        in.close();
      } catch (IOException e) {
        // the file is deleted below either way
      }
    }
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
        OutOfHeap.forget(f.toFile());
      }
      Files.deleteIfExists(dir);
      OutOfHeap.forget(dir.toFile());
    } catch (IOException e) {
      // best effort: the folder is in the temporary directory and named for this run
    }
  }
}
