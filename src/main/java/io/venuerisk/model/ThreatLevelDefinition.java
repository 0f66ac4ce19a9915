package io.venuerisk.model;

import java.util.List;

/**
 * Reference fact from data/threat_level_scales.csv: one level of one country's national
 * threat-level system, in that system's own vocabulary, and where it sits on the shared {@link
 * ThreatRank} scale.
 *
 * @param level the system's own name for the level as users write it ({@code SEVERE}, {@code
 *     urgence_attentat}, {@code 4}); matched without regard to case
 * @param aliases other names users may write for the same level (the Dutch names of the NCTV's
 *     numbered levels, for instance)
 * @param rank 1 (low) to 5 (critical) on the shared scale
 * @param meaning the system's own definition of the level, in English
 */
public record ThreatLevelDefinition(
    String country,
    String system,
    String level,
    List<String> aliases,
    int rank,
    String meaning,
    String source) {

  public ThreatLevelDefinition {
    aliases = List.copyOf(aliases);
    ThreatRank.of(rank); // refuses a rank outside 1-5
  }

  public ThreatRank rankName() {
    return ThreatRank.of(rank);
  }
}
