package io.venuerisk.model;

/**
 * How much a measure would lower one tactic's residual risk points (docs/scoring.md: 10 points
 * halve the harm left): what a planner compares measures by, tactic by tactic.
 */
public record TacticReduction(ExposureKind exposure, double points) {
  public TacticReduction {
    points = Math.round(points * 10) / 10.0;
  }

  /** Each tactic whose residual points differ between two results of one event, and by how much. */
  public static java.util.List<TacticReduction> between(Assessment before, Assessment after) {
    java.util.List<TacticReduction> out = new java.util.ArrayList<>();
    for (ExposureSummary b : before.exposures()) {
      for (ExposureSummary a : after.exposures()) {
        if (a.exposure() == b.exposure()) {
          double d = Math.round((b.residualPoints() - a.residualPoints()) * 10) / 10.0;
          if (d > 0) {
            out.add(new TacticReduction(b.exposure(), d));
          }
        }
      }
    }
    out.sort(
        java.util.Comparator.comparingDouble((TacticReduction t) -> -t.points())
            .thenComparing(TacticReduction::exposure));
    return java.util.List.copyOf(out);
  }
}
