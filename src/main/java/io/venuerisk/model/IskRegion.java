package io.venuerisk.model;

/**
 * The guide's geography of activity, as assigned to each country in {@code data/countries.csv}. A
 * country has at most one; most have NONE.
 */
public enum IskRegion implements Vocabulary {
  /** Afghanistan and Pakistan: origin and core (ISK-G1, ISK-G3, ISK-T1). */
  CORE,
  /** Central Asian states of historical Khorasan (ISK-G1, ISK-G3). */
  CENTRAL_ASIA,
  /** Iran: eastern Iran is Khorasan (ISK-G3); the Kerman bombing (ISK-E7); expansion (ISK-M1). */
  IRAN,
  /** Türkiye: expansion target (ISK-M1); the Istanbul church attack (ISK-E5). */
  TURKIYE,
  /** Russia: the Crocus City Hall attack (ISK-D3, ISK-E4). */
  RUSSIA,
  /** Europe: expansion target (ISK-G2, ISK-M1; plots ISK-E1, ISK-E3, ISK-E6). */
  EUROPE,
  /** The United States: expansion target (ISK-G2; arrests ISK-E2). */
  UNITED_STATES,
  NONE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
