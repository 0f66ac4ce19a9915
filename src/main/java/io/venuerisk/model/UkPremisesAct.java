package io.venuerisk.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of the UK Terrorism (Protection of Premises) Act 2025 the tool applies, as reference
 * data (data/uk_premises_*.csv): thresholds, Schedule 1 uses, how venue and event types read
 * against them, and the duties. Data rather than code because s.32 lets regulations change the
 * thresholds, the procedures and measures and both Schedules.
 *
 * @param countries the venue countries the Act covers (its Part 1 extends to the whole UK: GB)
 * @param uses Schedule 1 uses by paragraph
 * @param venueTypes how each venue type reads against Schedule 1 and Schedule 2; one per type
 * @param eventTypes whether each event type is an event open to the public; one per type
 * @param duties the duties in section order
 */
public record UkPremisesAct(
    Set<String> countries,
    Threshold qualifyingPremises,
    Threshold enhancedPremises,
    Threshold qualifyingEvent,
    Commencement commencement,
    Map<Integer, Use> uses,
    Map<VenueType, VenueUse> venueTypes,
    Map<EventType, EventAccess> eventTypes,
    List<Duty> duties) {

  public UkPremisesAct {
    countries = Collections.unmodifiableSet(new LinkedHashSet<>(countries));
    uses = Collections.unmodifiableMap(new TreeMap<>(uses));
    Map<VenueType, VenueUse> v = new EnumMap<>(VenueType.class);
    v.putAll(venueTypes);
    venueTypes = Collections.unmodifiableMap(v);
    Map<EventType, EventAccess> e = new EnumMap<>(EventType.class);
    e.putAll(eventTypes);
    eventTypes = Collections.unmodifiableMap(e);
    duties = List.copyOf(duties);
  }

  /** A head count the Act names, with the provision that sets it. */
  public record Threshold(int value, String provision, String source) {}

  /**
   * When the duties apply: not before {@code notBefore}; {@code appointed} is the day commencement
   * regulations appoint, null until they are made.
   */
  public record Commencement(LocalDate notBefore, LocalDate appointed, String source) {}

  /**
   * A Schedule 1 use.
   *
   * @param standardBy the provision that makes premises of this use standard duty premises at any
   *     capacity ({@code Schedule 1 para 9(2)}); empty when there is none
   * @param eventsExcludedBy the provision that excludes events at premises of this use ({@code
   *     Schedule 2 para 6}); empty when there is none
   */
  public record Use(
      int paragraph,
      String name,
      String standardBy,
      String eventsExcludedBy,
      String note,
      String source) {
    public boolean alwaysStandard() {
      return !standardBy.isEmpty();
    }
  }

  /**
   * Whether a venue type is a building ({@code IF_INDOOR}: only when {@code venue.indoor} is true).
   */
  public enum Building {
    YES,
    NO,
    IF_INDOOR
  }

  /**
   * How a venue type reads against the Act.
   *
   * @param paragraph its Schedule 1 paragraph; null when it is not a Schedule 1 use
   * @param excludedBy the Schedule 2 provision taken to exclude such premises; empty when none
   * @param eventsExcludedBy the Schedule 2 provision that then excludes events there; empty when
   *     none
   * @param decision why, in words a report can show after "Venue type stadium: ..."
   */
  public record VenueUse(
      VenueType type,
      Integer paragraph,
      Building building,
      String excludedBy,
      String eventsExcludedBy,
      String decision,
      String source) {}

  /** Whether members of the public have access to an event of some type. */
  public enum Access {
    YES,
    NO,
    UNKNOWN
  }

  /**
   * How an event type reads against s.3.
   *
   * @param event false when the type is no event in the Act's sense ({@code none}, {@code travel})
   * @param publicAccess whether members of the public have access (s.3(1)(c)); UNKNOWN when not an
   *     event or the type does not say
   */
  public record EventAccess(
      EventType type, boolean event, Access publicAccess, String decision, String source) {}

  /**
   * A duty of the Act.
   *
   * @param tiers the tiers that carry it
   * @param shownBy the measures any one of which shows the duty is met; empty when no measure can
   * @param condition when the duty applies, if only in some cases; empty otherwise
   */
  public record Duty(
      String id,
      String section,
      String title,
      Set<MartynsLawTier> tiers,
      List<Measure> shownBy,
      String condition,
      String source) {
    public Duty {
      tiers = tiers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tiers));
      shownBy = List.copyOf(shownBy);
    }
  }
}
