package io.venuerisk.model;

/** Religious and cultural dates in data/observances.csv. */
public enum ObservanceKind implements Vocabulary {
  CHRISTMAS_MARKET_SEASON,
  CHRISTMAS,
  NEW_YEARS_EVE,
  ORTHODOX_CHRISTMAS,
  EASTER,
  ORTHODOX_EASTER,
  HANUKKAH,
  PASSOVER,
  RAMADAN,
  EID_AL_FITR,
  EID_AL_ADHA,
  ASHURA,
  SOLEIMANI_ANNIVERSARY;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
