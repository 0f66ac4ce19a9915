package io.venuerisk.io;

import java.util.Locale;

/**
 * How every text output writes the model's numbers, whatever the user's locale: scores and points
 * with one decimal, shares of 0 to 1 with two, effectiveness as a percentage.
 */
public final class Numbers {
  private Numbers() {}

  /** "41.3". */
  public static String score(double v) {
    return unsigned(String.format(Locale.ROOT, "%.1f", v));
  }

  /** "+4.0", "-2.5"; "+0.0" for anything that rounds to zero. */
  public static String points(double v) {
    String s = String.format(Locale.ROOT, "%+.1f", v);
    return s.equals("-0.0") ? "+0.0" : s;
  }

  /** "4" for a whole number, "15.2" otherwise. */
  public static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : score(v);
  }

  /** A parameter as written in its table: "1.25", "8.5", "10". */
  public static String exact(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** "0.57". */
  public static String share(double v) {
    return unsigned(String.format(Locale.ROOT, "%.2f", v));
  }

  /** "0.573". */
  public static String share3(double v) {
    return unsigned(String.format(Locale.ROOT, "%.3f", v));
  }

  /**
   * A small negative value (or -0.0) rounds to "-0.0", which reads as a loss where there is none:
   * zero is written without a sign.
   */
  private static String unsigned(String formatted) {
    return formatted.startsWith("-") && formatted.chars().noneMatch(c -> c >= '1' && c <= '9')
        ? formatted.substring(1)
        : formatted;
  }

  /** "60%". */
  public static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
