package io.venuerisk.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external sort behind a calendar in any order: every item back, in order, and no file left.
 */
class SpillSortTest {
  @TempDir Path tmp;

  /** A pair sorted by its key only, so that ties show whether the order among equals holds. */
  record Item(int key, long seq) {}

  static final SpillSort.Codec<Item> CODEC =
      new SpillSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Item item) throws IOException {
          out.writeInt(item.key());
          out.writeLong(item.seq());
        }

        @Override
        public Item read(DataInputStream in) throws IOException {
          return new Item(in.readInt(), in.readLong());
        }

        @Override
        public long size(Item item) {
          return 12;
        }
      };

  static final Comparator<Item> ORDER =
      Comparator.comparingInt(Item::key).thenComparingLong(Item::seq);

  @Test
  void manyMoreRunsThanItMergesAtOnceStillComeBackInOrder() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("sort"));
    Random r = new Random(3);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      items.add(new Item(r.nextInt(500), i)); // many equal keys, as events share a day
    }
    List<Item> out = new ArrayList<>();
    try (SpillSort<Item> sort = new SpillSort<>(CODEC, ORDER, 12 * 100, dir)) {
      items.forEach(sort::add);
      assertThat(sort.runs()).as("runs written").isGreaterThan(SpillSort.MAX_FAN_IN * 2);
      for (Iterator<Item> it = sort.sorted(); it.hasNext(); ) {
        out.add(it.next());
      }
    }
    List<Item> expected = new ArrayList<>(items);
    expected.sort(ORDER);
    assertThat(out).containsExactlyElementsOf(expected);
    assertThat(dir).isEmptyDirectory(); // the sort's own folder is gone
  }

  @Test
  void aSortLeftUnreadStillRemovesItsFiles() throws Exception {
    // a batch that fails half-way closes its sorts without reading them
    Path dir = Files.createDirectory(tmp.resolve("sort"));
    try (SpillSort<Item> sort = new SpillSort<>(CODEC, ORDER, 12 * 10, dir)) {
      for (int i = 0; i < 1000; i++) {
        sort.add(new Item(i % 7, i));
      }
      assertThat(sort.runs()).isPositive();
      assertThat(dir).isNotEmptyDirectory();
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void underTheBudgetNothingIsWritten() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("sort"));
    try (SpillSort<Item> sort = new SpillSort<>(CODEC, ORDER, 1 << 20, dir)) {
      sort.add(new Item(2, 0));
      sort.add(new Item(1, 1));
      assertThat(sort.runs()).isZero();
      List<Item> out = new ArrayList<>();
      sort.sorted().forEachRemaining(out::add);
      assertThat(out).containsExactly(new Item(1, 1), new Item(2, 0));
      assertThat(dir).as("no folder made").isEmptyDirectory();
    }
  }
}
