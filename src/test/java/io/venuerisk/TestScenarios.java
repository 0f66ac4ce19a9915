package io.venuerisk;

import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A fluent builder for scenarios in tests. The default is a deliberately bland event (a 100-person
 * conference at an unremarkable venue in Japan on an ordinary Tuesday) so each test states only the
 * facts it is about.
 */
public final class TestScenarios {
  private String id = "test";
  private String name = "test event";
  private LocalDate date = LocalDate.of(2026, 9, 15);
  private LocalDate endDate;
  private LocalTime startTime;
  private LocalTime endTime;
  private String venueName = "test venue";
  private VenueType venueType = VenueType.OTHER;
  private Boolean indoor = true;
  private Integer capacity;
  private String city = "Osaka";
  private String country = "JP";
  private EventType eventType = EventType.CONFERENCE;
  private Integer attendance = 100;
  private Boolean international;
  private final List<Community> communities = new ArrayList<>();
  private Boolean westernInterest;
  private Boolean westernAttendees;
  private Boolean officials;
  private Boolean securityForces;
  private Boolean aidAgencies;
  private Boolean israeliInterest;
  private final List<Measure> measures = new ArrayList<>();

  public static TestScenarios scenario() {
    return new TestScenarios();
  }

  public TestScenarios id(String v) {
    id = v;
    return this;
  }

  public TestScenarios on(String isoDate) {
    date = LocalDate.parse(isoDate);
    return this;
  }

  public TestScenarios until(String isoDate) {
    endDate = LocalDate.parse(isoDate);
    return this;
  }

  /** Local times at the venue, HH:MM; null for a time not given. */
  public TestScenarios times(String start, String end) {
    startTime = start == null ? null : LocalTime.parse(start);
    endTime = end == null ? null : LocalTime.parse(end);
    return this;
  }

  public TestScenarios venue(String name) {
    venueName = name;
    return this;
  }

  public TestScenarios in(String countryCode) {
    country = countryCode;
    return this;
  }

  public TestScenarios city(String v) {
    city = v;
    return this;
  }

  public TestScenarios at(VenueType v) {
    venueType = v;
    return this;
  }

  public TestScenarios indoor(Boolean v) {
    indoor = v;
    return this;
  }

  public TestScenarios capacity(Integer v) {
    capacity = v;
    return this;
  }

  public TestScenarios event(EventType v) {
    eventType = v;
    return this;
  }

  public TestScenarios people(Integer v) {
    attendance = v;
    return this;
  }

  public TestScenarios international(boolean v) {
    international = v;
    return this;
  }

  public TestScenarios communities(Community... v) {
    communities.addAll(List.of(v));
    return this;
  }

  public TestScenarios westernInterest(boolean v) {
    westernInterest = v;
    return this;
  }

  public TestScenarios westerners(boolean v) {
    westernAttendees = v;
    return this;
  }

  public TestScenarios officials(boolean v) {
    officials = v;
    return this;
  }

  public TestScenarios securityForces(boolean v) {
    securityForces = v;
    return this;
  }

  public TestScenarios aidAgencies(boolean v) {
    aidAgencies = v;
    return this;
  }

  public TestScenarios israeliInterest(boolean v) {
    israeliInterest = v;
    return this;
  }

  public TestScenarios measures(Measure... v) {
    measures.addAll(List.of(v));
    return this;
  }

  public Scenario build() {
    return new Scenario(
        id,
        name,
        date,
        endDate,
        startTime,
        endTime,
        new Venue(null, venueName, venueType, indoor, capacity, city, country),
        new EventInfo(eventType, attendance, international),
        new Profile(
            communities,
            westernInterest,
            westernAttendees,
            officials,
            securityForces,
            aidAgencies,
            israeliInterest),
        new Security(measures),
        null);
  }
}
