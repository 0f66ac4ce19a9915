package io.venuerisk.model;

/**
 * A closed vocabulary of the scenario contract. Every value has the lower_snake_case code that users
 * write in JSON, CSV and iCalendar; Java names are the same codes upper-cased.
 */
public interface Vocabulary {
  String code();

  static String codeOf(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }
}
