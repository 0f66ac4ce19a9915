package io.venuerisk.model;

import java.util.List;

/**
 * Who is present or represented. Each flag is three-valued: true, false or unknown (null).
 *
 * @param israeliInterest extension to the contract: an Israeli business, mission or delegation is
 *     present (ISK-M3 tension context)
 * @param officialsRank extension to the contract: how senior the officials present are; null when
 *     unknown, which counts as local when {@code officials} is true
 */
public record Profile(
    List<Community> communities,
    Boolean westernInterest,
    Boolean westernAttendees,
    Boolean officials,
    Boolean securityForces,
    Boolean aidAgencies,
    Boolean israeliInterest,
    OfficialsRank officialsRank) {

  public Profile {
    communities = communities == null ? List.of() : List.copyOf(communities);
  }

  /** The contract's fields, the officials' rank unknown. */
  public Profile(
      List<Community> communities,
      Boolean westernInterest,
      Boolean westernAttendees,
      Boolean officials,
      Boolean securityForces,
      Boolean aidAgencies,
      Boolean israeliInterest) {
    this(
        communities,
        westernInterest,
        westernAttendees,
        officials,
        securityForces,
        aidAgencies,
        israeliInterest,
        null);
  }
}
