package io.venuerisk.engine;

import io.venuerisk.model.EventInfo;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Venue;
import java.util.List;
import java.util.function.Function;

/**
 * The yes/no facts a scenario may leave unknown that can change its score, with how to fill each
 * in: the uncertainty band re-scores the scenario with each unknown one set to each value it could
 * take, one at a time (docs/scoring.md). The central score reads an unknown flag as "no" and an
 * unknown indoor as neither indoor nor open-air.
 */
enum Unknowns {
  INDOOR("venue.indoor", s -> s.venue().indoor(), List.of(true, false)),
  INTERNATIONAL_PROFILE(
      "event.internationalProfile", s -> s.event().internationalProfile(), List.of(true)),
  WESTERN_INTEREST("profile.westernInterest", s -> s.profile().westernInterest(), List.of(true)),
  WESTERN_ATTENDEES("profile.westernAttendees", s -> s.profile().westernAttendees(), List.of(true)),
  OFFICIALS("profile.officials", s -> s.profile().officials(), List.of(true)),
  SECURITY_FORCES("profile.securityForces", s -> s.profile().securityForces(), List.of(true)),
  AID_AGENCIES("profile.aidAgencies", s -> s.profile().aidAgencies(), List.of(true)),
  ISRAELI_INTEREST("profile.israeliInterest", s -> s.profile().israeliInterest(), List.of(true));

  private final String field;
  private final Function<Scenario, Boolean> value;
  private final List<Boolean> values;

  Unknowns(String field, Function<Scenario, Boolean> value, List<Boolean> values) {
    this.field = field;
    this.value = value;
    this.values = values;
  }

  /** The field as the scenario format names it. */
  String field() {
    return field;
  }

  boolean unknownIn(Scenario s) {
    return value.apply(s) == null;
  }

  /** The field's value in the scenario, null when unknown. */
  Boolean valueIn(Scenario s) {
    return value.apply(s);
  }

  /** The values re-scored when the field is unknown. */
  List<Boolean> candidates() {
    return values;
  }

  /** The scenario with this field set. */
  Scenario with(Scenario s, boolean v) {
    Venue venue = s.venue();
    EventInfo event = s.event();
    Profile p = s.profile();
    switch (this) {
      case INDOOR ->
          venue =
              new Venue(
                  venue.id(),
                  venue.name(),
                  venue.type(),
                  v,
                  venue.capacity(),
                  venue.city(),
                  venue.country());
      case INTERNATIONAL_PROFILE ->
          event = new EventInfo(event.type(), event.expectedAttendance(), v, event.entryChecks());
      default -> p = profile(p, v);
    }
    return new Scenario(
        s.id(),
        s.name(),
        s.date(),
        s.endDate(),
        s.startTime(),
        s.endTime(),
        venue,
        event,
        p,
        s.security(),
        s.context());
  }

  private Profile profile(Profile p, Boolean v) {
    return new Profile(
        p.communities(),
        this == WESTERN_INTEREST ? v : p.westernInterest(),
        this == WESTERN_ATTENDEES ? v : p.westernAttendees(),
        this == OFFICIALS ? v : p.officials(),
        this == SECURITY_FORCES ? v : p.securityForces(),
        this == AID_AGENCIES ? v : p.aidAgencies(),
        this == ISRAELI_INTEREST ? v : p.israeliInterest(),
        p.officialsRank());
  }
}
