package io.venuerisk.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.EventType;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import net.fortuna.ical4j.model.property.XProperty;

/**
 * iCalendar (RFC 5545), parsed by ical4j: each VEVENT is one scenario. UID is the id, SUMMARY the
 * name, DTSTART and DTEND (or DURATION) the dates, the first CATEGORIES value that is an event type
 * the event type, LOCATION a venue of the registry by id or name, and {@code X-VENUE-RISK-*}
 * properties named after JSON paths give the other facts. An all-day DTEND is exclusive, so {@code
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
          "not an iCalendar file: " + ScenarioJson.firstLine(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      throw InputException.of(
          file, "not an iCalendar file: " + ScenarioJson.firstLine(String.valueOf(e.getMessage())));
    }
    long record = 0;
    for (CalendarComponent c : calendar.getComponents()) {
      if (!(c instanceof VEvent event)) {
        continue;
      }
      record++;
      try {
        sink.scenario(binder.bind(file, tree(file, event)), record, 0);
      } catch (InputException e) {
        String uid = text(event, Property.UID).orElse(null);
        InputException placed = CalendarReader.place(e, record, 0, 0);
        sink.rejected(
            uid == null
                ? placed
                : new InputException(
                    placed.file(),
                    0,
                    0,
                    record,
                    placed.field(),
                    placed.problem() + " (UID " + uid + ")"));
      }
    }
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
      LocalDate last = lastDay(file, event, from, first);
      if (!last.equals(first)) {
        tree.put("endDate", last.toString());
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

  private static LocalDate lastDay(String file, VEvent event, Temporal from, LocalDate first) {
    Temporal to = null;
    DtEnd<?> end = event.getDateTimeEnd();
    if (end != null && end.getDate() != null) {
      to = end.getDate();
    } else {
      Optional<Property> d = event.getProperty(Property.DURATION);
      if (d.isPresent()) {
        TemporalAmount amount = ((Duration) d.get()).getDuration();
        to = from.plus(amount);
      }
    }
    if (to == null) {
      return first;
    }
    LocalDate last;
    if (to instanceof LocalDate endDay) {
      last = endDay.minusDays(1); // an all-day DTEND is exclusive (RFC 5545)
    } else {
      last = day(file, to.minus(1, ChronoUnit.NANOS)); // ending at midnight ends the day before
    }
    return last.isBefore(first) ? first : last;
  }

  private static LocalDate day(String file, Temporal t) {
    if (t instanceof LocalDate d) {
      return d;
    }
    if (t instanceof LocalDateTime dt) {
      return dt.toLocalDate();
    }
    if (t instanceof ZonedDateTime z) {
      return z.toLocalDate();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    if (t instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC).toLocalDate();
    }
    throw new InputException(file, 0, 0, "DTSTART", "cannot read the date " + t);
  }

  private static Optional<String> text(Component c, String property) {
    return c.getProperty(property)
        .map(Property::getValue)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }
}
