package io.venuerisk.model;

/** How two events of one calendar relate (see {@link Peer}). */
public enum PeerKind implements Vocabulary {
  /** Same city, at least one day in common. */
  SAME_CITY_SAME_DAY,
  /** Same venue; one starts on the day the other ends or the day after. */
  SAME_VENUE_BACK_TO_BACK;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
