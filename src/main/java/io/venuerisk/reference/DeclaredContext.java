package io.venuerisk.reference;

import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelPeriod;
import java.util.ArrayList;
import java.util.List;

/**
 * Context a user declares for one run ({@code --context FILE}): high-profile events, tension
 * periods and threat-level rows the reference tables do not know, each marked with the file that
 * declared it. {@link ReferenceData#withDeclared} merges it into the reference data for the run.
 */
public record DeclaredContext(
    List<HighProfileEvent> highProfileEvents,
    List<TensionPeriod> tensionPeriods,
    List<ThreatLevelPeriod> threatLevels) {

  public static final DeclaredContext EMPTY = new DeclaredContext(List.of(), List.of(), List.of());

  public DeclaredContext {
    highProfileEvents = List.copyOf(highProfileEvents);
    tensionPeriods = List.copyOf(tensionPeriods);
    threatLevels = List.copyOf(threatLevels);
  }

  public boolean isEmpty() {
    return highProfileEvents.isEmpty() && tensionPeriods.isEmpty() && threatLevels.isEmpty();
  }

  /** This context followed by another's rows (the readers check that ids stay unique). */
  public DeclaredContext plus(DeclaredContext other) {
    return new DeclaredContext(
        concat(highProfileEvents, other.highProfileEvents),
        concat(tensionPeriods, other.tensionPeriods),
        concat(threatLevels, other.threatLevels));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
