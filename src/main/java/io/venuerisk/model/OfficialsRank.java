package io.venuerisk.model;

/**
 * How senior the officials present are (the scenario field {@code profile.officialsRank}). IS-K has
 * killed officials of every rank in its home region (ISK-T1), but a head of state or a foreign
 * minister draws far more attention than a council leader at a fun run, so the rank grades the
 * finding. Unknown when absent: {@code officials: true} alone counts as {@link #LOCAL}.
 */
public enum OfficialsRank implements Vocabulary {
  /** Local or regional officials: a mayor, a council leader, a provincial governor's staff. */
  LOCAL,
  /** National officials: ministers, members of parliament, senior judges, party leaders. */
  NATIONAL,
  /** Foreign officials or diplomats: a visiting delegation, an ambassador. */
  FOREIGN,
  /** A head of state or government, present in person. */
  HEAD_OF_STATE;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }

  /** Who is present, in words. */
  public String presence() {
    return switch (this) {
      case LOCAL -> "local officials or politicians are present";
      case NATIONAL -> "national officials or politicians are present";
      case FOREIGN -> "foreign officials or diplomats are present";
      case HEAD_OF_STATE -> "a head of state or government is present";
    };
  }
}
