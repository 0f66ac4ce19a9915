package io.venuerisk.model;

/**
 * Dated periods the timing rules reason about, each derived once per scenario from the reference
 * rows that overlap its days (rules/timing.drl), whatever rows coincide: Western and Orthodox
 * Easter on one day make one EASTER period, not two.
 */
public enum Period implements Vocabulary {
  CHRISTMAS,
  /** The Christmas market season, Christmas itself included. */
  CHRISTMAS_MARKET_SEASON,
  NEW_YEARS_EVE,
  ORTHODOX_CHRISTMAS,
  /** Good Friday to Easter Monday, Western or Orthodox. */
  EASTER,
  /**
   * A Jewish holiday or festival (the High Holidays, Sukkot, Hanukkah, Purim, Passover, Shavuot),
   * from the eve of its first full day (holidays begin at sundown).
   */
  JEWISH_HOLIDAY,
  /** The anniversary of 7 October 2023. */
  OCTOBER_7_ANNIVERSARY,
  RAMADAN,
  /** Eid al-Fitr or Eid al-Adha. */
  EID,
  /** The first ten days of Muharram, Ashura, or Arbaeen. */
  SHIA_COMMEMORATION,
  /** Vaisakhi or Diwali. */
  MINORITY_FESTIVAL,
  SOLEIMANI_ANNIVERSARY,
  /** A high-profile event hosted in the scenario's country. */
  HIGH_PROFILE_EVENT,
  /** A European sporting high-profile event hosted in the scenario's country. */
  EUROPEAN_SPORTING_EVENT,
  /** A tension period the guide ties to Jewish communities (the Israel-Gaza war, ISK-M3). */
  JEWISH_TENSION,
  /** A raised-threat period for every community (after a major attack). */
  RAISED_THREAT;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
