package io.venuerisk.batch;

import io.venuerisk.engine.PeerGroups;
import io.venuerisk.engine.Peers;
import io.venuerisk.model.Peer;
import io.venuerisk.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Works out each event's {@link Peer}s while a calendar streams past, and releases an event for
 * scoring once no later event can relate to it.
 *
 * <p>Events pass through a reorder buffer of {@code reorder} events ordered by start date, then a
 * sweep by start date: an event is compared with the events still running in its city, and is
 * released when the sweep has passed the day after its last day. Memory holds the reorder buffer
 * and the events running at once: flat for a calendar roughly ordered by date, however long.
 *
 * <p>An event that arrives after the sweep has passed its start date (the calendar is out of order
 * by more than the buffer) raises {@link OutOfOrder}: the caller then runs again with an unbounded
 * buffer ({@code reorder == 0}), which holds the whole calendar and is exact in any order.
 */
final class PeerWindow {
  /** An event with its input position and the peers found so far. */
  static final class Item {
    final long seq;
    final Scenario scenario;
    final String city;
    final String venue;
    // epoch days, compared on every queue operation; LocalDate works them out each time
    final long start;
    final long end;
    // the relations found so far, summarised as they come (PeerGroups): an event's cost does not
    // grow with the number of events it relates to
    final PeerGroups.Builder peers;

    Item(long seq, Scenario scenario) {
      this.seq = seq;
      this.scenario = scenario;
      this.city = Peers.cityKey(scenario);
      this.venue = Peers.venueKey(scenario);
      this.start = scenario.startDay();
      this.end = scenario.endDay();
      this.peers = new PeerGroups.Builder(scenario);
    }
  }

  /** The calendar is out of date order by more than the reorder buffer. */
  static final class OutOfOrder extends Exception {
    final long seq;

    OutOfOrder(long seq, Scenario s, long sweptTo) {
      super("event " + s.id() + " starts " + s.date() + ", before events already scored");
      this.seq = seq;
    }
  }

  private static final Comparator<Item> BY_START =
      Comparator.comparingLong((Item i) -> i.start).thenComparingLong(i -> i.seq);
  private static final Comparator<Item> BY_END =
      Comparator.comparingLong((Item i) -> i.end).thenComparingLong(i -> i.seq);

  private final int reorder;
  private final Consumer<Item> release;
  private final PriorityQueue<Item> buffer = new PriorityQueue<>(BY_START);
  private final PriorityQueue<Item> running = new PriorityQueue<>(BY_END);
  private final Map<String, List<Item>> byCity = new HashMap<>();
  private long swept = Long.MIN_VALUE;

  /**
   * @param reorder events held to put a roughly ordered calendar in order; 0 holds them all
   */
  PeerWindow(int reorder, Consumer<Item> release) {
    this.reorder = reorder;
    this.release = release;
  }

  void add(long seq, Scenario s) throws OutOfOrder {
    if (s.startDay() < swept) {
      throw new OutOfOrder(seq, s, swept);
    }
    buffer.add(new Item(seq, s));
    if (reorder > 0 && buffer.size() > reorder) {
      sweep(buffer.poll());
    }
  }

  /** Releases everything left, at the end of the calendar. */
  void finish() {
    while (!buffer.isEmpty()) {
      sweep(buffer.poll());
    }
    while (!running.isEmpty()) {
      done(running.poll());
    }
  }

  /** Events held now (for tests of flat memory). */
  int held() {
    return buffer.size() + running.size();
  }

  private void sweep(Item item) {
    swept = item.start;
    while (!running.isEmpty() && Peers.closedBy(running.peek().scenario, swept)) {
      done(running.poll());
    }
    if (item.city == null) {
      release.accept(item); // no city, no peers
      return;
    }
    List<Item> city = byCity.computeIfAbsent(item.city, k -> new ArrayList<>());
    for (Item other : city) {
      // keys worked out once per event: they lower-case and join strings
      Scenario o = other.scenario;
      Scenario s = item.scenario;
      Peers.inSameCity(
          s, item.venue, o, other.venue, (kind, day) -> item.peers.relate(o, kind, day));
      Peers.inSameCity(
          o, other.venue, s, item.venue, (kind, day) -> other.peers.relate(s, kind, day));
    }
    city.add(item);
    running.add(item);
  }

  private void done(Item item) {
    List<Item> city = byCity.get(item.city);
    city.remove(item);
    if (city.isEmpty()) {
      byCity.remove(item.city);
    }
    release.accept(item);
  }
}
