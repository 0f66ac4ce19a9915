package io.venuerisk.model;

/**
 * Which of the other events of a calendar a cross-event rule counts (rules/calendar.drl), by the
 * thresholds of {@link Crowd}: any event, large gatherings, mass gatherings, or mass gatherings
 * with an international profile (a high-profile event).
 */
public enum PeerClass implements Vocabulary {
  ANY,
  LARGE,
  MASS,
  HIGH_PROFILE_MASS;

  /** Whether the other event belongs to this class. */
  public boolean contains(Scenario other) {
    int people = other.attendance();
    return switch (this) {
      case ANY -> true;
      case LARGE -> people >= Crowd.LARGE;
      case MASS -> people >= Crowd.MASS;
      case HIGH_PROFILE_MASS -> people >= Crowd.MASS && other.internationalProfile();
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
