package io.venuerisk.model;

/** Faith or community groups present or served (`profile.communities`). */
public enum Community implements Vocabulary {
  CHRISTIAN,
  JEWISH,
  SHIA,
  SUNNI,
  SUFI,
  SIKH,
  HINDU,
  OTHER;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
