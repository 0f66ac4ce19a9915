package io.venuerisk.io;

import io.venuerisk.model.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The occurrences of a recurring VEVENT (RRULE, RDATE, EXDATE) within a bounded window, worked out
 * by ical4j ({@link Recur} for the rules, {@code calculateRecurrenceSet} for the set of RFC 5545:
 * DTSTART and the rules' and RDATE's dates, less EXDATE's). venue-risk scores events by the day, so
 * an occurrence is a first and last day, and two occurrences starting the same day are one.
 *
 * <p>The window is {@link #WINDOW_YEARS} years from DTSTART and at most {@link #MAX_OCCURRENCES}
 * occurrences, whichever is shorter (docs/batch.md, "Recurring events"): a rule without COUNT or
 * UNTIL has no end, and a weekly market exported for ten years is a season's planning, not ten.
 * Each rule is first asked for at most one more date than the cap, so that no rule (a DAILY one
 * with no end) is ever expanded further than the cap needs.
 */
final class Recurrence {
  /** The most occurrences of one series that are scored. */
  static final int MAX_OCCURRENCES = 500;

  /** Occurrences starting this many years after DTSTART or later are not scored. */
  static final int WINDOW_YEARS = 2;

  private Recurrence() {}

  /** One occurrence: its first and last day. */
  record Occurrence(LocalDate first, LocalDate last) {}

  /**
   * The occurrences of a series, by start day, and whether the window cut some off.
   *
   * @param cut null when every occurrence is in the window, else the property that goes on past it
   *     (RRULE or RDATE)
   */
  record Expansion(Map<LocalDate, Occurrence> occurrences, String cut, LocalDate windowEnd) {}

  /** Whether a VEVENT is a series: it has an RRULE or an RDATE. */
  static boolean isSeries(VEvent event) {
    return event.getProperty(Property.RRULE).isPresent()
        || event.getProperty(Property.RDATE).isPresent();
  }

  /**
   * @param seed the event's DTSTART value
   * @param firstOwn the day DTSTART falls on, and {@code lastOwn} the last day of that occurrence
   * @throws InputException on RRULE for a rule that repeats within a day
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Expansion expand(
      String file, VEvent event, Temporal seed, LocalDate firstOwn, LocalDate lastOwn) {
    List<Recur> rules = new ArrayList<>();
    for (Property p : event.getProperties(Property.RRULE)) {
      Recur r = ((RRule) p).getRecur();
      withinADay(file, r);
      rules.add(r);
    }
    Temporal limit = plusYears(seed, WINDOW_YEARS);
    LocalDate end = day(file, limit);
    String cut = null;
    // a rule with more dates in the window than the cap ends the window at its first date past it
    for (Recur r : rules) {
      List<Temporal> dates = r.getDates(seed, seed, limit, MAX_OCCURRENCES + 1);
      if (dates.size() > MAX_OCCURRENCES) {
        LocalDate past = day(file, dates.get(MAX_OCCURRENCES));
        if (past.isBefore(end)) {
          end = past;
        }
        cut = "RRULE";
      }
    }
    Set<Period<Temporal>> periods;
    try {
      periods = event.calculateRecurrenceSet(new Period<>(seed, limit));
    } catch (RuntimeException e) {
      throw new InputException(
          file,
          0,
          0,
          rules.isEmpty() ? "RDATE" : "RRULE",
          "cannot expand the recurrence: "
              + ScenarioJson.firstLine(String.valueOf(e.getMessage())));
    }
    List<LocalDate> excluded = exceptionDays(file, event);
    TreeMap<LocalDate, Occurrence> days = new TreeMap<>();
    // RFC 5545: DTSTART is the first instance, whether or not it matches the rule
    if (!excluded.contains(firstOwn)) {
      days.put(firstOwn, new Occurrence(firstOwn, lastOwn));
    }
    for (Period<Temporal> p : periods) {
      LocalDate first = day(file, p.getStart());
      if (first.isBefore(end)) {
        days.putIfAbsent(
            first, new Occurrence(first, ICalendarCalendar.lastDay(file, p.getEnd(), first)));
      }
    }
    while (days.size() > MAX_OCCURRENCES) {
      days.pollLastEntry();
      end = days.lastKey().plusDays(1);
      cut = cut == null ? "RRULE" : cut;
    }
    if (cut == null) {
      cut = beyond(file, event, rules, seed, limit, day(file, limit));
    }
    return new Expansion(days, cut, end);
  }

  /** RRULE or RDATE when the series has an occurrence on or after the window's end, else null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String beyond(
      String file, VEvent event, List<Recur> rules, Temporal seed, Temporal limit, LocalDate end) {
    for (Recur r : rules) {
      // a rule without COUNT or UNTIL always goes on; one with them is asked for one date past
      if (!r.getDates(seed, limit, plusYears(limit, 1000), 1).isEmpty()) {
        return "RRULE";
      }
    }
    for (Property p : event.getProperties(Property.RDATE)) {
      RDate<Temporal> rdate = (RDate<Temporal>) p;
      List<Temporal> starts = new ArrayList<>();
      if (Optional.of(Value.PERIOD).equals(p.getParameter(Parameter.VALUE))) {
        rdate.getPeriods().ifPresent(set -> set.forEach(x -> starts.add(x.getStart())));
      } else {
        starts.addAll(rdate.getDates());
      }
      for (Temporal t : starts) {
        if (!day(file, t).isBefore(end)) {
          return "RDATE";
        }
      }
    }
    return null;
  }

  /** The days EXDATE names. */
  @SuppressWarnings("unchecked")
  private static List<LocalDate> exceptionDays(String file, VEvent event) {
    List<LocalDate> out = new ArrayList<>();
    for (Property p : event.getProperties(Property.EXDATE)) {
      for (Temporal t : ((DateListProperty<Temporal>) p).getDates()) {
        out.add(day(file, t));
      }
    }
    return out;
  }

  /** Refuses a rule that repeats within a day: the tool scores days, not hours. */
  private static void withinADay(String file, Recur<?> r) {
    Frequency f = r.getFrequency();
    String finer =
        f == Frequency.SECONDLY || f == Frequency.MINUTELY || f == Frequency.HOURLY
            ? "FREQ=" + f
            : r.getHourList().size() > 1
                ? "BYHOUR"
                : r.getMinuteList().size() > 1
                    ? "BYMINUTE"
                    : r.getSecondList().size() > 1 ? "BYSECOND" : null;
    if (finer != null) {
      throw new InputException(
          file,
          0,
          0,
          "RRULE",
          finer
              + " repeats the event within a day; venue-risk scores an event by its days, so give"
              + " a rule that repeats DAILY or less often (one occurrence a day)");
    }
  }

  static Temporal plusYears(Temporal t, int years) {
    if (t instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }
    return t.plus(years, ChronoUnit.YEARS);
  }

  /** The day a date or date-time falls on where it is written (its zone, or UTC). */
  /**
   * The time of day of a date-time as written (in its TZID, UTC for a time ending in Z), to the
   * minute; null for a date, which has none.
   */
  static java.time.LocalTime time(Temporal t) {
    java.time.LocalTime time;
    if (t instanceof LocalDateTime dt) {
      time = dt.toLocalTime();
    } else if (t instanceof ZonedDateTime z) {
      time = z.toLocalTime();
    } else if (t instanceof OffsetDateTime o) {
      time = o.toLocalTime();
    } else if (t instanceof Instant i) {
      time = i.atOffset(ZoneOffset.UTC).toLocalTime();
    } else {
      return null;
    }
    return time.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  }

  static LocalDate day(String file, Temporal t) {
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
}
