package io.venuerisk.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.engine.PeerGroups;
import io.venuerisk.engine.Peers;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.PeerClass;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.PeerKind;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PeerWindowTest {
  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static Scenario event(String id, int from, int to, String city, String venue) {
    return new Scenario(
        id,
        id,
        DAY.plusDays(from),
        DAY.plusDays(to),
        new Venue(null, venue, VenueType.ARENA, true, 5000, city, "DE"),
        new EventInfo(EventType.CONCERT, 5000, false),
        null,
        null);
  }

  static Map<String, TreeSet<String>> peers(int reorder, List<Scenario> events) throws Exception {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    PeerWindow w =
        new PeerWindow(
            reorder,
            item -> {
              TreeSet<String> s = new TreeSet<>();
              for (PeerGroup g : item.groups()) {
                if (g.peerClass() == PeerClass.ANY) {
                  g.named().forEach(id -> s.add(g.kind().code() + ":" + id));
                }
              }
              out.put(item.scenario.id(), s);
            });
    long seq = 0;
    for (Scenario e : events) {
      w.add(seq++, e);
    }
    w.finish();
    return out;
  }

  @Test
  void eventsInOneCityOnASharedDayAndBackToBackAtOneVenueArePeers() throws Exception {
    List<Scenario> cal =
        List.of(
            event("a", 0, 0, "Hamburg", "Arena"),
            event("b", 0, 2, "hamburg ", "Park"),
            event("c", 1, 1, "Hamburg", "Arena"),
            event("d", 1, 1, "Berlin", "Arena"),
            event("e", 5, 5, "Hamburg", "Arena"));
    Map<String, TreeSet<String>> p = peers(2, cal);
    assertThat(p.get("a")).containsExactly("same_city_same_day:b", "same_venue_back_to_back:c");
    assertThat(p.get("b")).containsExactly("same_city_same_day:a", "same_city_same_day:c");
    assertThat(p.get("c")).containsExactly("same_city_same_day:b", "same_venue_back_to_back:a");
    assertThat(p.get("d")).isEmpty();
    assertThat(p.get("e")).isEmpty();
  }

  @Test
  void theReorderBufferPutsARoughlyOrderedCalendarRightAndGivesTheSamePeersAsHoldingItWhole()
      throws Exception {
    List<Scenario> cal = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int day = i / 10 + (i % 7 == 0 ? 1 : 0) - (i % 5 == 0 ? 1 : 0);
      cal.add(
          event("e" + i, Math.max(0, day), Math.max(0, day) + i % 3, "City " + i % 4, "V" + i % 6));
    }
    assertThat(peers(50, cal)).isEqualTo(peers(0, cal));
  }

  @Test
  void memoryHoldsTheEventsRunningAtOnceNotTheCalendar() throws Exception {
    int[] maxHeld = {0};
    PeerWindow[] w = new PeerWindow[1];
    w[0] = new PeerWindow(100, item -> maxHeld[0] = Math.max(maxHeld[0], w[0].held()));
    for (int i = 0; i < 100_000; i++) {
      w[0].add(i, event("e" + i, i / 50, i / 50, "City " + i % 20, "V"));
    }
    w[0].finish();
    assertThat(maxHeld[0]).isLessThan(300);
  }

  @Test
  void anEventFarOutOfOrderAsksForTheWholeCalendar() {
    PeerWindow w = new PeerWindow(2, item -> {});
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 10; i++) {
                w.add(i, event("e" + i, i, i, "X", "V"));
              }
              w.add(10, event("late", 0, 0, "X", "V"));
            })
        .isInstanceOf(PeerWindow.OutOfOrder.class);
    assertThat(PeerKind.values()).hasSize(2);
  }

  /**
   * The window summarises days in common per city and day; whatever the calendar (events of several
   * days, one id given twice, cities written differently, events of every class), each event gets
   * exactly the groups built from its relations to every other event of the calendar.
   */
  @Property(tries = 300)
  void theWindowGivesEveryEventTheGroupsOfItsRelationsToTheWholeCalendar(
      @ForAll("calendars") List<Scenario> calendar) throws Exception {
    Map<Scenario, List<PeerGroup>> expected = new IdentityHashMap<>();
    for (PeerGroup g : PeerGroups.of(Peers.among(calendar))) {
      expected.computeIfAbsent(g.scenario(), k -> new ArrayList<>()).add(g);
    }
    Map<Scenario, List<PeerGroup>> got = new IdentityHashMap<>();
    PeerWindow w = new PeerWindow(0, item -> got.put(item.scenario, item.groups()));
    long seq = 0;
    for (Scenario e : calendar) {
      w.add(seq++, e);
    }
    w.finish();
    assertThat(got).hasSize(calendar.size());
    for (Scenario e : calendar) {
      assertThat(got.get(e)).as(e.id()).isEqualTo(expected.getOrDefault(e, List.of()));
    }
  }

  @Test
  void sessionsOfOneVenueApartInTimeAreBackToBackAndNotOnADayInCommon() throws Exception {
    List<Scenario> cal =
        List.of(
            timed(event("am", 0, 0, "Leeds", "Hall"), "09:00", "12:00"),
            timed(event("pm", 0, 0, "Leeds", "Hall"), "14:00", "17:00"),
            timed(event("mid", 0, 0, "Leeds", "Hall"), "11:00", "13:00"),
            event("gala", 0, 0, "Leeds", "Hall"));
    Map<String, TreeSet<String>> p = peers(2, cal);
    assertThat(p.get("am"))
        .containsExactly(
            "same_city_same_day:gala",
            "same_city_same_day:mid",
            "same_venue_back_to_back:gala",
            "same_venue_back_to_back:pm");
    assertThat(p.get("pm"))
        .containsExactly(
            "same_city_same_day:gala",
            "same_venue_back_to_back:am",
            "same_venue_back_to_back:gala",
            "same_venue_back_to_back:mid");
  }

  static Scenario timed(Scenario s, String start, String end) {
    return s.withTimes(
        start == null ? null : LocalTime.parse(start), end == null ? null : LocalTime.parse(end));
  }

  @Provide
  Arbitrary<List<Scenario>> calendars() {
    Arbitrary<LocalTime> time =
        Arbitraries.of(0, 6, 9, 12, 14, 18, 22, 23).map(h -> LocalTime.of(h, 0)).injectNull(0.3);
    Arbitrary<Scenario> event =
        Combinators.combine(
                Arbitraries.integers().between(0, 14), // id: a small pool, so some are given twice
                Arbitraries.integers().between(0, 9), // first day
                Arbitraries.integers()
                    .between(0, 3)
                    .map(n -> n < 3 ? 0 : Arbitraries.integers().between(1, 4).sample()),
                Arbitraries.of("Hamburg", "hamburg ", "Köln", "", null),
                Arbitraries.of("Arena", "Park", "arena", null),
                Arbitraries.of(50, 1_000, 12_000, 60_000),
                Arbitraries.of(true, false))
            .as(
                (id, from, length, city, venue, people, international) ->
                    new Scenario(
                        "e" + id,
                        "e" + id,
                        DAY.plusDays(from),
                        DAY.plusDays(from + length),
                        new Venue(null, venue, VenueType.ARENA, true, people, city, "DE"),
                        new EventInfo(EventType.CONCERT, people, international),
                        null,
                        null));
    // times, some missing, so that events of one venue on one day overlap, keep apart, or cannot
    // be told apart
    Arbitrary<Scenario> timedEvent =
        Combinators.combine(event, time, time).as((e, start, end) -> e.withTimes(start, end));
    return timedEvent.list().ofMaxSize(40);
  }
}
