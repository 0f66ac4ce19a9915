package io.venuerisk.model;

/**
 * What happens at the venue and how many people are expected.
 *
 * @param entryChecks extension to the contract: tickets, passes, payment or membership are checked
 *     at entry (a condition of a qualifying event under the UK Terrorism (Protection of Premises)
 *     Act 2025); null when unknown
 */
public record EventInfo(
    EventType type, Integer expectedAttendance, Boolean internationalProfile, Boolean entryChecks) {

  /** The contract's three fields; entry checks unknown. */
  public EventInfo(EventType type, Integer expectedAttendance, Boolean internationalProfile) {
    this(type, expectedAttendance, internationalProfile, null);
  }
}
