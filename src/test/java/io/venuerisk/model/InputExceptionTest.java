package io.venuerisk.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputExceptionTest {
  @Test
  void anErrorQuotingLineBreaksAndControlCharactersStaysOneLine() {
    InputException e =
        new InputException(
            "cal\n.jsonl", 3, 7, 2, "venue.na\rme", "unknown value 'a\u2028b\u0007c\td'");
    assertThat(e.getMessage())
        .isEqualTo(
            "cal\\n.jsonl:3:7: record 2: venue.na\\rme: unknown value 'a\\u2028b\\u0007c\\td'")
        .doesNotContain("\n", "\r", "\u2028", "\u0007", "\t");
    assertThat(e.field()).isEqualTo("venue.na\\rme");
    assertThat(e.problem()).isEqualTo("unknown value 'a\\u2028b\\u0007c\\td'");
  }

  @Test
  void plainTextIsLeftAsItIs() {
    InputException e = InputException.of("event.json", "capacity: expected a number, got 'x'");
    assertThat(e.getMessage()).isEqualTo("event.json: capacity: expected a number, got 'x'");
  }
}
