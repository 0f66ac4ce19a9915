package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The reader's own UTF-8 check must reject exactly what the JDK's decoder rejects, at the same
 * offset, since users are told that offset to find the bad bytes in their file.
 */
class TextTest {

  @Property
  void agrees_with_the_jdk_decoder_on_any_bytes(@ForAll("nearlyText") byte[] bytes) {
    assertThat(Text.firstInvalidUtf8(bytes, bytes.length)).isEqualTo(jdk(bytes));
  }

  @Test
  void accepts_every_code_point_the_decoder_accepts() {
    StringBuilder all = new StringBuilder();
    for (int cp = 1; cp <= Character.MAX_CODE_POINT; cp += 7) {
      if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
        all.appendCodePoint(cp);
      }
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(Text.firstInvalidUtf8(bytes, bytes.length)).isEqualTo(-1);
  }

  @Test
  void reports_the_first_byte_of_an_overlong_a_surrogate_and_a_cut_sequence() {
    assertThat(Text.firstInvalidUtf8(bytes(0x41, 0xC0, 0x80), 3)).isEqualTo(1); // overlong NUL
    assertThat(Text.firstInvalidUtf8(bytes(0x41, 0x42, 0xED, 0xA0, 0x80), 5))
        .isEqualTo(2); // surrogate
    assertThat(Text.firstInvalidUtf8(bytes(0xF4, 0x90, 0x80, 0x80), 4))
        .isEqualTo(0); // past U+10FFFF
    assertThat(Text.firstInvalidUtf8(bytes(0x41, 0xE2, 0x82), 3)).isEqualTo(1); // cut at the end
  }

  @Test
  void looks_only_at_the_length_given() {
    // a reused line buffer holds the end of a longer, earlier line past the current one
    byte[] buffer = bytes(0x7B, 0x7D, 0xFF, 0xFF);
    assertThat(Text.firstInvalidUtf8(buffer, 2)).isEqualTo(-1);
    assertThat(Text.firstInvalidUtf8(buffer, 4)).isEqualTo(2);
  }

  @Provide
  Arbitrary<byte[]> nearlyText() {
    // mostly well-formed text of every plane, with a few bytes set at random
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
    return text.flatMap(
        s -> {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          return Arbitraries.integers()
              .between(0, 3)
              .flatMap(
                  k ->
                      Arbitraries.integers()
                          .between(0, 255)
                          .array(int[].class)
                          .ofSize(2 * k)
                          .map(
                              edits -> {
                                byte[] out = b.clone();
                                for (int i = 0; i + 1 < edits.length && out.length > 0; i += 2) {
                                  out[edits[i] % out.length] = (byte) edits[i + 1];
                                }
                                return out;
                              }));
        });
  }

  private static int jdk(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    return r.isError() ? in.position() : -1;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
