package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureEffect;
import io.venuerisk.model.MeasureName;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.RecommendedMeasure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How every output names a measure: in plain words as the venue's country understands it
 * (data/measures.csv), with the code a scenario and {@code plan --exclude} take, and what it means
 * there when the table says.
 */
public final class MeasureText {
  private MeasureText() {}

  /** One measure's name in a JSON result: what {@code measureNames} lists. */
  public record View(String measure, String label, String meaning, String protects) {
    static View of(MeasureName n) {
      return new View(n.measure().code(), n.label(), n.meaning(), n.protects());
    }
  }

  /** "hostile vehicle mitigation (barriers, bollards) [hostile_vehicle_mitigation]". */
  public static String named(Assessment a, Measure m) {
    return a.name(m).label() + " [" + m.code() + "]";
  }

  /** The label alone, where the code is given beside it or not needed. */
  public static String label(Assessment a, Measure m) {
    return a.name(m).label();
  }

  /** Every measure the result names, in vocabulary order. */
  public static Set<Measure> named(Assessment a) {
    Set<Measure> out = EnumSet.noneOf(Measure.class);
    out.addAll(a.scenario().measures());
    for (Finding f : a.findings()) {
      out.addAll(f.measures());
    }
    for (ExposureSummary e : a.exposures()) {
      e.inPlace().stream().map(MeasureEffect::measure).forEach(out::add);
      out.addAll(e.missing());
    }
    a.measuresWithoutEffect().stream().map(MeasureWithoutEffect::measure).forEach(out::add);
    a.recommendedMeasures().stream().map(RecommendedMeasure::measure).forEach(out::add);
    return out;
  }

  /** The names of these measures, in vocabulary order, for a JSON result. */
  public static List<View> views(Assessment a, Collection<Measure> measures) {
    Set<Measure> sorted = measures.isEmpty() ? Set.of() : EnumSet.copyOf(measures);
    List<View> out = new ArrayList<>();
    for (Measure m : sorted) {
      out.add(View.of(a.name(m)));
    }
    return out;
  }

  /**
   * One line for each of these measures whose meaning the table gives ("an armed police response
   * plan [armed_security]: an armed police response plan agreed with the police: ..."), so that a
   * measure is never read as what it cannot be where the venue is.
   */
  public static List<String> meanings(Assessment a, Collection<Measure> measures) {
    Set<Measure> sorted = measures.isEmpty() ? Set.of() : EnumSet.copyOf(measures);
    List<String> out = new ArrayList<>();
    for (Measure m : sorted) {
      MeasureName n = a.name(m);
      if (n.meaning() != null) {
        out.add(named(a, m) + ": " + n.meaning());
      }
    }
    return out;
  }

  /** Why a measure in place takes nothing off the score, in words. */
  public static String withoutEffect(MeasureWithoutEffect m) {
    String answers = String.join(", ", m.answers());
    return switch (m.why()) {
      case ANSWERS_NO_EXPOSURE -> "data/mitigations.csv ties it to no exposure";
      case EVENT_HAS_NO_EXPOSURE -> "no exposure was found for this event; it answers " + answers;
      case ANSWERS_OTHER_EXPOSURES ->
          "it answers " + answers + ", none of which this event is exposed to";
    };
  }
}
