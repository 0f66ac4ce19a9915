package io.venuerisk.model;

import java.util.Locale;

/** Each vocabulary's codes, lower-cased once: reports ask for them for every event they write. */
final class Codes {
  private static final ClassValue<String[]> OF =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] values = type.getEnumConstants();
          String[] codes = new String[values.length];
          for (int i = 0; i < values.length; i++) {
            codes[i] = ((Enum<?>) values[i]).name().toLowerCase(Locale.ROOT);
          }
          return codes;
        }
      };

  private Codes() {}

  static String of(Enum<?> e) {
    return OF.get(e.getDeclaringClass())[e.ordinal()];
  }
}
