package io.venuerisk.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One proposed event at one venue: the input contract of {@code docs/scenario-format.md}.
 *
 * <p>The accessors below the components flatten the nested JSON shape so that rules read as {@code
 * Scenario( venueType == VenueType.MARKET, attendance >= 1000 )}; they never invent a fact (an
 * unknown stays null or empty).
 *
 * <p>{@code startTime} and {@code endTime} are optional local times at the venue: the event runs
 * from {@code startTime} on {@code date} to {@code endTime} on {@code endDate}, where an {@code
 * endTime} of 00:00 is the midnight that ends {@code endDate} and, on a one-day event, an {@code
 * endTime} not after {@code startTime} falls on the next day (22:00 to 02:00). They tell apart
 * events at one venue on one day (a morning and an afternoon session); the days alone decide every
 * other relation.
 *
 * <p>A scenario file may carry an {@code expect} object (checked by {@code venue-risk test}) and a
 * {@code $comment}; neither is a fact and neither affects the score.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"expect", "$comment"})
public record Scenario(
    String id,
    String name,
    LocalDate date,
    LocalDate endDate,
    LocalTime startTime,
    LocalTime endTime,
    Venue venue,
    EventInfo event,
    Profile profile,
    Security security,
    ScenarioContext context) {

  /** Minutes in a day, for {@link #startMinute()} and {@link #endMinute()}. */
  private static final long DAY_MINUTES = 24 * 60;

  public Scenario {
    if (endDate == null) {
      endDate = date;
    }
    if (profile == null) {
      profile = new Profile(null, null, null, null, null, null, null);
    }
    if (security == null) {
      security = new Security(null);
    }
    if (context == null) {
      context = ScenarioContext.NONE;
    }
  }

  /** A scenario without times. */
  public Scenario(
      String id,
      String name,
      LocalDate date,
      LocalDate endDate,
      Venue venue,
      EventInfo event,
      Profile profile,
      Security security,
      ScenarioContext context) {
    this(id, name, date, endDate, null, null, venue, event, profile, security, context);
  }

  /** A scenario with no declared context: the reference data decides the threat context. */
  public Scenario(
      String id,
      String name,
      LocalDate date,
      LocalDate endDate,
      Venue venue,
      EventInfo event,
      Profile profile,
      Security security) {
    this(id, name, date, endDate, venue, event, profile, security, null);
  }

  /** The same scenario with these measures in place instead of its own. */
  public Scenario withMeasures(List<Measure> measures) {
    return new Scenario(
        id,
        name,
        date,
        endDate,
        startTime,
        endTime,
        venue,
        event,
        profile,
        new Security(measures),
        context);
  }

  /** The same scenario with other event facts. */
  public Scenario withEvent(EventInfo other) {
    return new Scenario(
        id, name, date, endDate, startTime, endTime, venue, other, profile, security, context);
  }

  /** The same scenario at another venue (its country code read from a name or alias). */
  public Scenario withVenue(Venue other) {
    return new Scenario(
        id, name, date, endDate, startTime, endTime, other, event, profile, security, context);
  }

  /** The same scenario with another declared context (its own national threat level). */
  public Scenario withContext(ScenarioContext other) {
    return new Scenario(
        id, name, date, endDate, startTime, endTime, venue, event, profile, security, other);
  }

  /** The same scenario at these times (either may be null: not given). */
  public Scenario withTimes(LocalTime start, LocalTime end) {
    return new Scenario(
        id, name, date, endDate, start, end, venue, event, profile, security, context);
  }

  /**
   * A scenario is equal only to itself. Rules join facts on their scenario ({@code scenario ==
   * $s}), and a calendar may hold two value-equal events (a line given twice): each must keep its
   * own findings, never join the other's. Value comparison, where a test needs it, compares fields.
   */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  /**
   * Spreads ids across hash buckets (the engine and Drools hash a scenario for every fact derived
   * about it); consistent with identity equality, and the same on every run.
   */
  @Override
  public int hashCode() {
    int h = Objects.hashCode(id) * 0x9E3779B9 + Objects.hashCode(date);
    return h ^ (h >>> 16);
  }

  /** Expected attendance if given, else the venue capacity: the contract requires one of them. */
  public int attendance() {
    if (event != null && event.expectedAttendance() != null) {
      return event.expectedAttendance();
    }
    return venue != null && venue.capacity() != null ? venue.capacity() : 0;
  }

  public VenueType venueType() {
    return venue.type();
  }

  public EventType eventType() {
    return event.type();
  }

  public String country() {
    return venue.country();
  }

  public String city() {
    return venue.city();
  }

  /** Null when unknown. */
  public Boolean indoor() {
    return venue.indoor();
  }

  public boolean internationalProfile() {
    return Boolean.TRUE.equals(event.internationalProfile());
  }

  public long startDay() {
    return date.toEpochDay();
  }

  public long endDay() {
    return endDate.toEpochDay();
  }

  /**
   * When the event starts, in minutes from 1970-01-01 00:00 local time: {@code startTime} on {@code
   * date}, or the start of {@code date} when no start time is given.
   */
  public long startMinute() {
    long day = date.toEpochDay() * DAY_MINUTES;
    return startTime == null ? day : day + startTime.toSecondOfDay() / 60;
  }

  /**
   * When the event ends, as {@link #startMinute()}: {@code endTime} on {@code endDate}, 00:00 being
   * the midnight that ends it and an end not after the start the next day; the end of {@code
   * endDate} when no end time is given. Without a time the event takes its whole day, so two events
   * whose spans do not meet are apart whatever the missing time is.
   */
  public long endMinute() {
    long next = (endDate.toEpochDay() + 1) * DAY_MINUTES;
    if (endTime == null || endTime.equals(LocalTime.MIDNIGHT)) {
      return next;
    }
    long end = next - DAY_MINUTES + endTime.toSecondOfDay() / 60;
    return end <= startMinute() ? end + DAY_MINUTES : end;
  }

  /** Whether both times are given: only then can an overlap be known rather than assumed. */
  public boolean timed() {
    return startTime != null && endTime != null;
  }

  /**
   * The days and times as outputs show them: {@code 2026-06-12}, {@code 2026-06-12 to 2026-06-14},
   * {@code 2026-06-12 09:00 to 12:00}, {@code 2026-06-12 18:00 to 2026-06-14 10:00}, {@code
   * 2026-06-12 from 09:00}, {@code 2026-06-12 until 12:00}.
   */
  public String schedule() {
    return schedule(
        date.toString(),
        endDate.toString(),
        startTime == null ? null : startTime.toString(),
        endTime == null ? null : endTime.toString());
  }

  /** {@link #schedule()} from the ISO texts of the days and times; a time may be null. */
  public static String schedule(String date, String endDate, String startTime, String endTime) {
    boolean oneDay = endDate.equals(date);
    StringBuilder sb = new StringBuilder().append(date);
    if (startTime != null) {
      sb.append(oneDay && endTime == null ? " from " : " ").append(startTime);
    }
    if (!oneDay) {
      sb.append(" to ").append(endDate);
    }
    if (endTime != null) {
      sb.append(oneDay ? (startTime == null ? " until " : " to ") : " ").append(endTime);
    }
    return sb.toString();
  }

  public Set<Community> communities() {
    List<Community> list = profile.communities();
    return list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
  }

  /** The communities present as their codes, comma-separated in vocabulary order. */
  public String communityCodes() {
    StringBuilder sb = new StringBuilder();
    for (Community c : communities()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.code());
    }
    return sb.toString();
  }

  public Set<Measure> measures() {
    List<Measure> list = security.measures();
    return list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
  }

  public boolean westernInterest() {
    return Boolean.TRUE.equals(profile.westernInterest());
  }

  public boolean westernAttendees() {
    return Boolean.TRUE.equals(profile.westernAttendees());
  }

  public boolean officials() {
    return Boolean.TRUE.equals(profile.officials());
  }

  /**
   * The officials' rank, null when no officials are present; {@link OfficialsRank#LOCAL} when the
   * input says officials attend but not how senior they are.
   */
  public OfficialsRank officialsRank() {
    if (!officials()) {
      return null;
    }
    return profile.officialsRank() == null ? OfficialsRank.LOCAL : profile.officialsRank();
  }

  public boolean securityForces() {
    return Boolean.TRUE.equals(profile.securityForces());
  }

  public boolean aidAgencies() {
    return Boolean.TRUE.equals(profile.aidAgencies());
  }

  /**
   * Named so that no compiler reads it as the getter of a property "raeliInterest": the classic
   * Drools compiler strips an "is" prefix from boolean accessors.
   */
  public boolean israeliPresence() {
    return Boolean.TRUE.equals(profile.israeliInterest());
  }
}
