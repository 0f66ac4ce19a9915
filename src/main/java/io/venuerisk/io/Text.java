package io.venuerisk.io;

import io.venuerisk.model.InputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Rejects input that cannot be a text scenario before a parser makes a confusing error of it. */
final class Text {
  private Text() {}

  static void check(String file, byte[] bytes) {
    if (bytes.length == 0) {
      throw InputException.of(file, "the file is empty; expected a JSON scenario object");
    }
    boolean blank = true;
    for (byte b : bytes) {
      if (b == 0) {
        throw InputException.of(file, "binary content (NUL bytes); expected UTF-8 JSON text");
      }
      if (!Character.isWhitespace(b)) {
        blank = false;
      }
    }
    if (blank) {
      throw InputException.of(file, "the file holds only whitespace; expected a JSON scenario object");
    }
    int bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      long line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InputException(
          file, line, 0, null,
          "bytes that are not UTF-8 (byte offset " + bad + "); save the file as UTF-8");
    }
  }

  /** Offset of the first byte that is not valid UTF-8, or -1. */
  static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      return -1;
    }
  }
}
