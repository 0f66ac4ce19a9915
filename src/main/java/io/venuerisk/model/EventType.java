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

  /**
   * The event in words with its article, as rule rationales say it ("a wedding at a hotel");
   * written out, since nightlife, travel, education, none and other take no "a".
   */
  @Override
  public String withArticle() {
    return switch (this) {
      case EDUCATION -> "an educational event";
      case NIGHTLIFE -> "a nightlife event";
      case TRAVEL -> "travel";
      case NONE -> "no event";
      case OTHER -> "another kind of event";
      default -> Vocabulary.super.withArticle();
    };
  }

  /** The event in words without an article, for a header: "market", "no event". */
  public String words() {
    return switch (this) {
      case EDUCATION -> "educational event";
      case NIGHTLIFE -> "nightlife";
      case NONE -> "no event";
      case OTHER -> "other event";
      default -> code().replace('_', ' ');
    };
  }
}
