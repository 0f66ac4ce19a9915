package io.venuerisk.model;

/**
 * Religious and cultural dates in data/observances.csv. The days each kind covers are listed in
 * data/README.md; the first thirteen kept their meaning when the later ones were added.
 */
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
  SOLEIMANI_ANNIVERSARY,
  /** Good Friday alone (also the first day of {@link #EASTER}). */
  GOOD_FRIDAY,
  /** 1-2 Tishri. */
  ROSH_HASHANAH,
  /** 10 Tishri. */
  YOM_KIPPUR,
  /** 15-23 Tishri: Sukkot with Shemini Atzeret and Simchat Torah, as kept outside Israel. */
  SUKKOT,
  /** 14 Adar (Adar II in a leap year). */
  PURIM,
  /** 6-7 Sivan, as kept outside Israel. */
  SHAVUOT,
  /** 7 October, from 2024: the anniversary of the attack on Israel of 7 October 2023. */
  OCTOBER_7_ANNIVERSARY,
  /** 1-10 Muharram: the mourning period that ends on Ashura. */
  MUHARRAM,
  /** 20 Safar: forty days after Ashura, the Karbala pilgrimage. */
  ARBAEEN,
  /** Vaisakhi (Baisakhi), the Sikh new year festival, on its published date. */
  VAISAKHI,
  /** Diwali, the main day (Lakshmi Puja), on its published date for India. */
  DIWALI,
  /** 22 March, from 2025: the anniversary of the Crocus City Hall attack (ISK-D3, ISK-E4). */
  CROCUS_ANNIVERSARY,
  /** 26 August: the anniversary of the Kabul airport attack of 2021 (ISK-D3, ISK-E8). */
  KABUL_AIRPORT_ANNIVERSARY,
  /** 28 January, from 2025: the anniversary of the Istanbul church attack of 2024 (ISK-E5). */
  ISTANBUL_CHURCH_ANNIVERSARY;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
