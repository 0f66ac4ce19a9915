package io.venuerisk.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.EventType;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.time.zone.ZoneRulesException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * iCalendar (RFC 5545), parsed by ical4j: each VEVENT is one scenario. UID is the id, SUMMARY the
 * name, DTSTART and DTEND (or DURATION) the dates and, as date-times, the start and end times (an
 * all-day event has none), the first CATEGORIES value that is an event type the event type,
 * LOCATION a venue of the registry by id or name, and {@code X-VENUE-RISK-*} properties named after
 * JSON paths give the other facts. An all-day DTEND is exclusive, so {@code
 * DTEND;VALUE=DATE:20261221} ends a one-day event on 20 December. A date-time is dated where it is
 * written (its TZID, or UTC for a time ending in Z).
 *
 * <p>ical4j builds the whole calendar in memory, so an .ics file is not streamed like the other
 * formats; calendars of this format are a season, not millions of rows.
 */
public final class ICalendarCalendar implements CalendarReader {
  static final String PREFIX = "X-VENUE-RISK-";

  private final RecordBinder binder;

  public ICalendarCalendar(ScenarioJson json, VenueRegistry venues) {
    this.binder = new RecordBinder(json, venues);
  }

  @Override
  public void read(String file, InputStream in, Sink sink) {
    Calendar calendar;
    byte[] bytes;
    try {
      bytes = ScenarioJson.readAll(file, in, Limits.MAX_ICALENDAR_BYTES);
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    Optional<CalendarFormat> other =
        CalendarFormat.looksLike(bytes, Math.min(bytes.length, 1 << 12))
            .filter(f -> f != CalendarFormat.ics);
    if (other.isPresent()) {
      // a CSV or JSON calendar named .ics: one error for the file, in the words of what it holds
      throw new InputException(file, 1, 0, null, CalendarFormat.ics.holds(other.get()));
    }
    try {
      calendar =
          builder()
              .build(
                  new InputStreamReader(
                      new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    } catch (ParserException e) {
      throw new InputException(
          file,
          Math.max(0, e.getLineNo()),
          0,
          null,
          "not an iCalendar file: " + PlainWords.icalendar(e.getMessage(), blank(bytes)));
    } catch (IOException | RuntimeException e) {
      throw InputException.of(
          file, "not an iCalendar file: " + PlainWords.icalendar(e.getMessage(), blank(bytes)));
    }
    List<VEvent> events = new ArrayList<>();
    for (CalendarComponent c : calendar.getComponents()) {
      if (c instanceof VEvent event) {
        events.add(event);
      }
    }
    // a series and the VEVENTs that replace single occurrences of it (same UID, RECURRENCE-ID)
    Set<String> series = new HashSet<>();
    Map<String, List<Numbered>> overrides = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      VEvent e = events.get(i);
      Optional<String> uid = text(e, Property.UID);
      if (uid.isEmpty()) {
        continue;
      }
      if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
        overrides.computeIfAbsent(uid.get(), k -> new ArrayList<>()).add(new Numbered(e, i + 1));
      } else if (Recurrence.isSeries(e)) {
        series.add(uid.get());
      }
    }
    for (int i = 0; i < events.size(); i++) {
      VEvent event = events.get(i);
      long record = i + 1;
      Optional<String> uid = text(event, Property.UID);
      boolean override = event.getProperty(Property.RECURRENCE_ID).isPresent();
      if (override && uid.isPresent() && series.contains(uid.get())) {
        continue; // read with its series, in the series' place
      }
      List<Numbered> moved =
          Recurrence.isSeries(event) && !override
              ? overrides.getOrDefault(uid.orElse(""), List.of())
              : List.of();
      try {
        if (Recurrence.isSeries(event) && !override) {
          occurrences(file, event, record, moved, sink);
        } else if (override) {
          // an occurrence whose series is not in the file: the one event it describes
          sink.scenario(binder.bind(file, occurrence(file, event)), record, 0);
        } else {
          sink.scenario(binder.bind(file, tree(file, event)), record, 0);
        }
      } catch (InputException e) {
        sink.rejected(withUid(withMoved(e, moved), record, uid.orElse(null)));
      } catch (DateTimeException e) {
        // ical4j resolves a TZID, and works out dates, only when they are asked for
        sink.rejected(withUid(withMoved(dateTime(file, e), moved), record, uid.orElse(null)));
      }
    }
  }

  /**
   * A rejected series' error, saying that the VEVENTs which move its occurrences go with it: they
   * are not scored either, and would otherwise vanish without a word.
   */
  private static InputException withMoved(InputException e, List<Numbered> moved) {
    if (moved.isEmpty()) {
      return e;
    }
    List<String> records = moved.stream().map(m -> String.valueOf(m.record())).toList();
    return new InputException(
        e.file(),
        e.line(),
        e.column(),
        e.record(),
        e.field(),
        e.problem()
            + "; so neither is the VEVENT with its UID and a RECURRENCE-ID (record"
            + (records.size() == 1 ? " " : "s ")
            + String.join(", ", records)
            + ")");
  }

  /** A date, a time or a time zone of the event that ical4j cannot work with. */
  private static InputException dateTime(String file, DateTimeException e) {
    String why = ScenarioJson.firstLine(String.valueOf(e.getMessage()));
    return e instanceof ZoneRulesException
        ? new InputException(
            file,
            0,
            0,
            "TZID",
            why
                + "; expected an IANA time zone (Europe/London) or one the file defines in a"
                + " VTIMEZONE")
        : new InputException(file, 0, 0, null, "a date or time that cannot be used: " + why);
  }

  /** A VEVENT and its record number: its place among the file's VEVENTs. */
  private record Numbered(VEvent event, long record) {}

  /** The error placed at its record, with the event's UID: what a user searches the file for. */
  private static InputException withUid(InputException e, long record, String uid) {
    InputException placed = CalendarReader.place(e, record, 0, 0);
    return uid == null
        ? placed
        : new InputException(
            placed.file(), 0, 0, record, placed.field(), placed.problem() + " (UID " + uid + ")");
  }

  /**
   * The occurrences of a series within the window ({@link Recurrence}), each an event of its own
   * whose id is the UID and the day of the occurrence ({@code market-42#2026-05-02}); an occurrence
   * a VEVENT with the series' UID and a RECURRENCE-ID replaces is that VEVENT's event, under the
   * same id. A fault of the series rejects its record once, not once per occurrence; a fault of a
   * replacing VEVENT rejects only that one.
   */
  private void occurrences(
      String file, VEvent event, long record, List<Numbered> replaced, Sink sink) {
    ObjectNode base = tree(file, event);
    DtStart<?> start = event.getDateTimeStart();
    if (start == null || start.getDate() == null) {
      binder.bind(file, base); // no date: the binder says so, as for any event
      return;
    }
    LocalDate firstOwn = LocalDate.parse(base.get("date").asText());
    LocalDate lastOwn =
        base.has("endDate") ? LocalDate.parse(base.get("endDate").asText()) : firstOwn;
    Recurrence.Expansion x = Recurrence.expand(file, event, start.getDate(), firstOwn, lastOwn);
    String uid = base.has("id") ? base.get("id").asText() : null;
    record Made(LocalDate start, LocalDate original, long record, ObjectNode tree) {}
    List<Made> made = new ArrayList<>();
    TreeMap<LocalDate, Recurrence.Occurrence> days = new TreeMap<>(x.occurrences());
    for (Numbered o : replaced) {
      try {
        LocalDate original = recurrenceDay(file, o.event());
        if (original.isBefore(firstOwn) || !original.isBefore(x.windowEnd())) {
          continue; // replaces an occurrence outside the window: not scored with the series
        }
        days.remove(original);
        ObjectNode tree = occurrence(file, o.event());
        LocalDate moved = LocalDate.parse(tree.path("date").asText(original.toString()));
        made.add(new Made(moved, original, o.record(), tree));
      } catch (InputException e) {
        sink.rejected(withUid(e, o.record(), uid));
      } catch (DateTimeException e) {
        sink.rejected(withUid(dateTime(file, e), o.record(), uid));
      }
    }
    for (Recurrence.Occurrence day : days.values()) {
      ObjectNode tree = base.deepCopy();
      if (uid != null) {
        tree.put("id", uid + "#" + day.first());
      }
      tree.put("date", day.first().toString());
      tree.remove("endDate");
      if (!day.last().equals(day.first())) {
        tree.put("endDate", day.last().toString());
      }
      made.add(new Made(day.first(), day.first(), record, tree));
    }
    made.sort(java.util.Comparator.comparing(Made::start).thenComparing(Made::original));
    // bound first, so that a fault the occurrences share rejects the record once
    List<Scenario> scenarios = new ArrayList<>(made.size());
    List<Long> records = new ArrayList<>(made.size());
    for (Made m : made) {
      try {
        scenarios.add(binder.bind(file, m.tree()));
        records.add(m.record());
      } catch (InputException e) {
        if (m.record() == record) {
          throw e;
        }
        sink.rejected(withUid(e, m.record(), uid));
      }
    }
    if (x.cut() != null) {
      sink.warning(
          withUid(
              new InputException(
                  file,
                  0,
                  0,
                  x.cut(),
                  "the series goes on past "
                      + x.windowEnd().minusDays(1)
                      + ": only its "
                      + x.occurrences().size()
                      + " occurrences from "
                      + firstOwn
                      + " are scored (at most "
                      + Recurrence.MAX_OCCURRENCES
                      + " occurrences, and none "
                      + Recurrence.WINDOW_YEARS
                      + " years after DTSTART or later; see docs/batch.md)"),
              record,
              uid));
    }
    for (int i = 0; i < scenarios.size(); i++) {
      sink.scenario(scenarios.get(i), records.get(i), 0);
    }
  }

  /** A VEVENT that replaces one occurrence of a series: its own event, id UID#original-day. */
  private ObjectNode occurrence(String file, VEvent event) {
    ObjectNode tree = tree(file, event);
    if (tree.has("id")) {
      tree.put("id", tree.get("id").asText() + "#" + recurrenceDay(file, event));
    }
    return tree;
  }

  /** The day of the occurrence a RECURRENCE-ID names. */
  private static LocalDate recurrenceDay(String file, VEvent event) {
    Optional<Property> rid = event.getProperty(Property.RECURRENCE_ID);
    Temporal t = rid.map(p -> (Temporal) ((RecurrenceId<?>) p).getDate()).orElse(null);
    if (t == null) {
      throw new InputException(file, 0, 0, "RECURRENCE-ID", "expected a date or a date-time");
    }
    return Recurrence.day(file, t);
  }

  /**
   * ical4j's builder, except that a property value it cannot parse (DTSTART:20261345) becomes a
   * marker property on its event instead of failing the whole file: one bad event must not sink the
   * others (the other calendar formats reject such a record alone, too).
   */
  private static CalendarBuilder builder() {
    List<PropertyFactory<?>> factories = new ArrayList<>();
    for (PropertyFactory<?> f : new DefaultPropertyFactorySupplier().get()) {
      factories.add(new Lenient(f));
    }
    return new CalendarBuilder(
        CalendarParserFactory.getInstance().get(),
        new ContentHandlerContext().withPropertyFactorySupplier(() -> factories),
        TimeZoneRegistryFactory.getInstance().createRegistry());
  }

  /** Names a property whose value ical4j could not parse: {@code X-INVALID-DTSTART}. */
  static final String INVALID = "X-INVALID-";

  private record Lenient(PropertyFactory<?> inner) implements PropertyFactory<Property> {
    @Override
    public Property createProperty() {
      return inner.createProperty();
    }

    @Override
    public Property createProperty(ParameterList parameters, String value) {
      try {
        return inner.createProperty(parameters, value);
      } catch (RuntimeException e) {
        return new XProperty(INVALID + inner.createProperty().getName(), parameters, value);
      }
    }

    @Override
    public boolean supports(String name) {
      return inner.supports(name);
    }
  }

  private ObjectNode tree(String file, VEvent event) {
    for (Property p : event.getProperties()) {
      if (p.getName().startsWith(INVALID)) {
        String name = p.getName().substring(INVALID.length());
        throw new InputException(
            file,
            0,
            0,
            name,
            "'"
                + p.getValue()
                + "' is not a valid "
                + name
                + " value"
                + (name.startsWith("DT")
                    ? "; expected a date (20261220) or a date-time (20261220T180000, Z for UTC)"
                    : ""));
      }
    }
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    text(event, Property.UID).ifPresent(v -> tree.put("id", v));
    text(event, Property.SUMMARY).ifPresent(v -> tree.put("name", v));
    DtStart<?> start = event.getDateTimeStart();
    if (start != null && start.getDate() != null) {
      Temporal from = start.getDate();
      LocalDate first = day(file, from);
      tree.put("date", first.toString());
      Temporal to = end(event, from);
      LocalDate last = to == null ? first : lastDay(file, to, first);
      if (!last.equals(first)) {
        tree.put("endDate", last.toString());
      }
      // a date-time gives the times; an all-day event has none, and an end at the very start is
      // an instant (RFC 5545), not the 24 hours an end time equal to the start time would say
      java.time.LocalTime startTime = Recurrence.time(from);
      if (startTime != null) {
        tree.put("startTime", startTime.toString());
        java.time.LocalTime endTime = to == null || to.equals(from) ? null : Recurrence.time(to);
        if (endTime != null) {
          tree.put("endTime", endTime.toString());
        }
      }
    }
    List<String> categories = new ArrayList<>();
    for (Property p : event.getProperties(Property.CATEGORIES)) {
      ((Categories) p)
          .getCategories().getTexts().stream()
              .map(String::strip)
              .filter(c -> !c.isEmpty())
              .forEach(categories::add);
    }
    eventType(categories).ifPresent(type -> tree.putObject("event").put("type", type));
    Optional<String> location = text(event, Property.LOCATION);
    if (location.isPresent()) {
      VenueRegistry venues = binder.venues();
      if (venues == null) {
        throw new InputException(
            file,
            0,
            0,
            "LOCATION",
            "'"
                + location.get()
                + "' names a venue, but no venue registry was given (--venues FILE)");
      }
      tree.set("venue", venues.locate(file, location.get()).deepCopy());
    }
    for (Property p : event.getProperties()) {
      String name = p.getName().toUpperCase(Locale.ROOT);
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String dotted = name.substring(PREFIX.length()).replace('-', '.');
      String path =
          ScenarioTree.canonical(dotted)
              .orElseThrow(
                  () ->
                      new InputException(
                          file,
                          0,
                          0,
                          null,
                          ScenarioTree.unknown("property", p.getName())
                              .replace(
                                  "expected a scenario field path",
                                  "expected X-VENUE-RISK- and a scenario field path")));
      ScenarioTree.put(file, tree, path, p.getValue() == null ? "" : p.getValue().strip());
    }
    if (!tree.path("event").has("type")) {
      throw new InputException(file, 0, 0, "CATEGORIES", noEventType(categories));
    }
    return tree;
  }

  /**
   * The first CATEGORIES value that is an event type code. Calendar apps capitalise their
   * categories ("Concert"), so the case does not matter here; the other values are the user's own
   * tags and are ignored.
   */
  private static Optional<String> eventType(List<String> categories) {
    for (String c : categories) {
      for (EventType t : EventType.values()) {
        if (((Vocabulary) t).code().equalsIgnoreCase(c)) {
          return Optional.of(t.code());
        }
      }
    }
    return Optional.empty();
  }

  /** Which property is missing, or which values are not an event type, and how to give one. */
  private static String noEventType(List<String> categories) {
    List<String> codes = Arrays.stream(EventType.values()).map(EventType::code).toList();
    String how =
        "CATEGORIES:concert (one value may be the event type, the others are free tags)"
            + " or X-VENUE-RISK-EVENT-TYPE:concert, with one of "
            + String.join(", ", codes);
    if (categories.isEmpty()) {
      return "missing, and no X-VENUE-RISK-EVENT-TYPE: the event type is required; give it as "
          + how;
    }
    String hint =
        categories.stream()
            .map(c -> Nearest.of(c, codes))
            .flatMap(Optional::stream)
            .findFirst()
            .map(n -> "; nearest: " + n)
            .orElse("");
    String given = String.join(",", categories);
    given = given.length() <= 60 ? given : given.substring(0, 57) + "...";
    return "no value of '" + given + "' is an event type; add one, as " + how + hint;
  }

  /** When the event ends: its DTEND, or DTSTART and DURATION; null with neither. */
  private static Temporal end(VEvent event, Temporal from) {
    DtEnd<?> end = event.getDateTimeEnd();
    if (end != null && end.getDate() != null) {
      return end.getDate();
    }
    Optional<Property> d = event.getProperty(Property.DURATION);
    if (d.isPresent()) {
      TemporalAmount amount = ((Duration) d.get()).getDuration();
      return from.plus(amount);
    }
    return null;
  }

  /**
   * The last day of an event starting on {@code first} and ending at {@code to}: an all-day end is
   * exclusive (RFC 5545), and a time of midnight ends the day before.
   */
  static LocalDate lastDay(String file, Temporal to, LocalDate first) {
    LocalDate last;
    if (to instanceof LocalDate endDay) {
      last = endDay.minusDays(1);
    } else {
      last = day(file, to.minus(1, ChronoUnit.NANOS));
    }
    return last.isBefore(first) ? first : last;
  }

  private static LocalDate day(String file, Temporal t) {
    return Recurrence.day(file, t);
  }

  private static Optional<String> text(Component c, String property) {
    return c.getProperty(property)
        .map(Property::getValue)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
