package io.venuerisk.model;

/** What happens at the venue (`event.type`). */
public enum EventType implements Vocabulary {
  CONCERT,
  SPORTING_EVENT,
  RELIGIOUS_SERVICE,
  RELIGIOUS_FESTIVAL,
  COMMEMORATION,
  POLITICAL_RALLY,
  FESTIVAL,
  MARKET,
  CONFERENCE,
  EDUCATION,
  WEDDING,
  PARADE,
  EXHIBITION,
  NIGHTLIFE,
  TRAVEL,
  NONE,
  OTHER;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
