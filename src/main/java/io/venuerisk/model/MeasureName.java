package io.venuerisk.model;

/**
 * A measure in plain words, as it is understood where the venue is (data/measures.csv).
 *
 * @param label what a planner calls the measure there
 * @param meaning what the measure means there, where that differs from elsewhere (an armed response
 *     in a country where private armed guards are not lawful); null otherwise
 * @param protects the people the measure protects when it protects people rather than the crowd
 *     (close protection protects the officials present); null for a measure that protects the crowd
 */
public record MeasureName(Measure measure, String label, String meaning, String protects) {
  /** Whether it protects named people rather than the crowd. */
  public boolean protectsPeople() {
    return protects != null;
  }
}
