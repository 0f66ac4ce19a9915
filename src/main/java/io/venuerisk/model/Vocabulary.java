package io.venuerisk.model;

/**
 * A closed vocabulary of the scenario contract. Every value has the lower_snake_case code that
 * users write in JSON, CSV and iCalendar; Java names are the same codes upper-cased.
 */
public interface Vocabulary {
  String code();

  /** The value in words with its indefinite article: "an airport", "a public space". */
  default String withArticle() {
    String words = code().replace('_', ' ');
    return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
  }

  static String codeOf(Enum<?> e) {
    return Codes.of(e);
  }
}
