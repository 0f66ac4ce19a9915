package io.venuerisk.model;

import java.util.Optional;

/** Risk bands over the 0-100 score; the thresholds are documented in docs/scoring.md. */
public enum Tier {
  LOW(0),
  MODERATE(20),
  ELEVATED(40),
  HIGH(60),
  SEVERE(80);

  private final int floor;

  Tier(int floor) {
    this.floor = floor;
  }

  /** The lowest score in this tier. */
  public int floor() {
    return floor;
  }

  /** The tier a user names, in any case and with blanks around it; empty for no tier. */
  public static Optional<Tier> parse(String name) {
    for (Tier t : values()) {
      if (t.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static Tier of(double score) {
    Tier result = LOW;
    for (Tier t : values()) {
      if (score >= t.floor) {
        result = t;
      }
    }
    return result;
  }
}
