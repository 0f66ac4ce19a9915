package io.venuerisk.model;

import java.util.List;

/**
 * Protective measures in place. Absent means unknown, which earns no credit. {@code qualities}
 * says, for the measures where the input states it, where a measure applies and whether it was
 * exercised; a measure without one counts as usually deployed.
 */
public record Security(List<Measure> measures, List<MeasureQuality> qualities) {
  public Security {
    measures = measures == null ? List.of() : List.copyOf(measures);
    qualities =
        qualities == null ? List.of() : qualities.stream().filter(MeasureQuality::stated).toList();
  }

  public Security(List<Measure> measures) {
    this(measures, List.of());
  }

  /** How this measure is deployed; "as usually deployed" when the input does not say. */
  public MeasureQuality quality(Measure measure) {
    for (MeasureQuality q : qualities) {
      if (q.measure() == measure) {
        return q;
      }
    }
    return MeasureQuality.usual(measure);
  }
}
