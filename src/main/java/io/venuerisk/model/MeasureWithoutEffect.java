package io.venuerisk.model;

import java.util.List;

/**
 * A measure in place that answers none of the event's exposures, and why.
 *
 * @param why which of the three reasons holds
 * @param answers the codes of the exposures the measure does answer (data/mitigations.csv), in
 *     vocabulary order; empty when it answers none
 */
public record MeasureWithoutEffect(Measure measure, Why why, List<String> answers) {
  public MeasureWithoutEffect {
    answers = List.copyOf(answers);
  }

  /** Why a measure in place takes nothing off the score. */
  public enum Why {
    /** data/mitigations.csv ties it to no exposure. */
    ANSWERS_NO_EXPOSURE,
    /** No exposure was found for this event at all. */
    EVENT_HAS_NO_EXPOSURE,
    /** It answers exposures, none of which this event has. */
    ANSWERS_OTHER_EXPOSURES
  }
}
