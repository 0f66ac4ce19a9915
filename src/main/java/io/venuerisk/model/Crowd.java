package io.venuerisk.model;

/**
 * Every crowd threshold the rules use, in one place: the rule files name these constants ({@code
 * Scenario( attendance >= Crowd.LARGE )}) so that a change here changes every rule that depends on
 * it, the calendar's cross-event rules included. The numbers are the project's design choices
 * (docs/scoring.md), not the guide's: it speaks only of "large gatherings".
 */
public final class Crowd {
  private Crowd() {}

  /** A congregation: the Istanbul church attack hit a Sunday mass of about 40 (ISK-E5). */
  public static final int CONGREGATION = 20;

  /** A public crowd: enough people in one place to be a target of opportunity. */
  public static final int PUBLIC = 200;

  /** People queue and gather at the entrances (ISK-E7: Kerman's blasts were in the queues). */
  public static final int QUEUE = 500;

  /** A large gathering, the guide's own target class (ISK-T2). */
  public static final int LARGE = 1_000;

  /** A mass gathering: the scale of IS-K's fewer, higher-impact attacks (ISK-R2, ISK-D2). */
  public static final int MASS = 10_000;

  /** The scale of a World Cup match or a stadium final (ISK-R3, ISK-D5). */
  public static final int VERY_LARGE = 50_000;
}
