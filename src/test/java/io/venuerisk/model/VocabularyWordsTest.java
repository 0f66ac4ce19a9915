package io.venuerisk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Venue and event types in words, as reports and rule rationales put them after "at". */
class VocabularyWordsTest {
  @Test
  void theArticleFollowsTheSoundNotTheLetter() {
    assertThat(VenueType.UNIVERSITY.withArticle()).isEqualTo("a university");
    assertThat(VenueType.AIRPORT.withArticle()).isEqualTo("an airport");
    assertThat(VenueType.EMBASSY.withArticle()).isEqualTo("an embassy");
    assertThat(VenueType.OTHER.withArticle()).isEqualTo("another kind of venue");
    assertThat(EventType.OTHER.withArticle()).isEqualTo("another kind of event");
    assertThat(EventType.NONE.withArticle()).isEqualTo("no event");
    assertThat(EventType.EXHIBITION.withArticle()).isEqualTo("an exhibition");
  }

  @Test
  void noTypeReadsAsItsCodeOrTakesAWrongArticle() {
    Stream.concat(Arrays.stream(VenueType.values()), Arrays.stream(EventType.values()))
        .forEach(
            t -> {
              String words = ((Vocabulary) t).withArticle();
              assertThat(words)
                  .as(t.name())
                  .doesNotContain("_")
                  .matches("(a ([^aeiou]|uni).*|an [aeiou].*|another .*|no .*|travel)")
                  .doesNotStartWith("a nightlife,");
            });
    assertThat(EventType.NIGHTLIFE.withArticle()).isEqualTo("a nightlife event");
  }

  @Test
  void aMarketIsNotSaidToBeAtAMarket() {
    assertThat(EventType.MARKET.words() + " at " + VenueType.MARKET.withArticle())
        .isEqualTo("market at a marketplace");
  }
}
