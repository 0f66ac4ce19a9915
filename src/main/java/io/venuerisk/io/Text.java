package io.venuerisk.io;

import io.venuerisk.model.InputException;

/** Rejects input that cannot be a text scenario before a parser makes a confusing error of it. */
final class Text {
  private Text() {}

  static void check(String file, byte[] bytes) {
    check(file, bytes, bytes.length);
  }

  /** As {@link #check(String, byte[])} for the first {@code length} bytes of a reused buffer. */
  static void check(String file, byte[] bytes, int length) {
    if (length == 0) {
      throw InputException.of(file, "the file is empty; expected a JSON scenario object");
    }
    boolean blank = true;
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == 0) {
        throw InputException.of(file, "binary content (NUL bytes); expected UTF-8 JSON text");
      }
      if (!Character.isWhitespace(b)) {
        blank = false;
      }
    }
    if (blank) {
      throw InputException.of(
          file, "the file holds only whitespace; expected a JSON scenario object");
    }
    int bad = firstInvalidUtf8(bytes, length);
    if (bad >= 0) {
      throw notUtf8(file, bytes, bad);
    }
  }

  /** The error for bytes that are not UTF-8 from offset {@code bad}, with its line. */
  /** "1 event", "3 events". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static InputException notUtf8(String file, byte[] bytes, int bad) {
    long line = 1;
    for (int i = 0; i < bad; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return new InputException(
        file,
        line,
        0,
        null,
        "bytes that are not UTF-8 (byte offset " + bad + "); save the file as UTF-8");
  }

  /**
   * Offset of the first byte of the first sequence that is not well-formed UTF-8 (the Unicode
   * standard's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or -1. The same
   * offset as the JDK's decoder reports, without its buffers: this runs once per record of a
   * calendar, and nearly all of them are ASCII.
   */
  static int firstInvalidUtf8(byte[] b, int n) {
    int i = 0;
    while (i < n) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      int more;
      int low = 0x80;
      int high = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        if (c == 0xE0) {
          low = 0xA0; // shorter forms are overlong
        } else if (c == 0xED) {
          high = 0x9F; // ED A0..BF would be a surrogate
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        if (c == 0xF0) {
          low = 0x90;
        } else if (c == 0xF4) {
          high = 0x8F; // past U+10FFFF
        }
      } else {
        return i;
      }
      if (i + more >= n) {
        return i;
      }
      int second = b[i + 1] & 0xff;
      if (second < low || second > high) {
        return i;
      }
      for (int k = 2; k <= more; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += more + 1;
    }
    return -1;
  }

  /**
   * The text with every character a reader cannot see (a zero-width space, a control character, a
   * no-break space) written as a {@code \\uXXXX} escape, so a message shows why two values that
   * look the same differ.
   */
  static String visible(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (invisible(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  /**
   * "holds a zero-width space (U+200B)" for text with a character a reader cannot see, naming the
   * first such character; empty for text without one.
   */
  static java.util.Optional<String> invisibleIn(String text) {
    return text.codePoints().filter(Text::invisible).findFirst().stream()
        .mapToObj(c -> "holds " + invisibleName(c) + " (" + PlainWords.codePoint(c) + ")")
        .findFirst();
  }

  static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || c == 0x00A0
        || c == 0x2007
        || c == 0x202F
        || c == 0x3164
        || c == 0x115F
        || c == 0x1160;
  }

  private static String invisibleName(int c) {
    return switch (c) {
      case 0x200B -> "a zero-width space";
      case 0x200C -> "a zero-width non-joiner";
      case 0x200D -> "a zero-width joiner";
      case 0x2060 -> "a word joiner";
      case 0xFEFF -> "a byte order mark (zero-width no-break space)";
      case 0x00AD -> "a soft hyphen";
      case 0x00A0 -> "a no-break space";
      case 0x202F -> "a narrow no-break space";
      case 0x200E, 0x200F -> "a text direction mark";
      case '\t' -> "a tab";
      default ->
          Character.getType(c) == Character.CONTROL
              ? "a control character"
              : "an invisible character";
    };
  }
}
