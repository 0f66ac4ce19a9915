package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.MeasureWithoutEffect.Why;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureTextTest {
  @Test
  void aMeasureWithoutEffectSaysWhichOfTheThreeReasonsHoldsAndWhatItAnswers() {
    List<String> answers = List.of("targeted_killing", "marauding_firearms");
    assertThat(
            MeasureText.withoutEffect(
                new MeasureWithoutEffect(
                    Measure.CLOSE_PROTECTION, Why.ANSWERS_NO_EXPOSURE, List.of())))
        .isEqualTo("data/mitigations.csv ties it to no exposure");
    assertThat(
            MeasureText.withoutEffect(
                new MeasureWithoutEffect(
                    Measure.CLOSE_PROTECTION, Why.EVENT_HAS_NO_EXPOSURE, answers)))
        .isEqualTo(
            "no exposure was found for this event; it answers targeted_killing, marauding_firearms");
    assertThat(
            MeasureText.withoutEffect(
                new MeasureWithoutEffect(
                    Measure.CLOSE_PROTECTION, Why.ANSWERS_OTHER_EXPOSURES, answers)))
        .isEqualTo(
            "it answers targeted_killing, marauding_firearms, none of which this event is exposed"
                + " to");
  }
}
