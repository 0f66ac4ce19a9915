package io.venuerisk.batch;

import io.venuerisk.engine.PeerGroups;
import io.venuerisk.engine.Peers;
import io.venuerisk.model.PeerClass;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.PeerKind;
import io.venuerisk.model.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Works out each event's {@link PeerGroup}s while a calendar streams past, and releases an event
 * for scoring once no later event can relate to it.
 *
 * <p>Events pass through a reorder buffer of {@code reorder} events ordered by start date, then a
 * sweep by start date; an event is released when the sweep has passed the day after its last day.
 * Memory holds the reorder buffer and the events running at once: flat for a calendar roughly
 * ordered by date, however long.
 *
 * <p>Days in common are summarised per city and day, not found pair by pair: each day of a city
 * keeps, per {@link PeerClass}, the ids of the events running on it and of those starting on it,
 * and an event's groups are read from the days it runs. A one-day event's cost does not grow with
 * the number of events its city holds that day; only back to back, which is per venue, compares
 * events pairwise. The groups are exactly those {@link PeerGroups#of} builds from {@link
 * Peers#among} the whole calendar.
 *
 * <p>An event that arrives after the sweep has passed its start date (the calendar is out of order
 * by more than the buffer) raises {@link OutOfOrder}: the caller then reads the calendar again
 * sorted by date.
 */
final class PeerWindow {
  private static final PeerClass[] CLASSES = PeerClass.values();

  /** An event with its input position and, once released, its peer groups. */
  static final class Item {
    final long seq;
    final Scenario scenario;
    final String id;
    final String city;
    final String venue;
    // epoch days, compared on every queue operation; LocalDate works them out each time
    final long start;
    final long end;

    /** Bit {@code c.ordinal()} set when the event belongs to peer class {@code c}. */
    final int classes;

    /** Back-to-back relations, found pairwise among the events of one venue (few). */
    private final PeerGroups.Builder backToBack;

    private List<PeerGroup> groups = List.of();

    Item(long seq, Scenario scenario) {
      this.seq = seq;
      this.scenario = scenario;
      this.id = scenario.id();
      this.city = Peers.cityKey(scenario);
      this.venue = Peers.venueKey(scenario);
      this.start = scenario.startDay();
      this.end = scenario.endDay();
      int mask = 0;
      for (PeerClass c : CLASSES) {
        if (c.contains(scenario)) {
          mask |= 1 << c.ordinal();
        }
      }
      this.classes = mask;
      this.backToBack = new PeerGroups.Builder(scenario);
    }

    /** The groups the rules read, in kind then class order; empty until the event is released. */
    List<PeerGroup> groups() {
      return groups;
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

  /**
   * One day of one city: per peer class, the ids of the events running and of those starting (null
   * while there are none).
   */
  private static final class Day {
    @SuppressWarnings("unchecked")
    final TreeSet<String>[] running = new TreeSet[CLASSES.length];

    @SuppressWarnings("unchecked")
    final TreeSet<String>[] starting = new TreeSet[CLASSES.length];

    /** Events in the window that run on this day; the day is dropped when none is left. */
    int events;
  }

  /**
   * The events in the window of one city: its days and its venues. Every event holds the days it
   * runs, so the city is empty when its days are.
   */
  private static final class City {
    final Map<Long, Day> days = new HashMap<>();
    final Map<String, List<Item>> venues = new HashMap<>();
  }

  private static final Comparator<Item> BY_START =
      Comparator.comparingLong((Item i) -> i.start).thenComparingLong(i -> i.seq);
  private static final Comparator<Item> BY_END =
      Comparator.comparingLong((Item i) -> i.end).thenComparingLong(i -> i.seq);

  private final int reorder;
  private final Consumer<Item> release;
  private final PriorityQueue<Item> buffer = new PriorityQueue<>(BY_START);
  private final PriorityQueue<Item> running = new PriorityQueue<>(BY_END);
  private final Map<String, City> cities = new HashMap<>();
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
    City city = cities.computeIfAbsent(item.city, k -> new City());
    for (long d = item.start; d <= item.end; d++) {
      Day day = city.days.computeIfAbsent(d, k -> new Day());
      day.events++;
      add(day.running, item);
      if (d == item.start) {
        add(day.starting, item);
      }
    }
    if (item.venue != null) {
      List<Item> atVenue = city.venues.computeIfAbsent(item.venue, k -> new ArrayList<>());
      for (Item other : atVenue) {
        Scenario o = other.scenario;
        Scenario s = item.scenario;
        Peers.backToBack(
            s, item.venue, o, other.venue, (kind, day) -> item.backToBack.relate(o, kind, day));
        Peers.backToBack(
            o, other.venue, s, item.venue, (kind, day) -> other.backToBack.relate(s, kind, day));
      }
      atVenue.add(item);
    }
    running.add(item);
  }

  private static void add(TreeSet<String>[] byClass, Item item) {
    for (int c = 0; c < byClass.length; c++) {
      if ((item.classes & 1 << c) != 0) {
        if (byClass[c] == null) {
          byClass[c] = new TreeSet<>();
        }
        byClass[c].add(item.id);
      }
    }
  }

  private void done(Item item) {
    City city = cities.get(item.city);
    List<PeerGroup> groups = new ArrayList<>();
    sameDay(item, city, groups);
    item.backToBack.addTo(groups);
    item.groups = groups;
    for (long d = item.start; d <= item.end; d++) {
      if (--city.days.get(d).events == 0) {
        city.days.remove(d);
      }
    }
    if (item.venue != null) {
      List<Item> atVenue = city.venues.get(item.venue);
      atVenue.remove(item);
      if (atVenue.isEmpty()) {
        city.venues.remove(item.venue);
      }
    }
    if (city.days.isEmpty()) {
      cities.remove(item.city);
    }
    release.accept(item);
  }

  /**
   * The event's days in common with the other events of its city, per class: those running on its
   * first day (they share that day) and those starting on a later day of it (they share the day
   * they start). Every one of them is in the window while the event is: none has been released.
   */
  private static void sameDay(Item item, City city, List<PeerGroup> out) {
    Day first = city.days.get(item.start);
    for (int c = 0; c < CLASSES.length; c++) {
      TreeSet<String> ids = first.running[c];
      long common = others(ids, item.id) > 0 ? item.start : Long.MIN_VALUE;
      boolean varied = false;
      if (item.end > item.start) {
        ids = ids == null ? new TreeSet<>() : new TreeSet<>(ids);
        for (long d = item.start + 1; d <= item.end; d++) {
          TreeSet<String> starting = city.days.get(d).starting[c];
          if (others(starting, item.id) > 0) {
            varied |= common != Long.MIN_VALUE;
            common = d;
            ids.addAll(starting);
          }
        }
      }
      int count = others(ids, item.id);
      if (count == 0) {
        continue; // ids is null only then
      }
      out.add(
          PeerGroup.of(
              item.scenario,
              PeerKind.SAME_CITY_SAME_DAY,
              CLASSES[c],
              count,
              ids,
              item.id,
              varied ? null : LocalDate.ofEpochDay(common)));
    }
  }

  /** The ids in {@code ids} other than {@code own}: an event given twice is never its own peer. */
  private static int others(TreeSet<String> ids, String own) {
    if (ids == null) {
      return 0;
    }
    return ids.size() - (ids.contains(own) ? 1 : 0);
  }
}
