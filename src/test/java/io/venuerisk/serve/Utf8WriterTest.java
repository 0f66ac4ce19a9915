package io.venuerisk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The server's UTF-8 writer gives the bytes the JDK's encoder gives, for any text. */
class Utf8WriterTest {
  private static byte[] written(String s, int piece) {
    Utf8Writer w = new Utf8Writer(4);
    // in pieces, as a JSON generator flushes its buffer: a surrogate pair may be split
    for (int i = 0; i < s.length(); i += piece) {
      w.write(s, i, Math.min(piece, s.length() - i));
    }
    return w.toByteArray();
  }

  @Test
  void namesQuotesAndEveryWidthOfCharacter() {
    for (String s : new String[] {"", "Roncalliplatz", "Kölner Dom", "Крокус Сити Холл", "東京",
        "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "end \uD83D"}) {
      for (int piece = 1; piece <= 5; piece++) {
        assertThat(written(s, piece)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Property(tries = 300)
  void anyStringInAnyPieces(@ForAll String s, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int piece) {
    assertThat(written(s, piece)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
  }
}
