package io.venuerisk.model;

/**
 * The one scale every national threat-level system is mapped onto (data/threat_level_scales.csv),
 * so that rules compare levels across countries. The ranks are ordinal, not probabilities: the
 * national systems are not calibrated to each other. The names are those of the UK scale, whose
 * definitions the ranks borrow.
 */
public enum ThreatRank implements Vocabulary {
  /** 1: an attack is highly unlikely. */
  LOW,
  /** 2: an attack is possible but not likely. */
  MODERATE,
  /** 3: an attack is likely. */
  SUBSTANTIAL,
  /** 4: an attack is highly likely. */
  SEVERE,
  /** 5: an attack is highly likely in the near future, or has just happened. */
  CRITICAL;

  /** 1 (low) to 5 (critical). */
  public int rank() {
    return ordinal() + 1;
  }

  /** The value of a rank 1-5. */
  public static ThreatRank of(int rank) {
    if (rank < 1 || rank > 5) {
      throw new IllegalArgumentException("a threat rank is 1 to 5, got " + rank);
    }
    return values()[rank - 1];
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
