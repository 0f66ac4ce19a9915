package io.venuerisk.model;

/** Classifications that rules derive from scenario facts and that other rules build on. */
public enum TraitKind implements Vocabulary {
  /** The people are (or may be) in the open, reachable by a vehicle. */
  OUTDOOR_CROWD,
  /** The people are (or may be) inside a building, with the exits it has. */
  INDOOR_VENUE,
  /** At least 1,000 people: an entry queue forms and a crowd is a target in itself (ISK-T2). */
  LARGE_GATHERING,
  /** At least 10,000 people: mass-casualty potential (ISK-R2, ISK-D2). */
  MASS_GATHERING,
  /** An indoor venue holding at least 1,000 people: the Crocus City Hall pattern (ISK-E4). */
  CROWDED_INDOOR_VENUE,
  /** A place of worship or a religious event. */
  RELIGIOUS_SETTING,
  /** A Jewish or Israeli presence (ISK-T2, ISK-M2, ISK-M3). */
  JEWISH_OR_ISRAELI_PRESENCE,
  /** Westerners, Western interests or aid agencies present. */
  WESTERN_PRESENCE,
  /** Symbolic or hardened sites: embassies, government, military, airports. */
  SYMBOLIC_SITE,
  /**
   * A stadium or an arena, or an event with an international profile: where mass events are held.
   */
  MASS_EVENT_VENUE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
