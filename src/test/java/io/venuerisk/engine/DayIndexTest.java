package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DayIndex: which reference rows the engine inserts beside an event. */
class DayIndexTest {
  record Span(String name, long first, long last) {}

  private static final DayIndex<Span> INDEX =
      new DayIndex<>(
          List.of(new Span("a", 10, 12), new Span("b", 15, 15), new Span("c", 5, 30)),
          Span::first,
          Span::last);

  private static List<Object> overlapping(long from, long to) {
    List<Object> out = new ArrayList<>();
    INDEX.addOverlapping(from, to, out);
    return out;
  }

  @Test
  void aRowOverlapsWhenItsDaysTouchTheWindowAtEitherEndInclusive() {
    assertThat(overlapping(12, 14)).extracting(o -> ((Span) o).name()).containsExactly("a", "c");
    assertThat(overlapping(13, 15)).extracting(o -> ((Span) o).name()).containsExactly("b", "c");
    assertThat(overlapping(1, 10)).extracting(o -> ((Span) o).name()).containsExactly("a", "c");
  }

  @Test
  void rowsOutsideTheWindowAreLeftOutAndTheDataOrderIsKept() {
    assertThat(overlapping(31, 40)).isEmpty();
    assertThat(overlapping(0, 4)).isEmpty();
    assertThat(overlapping(0, 100))
        .extracting(o -> ((Span) o).name())
        .containsExactly("a", "b", "c");
  }
}
