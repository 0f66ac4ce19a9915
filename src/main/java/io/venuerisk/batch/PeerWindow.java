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
import java.util.Set;
import java.util.TreeMap;
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
 * events pairwise, and so do times: two events of one venue on one day whose times do not overlap
 * are taken out of each other's days in common. The groups are exactly those {@link PeerGroups#of}
 * builds from {@link Peers#among} the whole calendar.
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

    /**
     * Events of its venue that share a day with it but not a time (null while none): they follow
     * each other, so they are not among its days in common.
     */
    private List<Near> apart;

    /**
     * Events of its venue that share a day with it without the times to tell (null while none):
     * counted among its days in common, and the groups say it was assumed.
     */
    private List<Near> untimed;

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

  /** Another event of the same venue, as much of it as the days in common need. */
  private record Near(String id, long start, int classes) {
    Near(Item i) {
      this(i.id, i.start, i.classes);
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
   * One day of one city: per peer class, the ids of the events running and of those starting, each
   * with how many events hold it (an id given twice is one peer, unless times take one out; null
   * while there are none).
   */
  private static final class Day {
    @SuppressWarnings("unchecked")
    final TreeMap<String, Integer>[] running = new TreeMap[CLASSES.length];

    @SuppressWarnings("unchecked")
    final TreeMap<String, Integer>[] starting = new TreeMap[CLASSES.length];

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
            s,
            item.venue,
            o,
            other.venue,
            (kind, day, assumed) -> item.backToBack.relate(o, kind, day, assumed));
        Peers.backToBack(
            o,
            other.venue,
            s,
            item.venue,
            (kind, day, assumed) -> other.backToBack.relate(s, kind, day, assumed));
        if (!item.id.equals(other.id) && Peers.shareDay(s, o)) {
          switch (Peers.timing(s, o)) {
            case APART -> {
              item.apart = with(item.apart, new Near(other));
              other.apart = with(other.apart, new Near(item));
            }
            case UNKNOWN -> {
              item.untimed = with(item.untimed, new Near(other));
              other.untimed = with(other.untimed, new Near(item));
            }
            case OVERLAP -> {}
          }
        }
      }
      atVenue.add(item);
    }
    running.add(item);
  }

  private static List<Near> with(List<Near> list, Near n) {
    List<Near> out = list == null ? new ArrayList<>(2) : list;
    out.add(n);
    return out;
  }

  private static void add(TreeMap<String, Integer>[] byClass, Item item) {
    for (int c = 0; c < byClass.length; c++) {
      if ((item.classes & 1 << c) != 0) {
        if (byClass[c] == null) {
          byClass[c] = new TreeMap<>();
        }
        byClass[c].merge(item.id, 1, Integer::sum);
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
   * they start), less those of its venue whose times keep apart from its own. Every one of them is
   * in the window while the event is: none has been released.
   */
  private static void sameDay(Item item, City city, List<PeerGroup> out) {
    Day first = city.days.get(item.start);
    for (int c = 0; c < CLASSES.length; c++) {
      Map<Long, Map<String, Integer>> apart = apart(item, 1 << c);
      TreeMap<String, Integer> running = first.running[c];
      Set<String> gone = gone(running, apart.get(item.start));
      int count = others(running, item.id) - gone.size();
      long common = count > 0 ? item.start : Long.MIN_VALUE;
      boolean varied = false;
      Iterable<String> ids = without(running, gone);
      if (item.end > item.start) {
        TreeSet<String> all = new TreeSet<>();
        ids.forEach(all::add);
        for (long d = item.start + 1; d <= item.end; d++) {
          TreeMap<String, Integer> starting = city.days.get(d).starting[c];
          Set<String> goneThen = gone(starting, apart.get(d));
          if (others(starting, item.id) - goneThen.size() > 0) {
            varied |= common != Long.MIN_VALUE;
            common = d;
            without(starting, goneThen).forEach(all::add);
          }
        }
        ids = all;
        count = all.size() - (all.contains(item.id) ? 1 : 0);
      }
      if (count == 0) {
        continue;
      }
      out.add(
          PeerGroup.of(
              item.scenario,
              PeerKind.SAME_CITY_SAME_DAY,
              CLASSES[c],
              count,
              ids,
              item.id,
              varied ? null : LocalDate.ofEpochDay(common),
              untimed(item, 1 << c)));
    }
  }

  /**
   * The events of the item's venue in class {@code bit} whose times keep apart from its own, by the
   * day they would share with it (its first day, or the later day they start) and id, counted.
   */
  private static Map<Long, Map<String, Integer>> apart(Item item, int bit) {
    if (item.apart == null) {
      return Map.of();
    }
    Map<Long, Map<String, Integer>> out = new HashMap<>();
    for (Near n : item.apart) {
      if ((n.classes() & bit) != 0) {
        out.computeIfAbsent(Math.max(n.start(), item.start), k -> new HashMap<>())
            .merge(n.id(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The ids every event of which on that day is apart in time: not peers that day. */
  private static Set<String> gone(TreeMap<String, Integer> ids, Map<String, Integer> apart) {
    if (ids == null || apart == null) {
      return Set.of();
    }
    Set<String> out = new java.util.HashSet<>();
    apart.forEach(
        (id, n) -> {
          if (ids.getOrDefault(id, 0) <= n) {
            out.add(id);
          }
        });
    return out;
  }

  /** The ids of a day less those gone, read lazily: a group names only the first few. */
  private static Iterable<String> without(TreeMap<String, Integer> ids, Set<String> gone) {
    if (ids == null) {
      return List.of();
    }
    if (gone.isEmpty()) {
      return ids.keySet();
    }
    return () -> ids.keySet().stream().filter(id -> !gone.contains(id)).iterator();
  }

  /**
   * The ids, sorted, of the events of its venue in class {@code bit} it shares a day with untimed.
   */
  private static List<String> untimed(Item item, int bit) {
    if (item.untimed == null) {
      return List.of();
    }
    TreeSet<String> out = new TreeSet<>();
    for (Near n : item.untimed) {
      if ((n.classes() & bit) != 0) {
        out.add(n.id());
      }
    }
    return List.copyOf(out);
  }

  /** The ids in {@code ids} other than {@code own}: an event given twice is never its own peer. */
  private static int others(TreeMap<String, Integer> ids, String own) {
    if (ids == null) {
      return 0;
    }
    return ids.size() - (ids.containsKey(own) ? 1 : 0);
  }
}
