package io.venuerisk.model;

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
