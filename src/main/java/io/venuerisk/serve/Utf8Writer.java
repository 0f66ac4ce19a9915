package io.venuerisk.serve;

import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer that encodes straight into a byte array: a rendered result goes to the response as
 * UTF-8 without a StringWriter's synchronised buffer, a String and a second encoding pass (the
 * copying was a tenth of the CPU of an assess request). The bytes are those of
 * {@code text.getBytes(UTF_8)}; an unpaired surrogate, which that encodes as '?', is encoded so too.
 */
final class Utf8Writer extends Writer {
  private byte[] buf;
  private int size;
  private char pendingHigh;

  Utf8Writer(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  @Override
  public void write(char[] c, int off, int len) {
    ensure(len * 3 + 4);
    byte[] b = buf;
    int n = size;
    for (int i = off, end = off + len; i < end; i++) {
      char ch = c[i];
      if (pendingHigh != 0) {
        char high = pendingHigh;
        pendingHigh = 0;
        if (Character.isLowSurrogate(ch)) {
          int cp = Character.toCodePoint(high, ch);
          b[n++] = (byte) (0xf0 | (cp >> 18));
          b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          b[n++] = (byte) (0x80 | (cp & 0x3f));
          continue;
        }
        b[n++] = '?';
      }
      if (ch < 0x80) {
        b[n++] = (byte) ch;
      } else if (ch < 0x800) {
        b[n++] = (byte) (0xc0 | (ch >> 6));
        b[n++] = (byte) (0x80 | (ch & 0x3f));
      } else if (Character.isHighSurrogate(ch)) {
        pendingHigh = ch;
      } else if (Character.isLowSurrogate(ch)) {
        b[n++] = '?';
      } else {
        b[n++] = (byte) (0xe0 | (ch >> 12));
        b[n++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
        b[n++] = (byte) (0x80 | (ch & 0x3f));
      }
    }
    size = n;
  }

  @Override
  public void write(int c) {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(String s, int off, int len) {
    char[] c = new char[len];
    s.getChars(off, off + len, c, 0);
    write(c, 0, len);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  /** The bytes written so far. */
  byte[] toByteArray() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      ensure(1);
      buf[size++] = '?';
    }
    return Arrays.copyOf(buf, size);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
