package io.venuerisk.engine;

import io.venuerisk.model.EventInfo;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.UkPremisesAct;
import io.venuerisk.model.UkPremisesAct.Building;
import io.venuerisk.model.UkPremisesAct.Commencement;
import io.venuerisk.model.UkPremisesAct.Duty;
import io.venuerisk.model.UkPremisesAct.EventAccess;
import io.venuerisk.model.UkPremisesAct.Use;
import io.venuerisk.model.UkPremisesAct.VenueUse;
import io.venuerisk.model.Venue;
import io.venuerisk.reference.ReferenceData;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the UK Terrorism (Protection of Premises) Act 2025 to one scenario held in the UK: the
 * premises test of s.2 (a building, a Schedule 1 use, 200 or more people, not excluded by Schedule
 * 2; 800 or more for enhanced duty, unless Schedule 1 keeps the use at standard duty), then the
 * qualifying-event test of s.3 (not at enhanced duty premises, 800 or more, open to the public,
 * entry checked, not excluded), then the duties of the resulting tier with the measures that show
 * each is met. Everything it knows of the Act comes from {@link UkPremisesAct}; it is pure and
 * deterministic.
 */
public final class MartynsLawAssessor {
  /** What the tool can and cannot tell a venue, said with every result. */
  static final String CAVEAT =
      "Planning guidance, not legal advice: confirm the tier and duties against the Home Office"
          + " statutory guidance and with the Security Industry Authority.";

  static final String NOT_SHOWN = "not shown by the scenario: confirm separately";

  private static final Comparator<Measure> BY_CODE = Comparator.comparing(Measure::code);

  private final UkPremisesAct act;

  public MartynsLawAssessor(UkPremisesAct act) {
    this.act = act;
  }

  public static MartynsLawAssessor of(ReferenceData data) {
    return new MartynsLawAssessor(data.ukPremisesAct());
  }

  /**
   * The scenario's tier, reasons and duties; empty when the venue is outside the Act's countries.
   */
  public Optional<MartynsLaw> assess(Scenario s) {
    if (s.venue() == null || !act.countries().contains(s.country())) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    Premises premises = premises(s, reasons);
    MartynsLawTier tier = premises.tier;
    if (event(s, premises, reasons)) {
      tier = MartynsLawTier.QUALIFYING_EVENT;
    }
    MartynsLaw.Use use =
        premises.use == null
            ? null
            : new MartynsLaw.Use(premises.use.paragraph(), premises.use.name());
    return Optional.of(new MartynsLaw(tier, use, reasons, duties(tier, s.measures()), note(s)));
  }

  /** The premises test of s.2 and the tier it gives. */
  private Premises premises(Scenario s, List<String> reasons) {
    Venue v = s.venue();
    VenueUse vu = act.venueTypes().get(v.type());
    String type = v.type().code();
    if (vu.paragraph() == null) {
      reasons.add(
          "Venue type "
              + type
              + ": no Schedule 1 use. "
              + sentence(vu.decision())
              + " The premises test is not met on the scenario's facts ("
              + (vu.building() == Building.NO ? "s.2(2)(a)" : "s.2(2)(b)")
              + ").");
      return new Premises(MartynsLawTier.OUT_OF_SCOPE, null, vu, false);
    }
    Use use = act.uses().get(vu.paragraph());
    reasons.add(
        "Venue type "
            + type
            + ": Schedule 1 para "
            + use.paragraph()
            + " ("
            + use.name()
            + "). "
            + sentence(vu.decision()));
    boolean building =
        vu.building() == Building.YES
            || (vu.building() == Building.IF_INDOOR && Boolean.TRUE.equals(v.indoor()));
    if (!building) {
      String why =
          vu.building() == Building.IF_INDOOR
              ? "Not indoors (venue.indoor is "
                  + (v.indoor() == null ? "not given" : "false")
                  + "): taken as open land, not a building"
              : "Not a building";
      reasons.add(why + ", so not qualifying premises (s.2(2)(a)).");
      return new Premises(MartynsLawTier.OUT_OF_SCOPE, use, vu, false);
    }
    if (!vu.excludedBy().isEmpty()) {
      reasons.add(
          "Excluded premises ("
              + vu.excludedBy()
              + "), so not qualifying premises"
              + " (s.2(2)(d)).");
      return new Premises(MartynsLawTier.OUT_OF_SCOPE, use, vu, true);
    }
    Count people = premisesCount(s);
    if (people == null) {
      reasons.add(
          "Neither venue.capacity nor event.expectedAttendance is given: the "
              + act.qualifyingPremises().value()
              + " and "
              + act.enhancedPremises().value()
              + " thresholds cannot be tested, so the premises are not shown to qualify (s.2(2)(c)).");
      return new Premises(MartynsLawTier.OUT_OF_SCOPE, use, vu, true);
    }
    int min = act.qualifyingPremises().value();
    int enhanced = act.enhancedPremises().value();
    String head =
        "Premises: "
            + people.value
            + " people may be present at the same time ("
            + people.from
            + "; staff count too): ";
    if (people.value < min) {
      reasons.add(head + "under " + min + ", so not qualifying premises (s.2(2)(c)).");
      return new Premises(MartynsLawTier.OUT_OF_SCOPE, use, vu, true);
    }
    if (use.alwaysStandard()) {
      reasons.add(head + min + " or more, so qualifying premises (s.2(2)(c)).");
      reasons.add(
          "Schedule 1 para "
              + use.paragraph()
              + " premises ("
              + use.name()
              + ") are"
              + " standard duty premises at any capacity ("
              + use.standardBy()
              + ")"
              + (people.value >= enhanced
                  ? ", so " + people.value + " does not make them enhanced duty premises."
                  : "."));
      return new Premises(MartynsLawTier.STANDARD, use, vu, true);
    }
    if (people.value >= enhanced) {
      reasons.add(head + enhanced + " or more, so enhanced duty premises (s.2(3)(a)).");
      return new Premises(MartynsLawTier.ENHANCED, use, vu, true);
    }
    reasons.add(
        head
            + min
            + " or more and under "
            + enhanced
            + ", so standard duty premises"
            + " (s.2(2)(c), s.2(3)(b)).");
    return new Premises(MartynsLawTier.STANDARD, use, vu, true);
  }

  /** The qualifying-event test of s.3; true when the event is a qualifying event. */
  private boolean event(Scenario s, Premises premises, List<String> reasons) {
    EventInfo e = s.event();
    if (e == null || e.type() == null) {
      return false;
    }
    EventAccess access = act.eventTypes().get(e.type());
    if (!access.event()) {
      reasons.add("Event type " + e.type().code() + ": " + access.decision() + ".");
      return false;
    }
    if (premises.tier == MartynsLawTier.ENHANCED) {
      reasons.add(
          "The event is not a separate qualifying event: it is held at enhanced duty"
              + " premises (s.3(1)(b)), whose duties cover it.");
      return false;
    }
    if (premises.onPremises && premises.use != null && !premises.use.eventsExcludedBy().isEmpty()) {
      reasons.add(
          "Events at Schedule 1 para "
              + premises.use.paragraph()
              + " premises ("
              + premises.use.name()
              + ") are not qualifying events ("
              + premises.use.eventsExcludedBy()
              + ").");
      return false;
    }
    if (!premises.venue.eventsExcludedBy().isEmpty()) {
      reasons.add(
          "Events at excluded premises are not qualifying events ("
              + premises.venue.eventsExcludedBy()
              + ").");
      return false;
    }
    Count people = eventCount(s);
    int min = act.qualifyingEvent().value();
    if (people == null) {
      reasons.add(
          "Event: no expected attendance or capacity is given, so the "
              + min
              + " threshold of s.3(1)(d) cannot be tested.");
      return false;
    }
    if (people.value < min) {
      reasons.add(
          "Event: "
              + people.value
              + " people expected at the same time ("
              + people.from
              + "): under "
              + min
              + ", so not a qualifying event (s.3(1)(d)).");
      return false;
    }
    reasons.add(
        "Event: "
            + people.value
            + " people expected at the same time ("
            + people.from
            + "): "
            + min
            + " or more (s.3(1)(d)), at premises that are not enhanced duty premises"
            + " (s.3(1)(a)-(b)).");
    List<String> unknown = new ArrayList<>();
    switch (access.publicAccess()) {
      case NO -> {
        reasons.add(
            "Members of the public do not have access, so not a qualifying event"
                + " (s.3(1)(c)): "
                + access.decision()
                + ".");
        return false;
      }
      case YES ->
          reasons.add("Members of the public have access (s.3(1)(c)): " + access.decision() + ".");
      case UNKNOWN -> {
        reasons.add("Public access is not known (s.3(1)(c)): " + access.decision() + ".");
        unknown.add("members of the public have access (s.3(1)(c))");
      }
    }
    Boolean checks = e.entryChecks();
    if (Boolean.FALSE.equals(checks)) {
      reasons.add(
          "No entry checks (event.entryChecks is false), so not a qualifying event"
              + " (s.3(1)(e)).");
      return false;
    }
    if (checks == null) {
      reasons.add("Entry checks are not known (event.entryChecks is not given).");
      unknown.add("tickets, passes, payment or membership are checked at entry (s.3(1)(e))");
    } else {
      reasons.add(
          "Entry is checked (event.entryChecks): tickets, passes, payment or membership"
              + " (s.3(1)(e)).");
    }
    if (!unknown.isEmpty()) {
      reasons.add(
          "It would be a qualifying event, with the enhanced duties, if "
              + String.join(" and ", unknown)
              + ".");
      return false;
    }
    reasons.add(
        "A qualifying event: it carries the enhanced duties (s.6, s.7, s.10) as well as"
            + " the procedures of s.5"
            + (premises.tier == MartynsLawTier.STANDARD
                ? "; the premises keep their own standard duties."
                : "."));
    return true;
  }

  /** The duties of a tier, in data order, each with the measures that show it is met. */
  private List<MartynsLawDuty> duties(MartynsLawTier tier, Set<Measure> measures) {
    List<MartynsLawDuty> out = new ArrayList<>();
    for (Duty d : act.duties()) {
      if (!d.tiers().contains(tier)) {
        continue;
      }
      String condition = d.condition().isEmpty() ? null : d.condition();
      if (d.shownBy().isEmpty()) {
        out.add(
            new MartynsLawDuty(
                d.id(), d.section(), d.title(), condition, null, List.of(), List.of(), NOT_SHOWN));
        continue;
      }
      List<Measure> inPlace =
          d.shownBy().stream().filter(measures::contains).sorted(BY_CODE).toList();
      List<Measure> missing =
          inPlace.isEmpty() ? d.shownBy().stream().sorted(BY_CODE).toList() : List.of();
      out.add(
          new MartynsLawDuty(
              d.id(),
              d.section(),
              d.title(),
              condition,
              !inPlace.isEmpty(),
              inPlace,
              missing,
              null));
    }
    return out;
  }

  private String note(Scenario s) {
    Commencement c = act.commencement();
    StringBuilder sb = new StringBuilder();
    LocalDate from;
    if (c.appointed() != null) {
      from = c.appointed();
      sb.append("The duties apply from ")
          .append(from)
          .append(" (commencement regulations under s.37(2)(b)).");
    } else {
      from = c.notBefore();
      sb.append("The duties apply from commencement by regulations under s.37(2)(b), not before ")
          .append(from.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
          .append(' ')
          .append(from.getYear())
          .append("; no day had been appointed when this data was compiled.");
    }
    if (s.date() != null && s.date().isBefore(from)) {
      sb.append(" This event (")
          .append(s.date())
          .append(
              ") is before then: the duties will not"
                  + " yet apply to it; the tier is what applies once they do.");
    }
    return sb.append(' ').append(CAVEAT).toString();
  }

  /** The premises figure: the venue's capacity, else the event's expected attendance. */
  private static Count premisesCount(Scenario s) {
    if (s.venue().capacity() != null) {
      return new Count(s.venue().capacity(), "venue.capacity");
    }
    if (s.event() != null && s.event().expectedAttendance() != null) {
      return new Count(
          s.event().expectedAttendance(),
          "event.expectedAttendance, as no venue.capacity is given");
    }
    return null;
  }

  /** The event figure: the expected attendance, else the venue's capacity. */
  private static Count eventCount(Scenario s) {
    if (s.event() != null && s.event().expectedAttendance() != null) {
      return new Count(s.event().expectedAttendance(), "event.expectedAttendance");
    }
    if (s.venue().capacity() != null) {
      return new Count(
          s.venue().capacity(), "venue.capacity, as no event.expectedAttendance is given");
    }
    return null;
  }

  /** A decision of the data as a sentence of its own: capitalised, with a full stop. */
  private static String sentence(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }

  /** A head count and the field it came from. */
  private record Count(int value, String from) {}

  /**
   * The premises result.
   *
   * @param onPremises the venue is a building with a Schedule 1 use (whatever its capacity): the
   *     premises Schedule 2 para 6 speaks of
   */
  private record Premises(MartynsLawTier tier, Use use, VenueUse venue, boolean onPremises) {}
}
