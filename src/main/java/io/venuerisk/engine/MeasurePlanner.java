package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which protective measures are worth adding to a scenario, each judged by scoring the scenario
 * again with the measure in place (so a rule folder whose rules read the measures is honoured too),
 * and a greedy plan that adds, one at a time, the measure that lowers the residual risk most until
 * the target tier is reached. Measures compose as layers (each removes a share of what remains), so
 * the largest first is a short plan, though not always the shortest.
 *
 * <p>The measures that protect named people rather than the crowd (close protection:
 * data/measures.csv, {@code protects}) are not ranked with the crowd's: the plan adds them only
 * when the crowd's measures cannot reach the target. Measures the planner is told to leave out
 * ({@code plan --exclude}: one a venue cannot have, or has ruled out) are never added.
 */
public final class MeasurePlanner {
  private final Engine engine;

  public MeasurePlanner(Engine engine) {
    // a plan compares residual scores and shows no band: each step scored once, not once per
    // unknown yes/no value too
    this.engine = engine.withoutBand();
  }

  /** One measure added on its own to what is in place, and the residual points it takes off. */
  public record Option(Measure measure, Assessment after, double reduction) {}

  /** One step of the plan: the measure added and the assessment with it and all before it. */
  public record Step(Measure measure, Assessment after) {}

  /**
   * The plan for a scenario.
   *
   * @param excluded the measures the planner was told to leave out, in vocabulary order
   * @param options every measure not in place or left out, ranked by how much it lowers the score
   *     on its own
   * @param steps the measures added in order, each with the score after it
   * @param reached whether the last step (or the scenario as it is) is at or below the target
   * @param floor the assessment with every measure in place: the lowest residual risk a venue's own
   *     measures reach under these rules; above the target, the inherent threat keeps the event
   *     there whatever is added
   */
  public record Plan(
      Assessment baseline,
      Tier target,
      List<Measure> excluded,
      List<Option> options,
      List<Step> steps,
      boolean reached,
      Assessment floor) {
    public Assessment end() {
      return steps.isEmpty() ? baseline : steps.get(steps.size() - 1).after();
    }

    /** No set of measures reaches the target: the inherent risk keeps the event above it. */
    public boolean heldByInherentRisk() {
      return floor.tier().compareTo(target) > 0;
    }
  }

  /** The default target: one tier below the current one, or LOW. */
  public static Tier defaultTarget(Tier current) {
    return current == Tier.LOW ? Tier.LOW : Tier.values()[current.ordinal() - 1];
  }

  public Plan plan(Scenario scenario, Tier target) {
    return plan(scenario, target, Set.of());
  }

  /** The plan with none of the {@code excluded} measures added. */
  public Plan plan(Scenario scenario, Tier target, Set<Measure> excluded) {
    Assessment baseline = engine.assess(scenario);
    Set<Measure> inPlace = scenario.measures();
    List<Measure> candidates = new ArrayList<>();
    List<Measure> forCrowd = new ArrayList<>();
    List<Measure> forPeople = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (!inPlace.contains(m) && !excluded.contains(m)) {
        candidates.add(m);
        (protectsPeople(m) ? forPeople : forCrowd).add(m);
      }
    }
    List<Option> options = new ArrayList<>();
    Map<Measure, Assessment> alone = new EnumMap<>(Measure.class);
    for (Measure m : candidates) {
      Assessment a = engine.assess(with(scenario, inPlace, List.of(m)));
      alone.put(m, a);
      options.add(new Option(m, a, Math.round((baseline.score() - a.score()) * 10) / 10.0));
    }
    options.sort(
        Comparator.comparingDouble((Option o) -> -o.reduction()).thenComparing(Option::measure));

    List<Step> steps = new ArrayList<>();
    List<Measure> added = new ArrayList<>();
    Assessment current = baseline;
    current = greedy(scenario, inPlace, target, forCrowd, alone, added, steps, current);
    // only then what protects named people, which the crowd's measures do not replace
    current = greedy(scenario, inPlace, target, forPeople, alone, added, steps, current);
    boolean reached = current.tier().compareTo(target) <= 0;

    // measures never raise a score (exposures come from venue and event facts only), so every
    // measure in place is the lowest a venue's own measures can bring it
    Assessment floor =
        candidates.isEmpty() ? baseline : engine.assess(with(scenario, inPlace, candidates));
    Set<Measure> left =
        excluded.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(excluded);
    left.removeAll(inPlace);
    return new Plan(
        baseline,
        target,
        List.copyOf(left),
        List.copyOf(options),
        List.copyOf(steps),
        reached,
        floor);
  }

  private boolean protectsPeople(Measure m) {
    // who a measure protects does not depend on the country
    return engine.data().measureNames().of(m, null).protectsPeople();
  }

  /**
   * Adds, one at a time, the measure of {@code pool} that lowers the residual most, until the
   * target is reached or none lowers it; returns the assessment after the last step.
   */
  private Assessment greedy(
      Scenario scenario,
      Set<Measure> inPlace,
      Tier target,
      List<Measure> pool,
      Map<Measure, Assessment> alone,
      List<Measure> added,
      List<Step> steps,
      Assessment current) {
    while (current.tier().compareTo(target) > 0) {
      Step best = null;
      for (Measure m : pool) {
        if (added.contains(m)) {
          continue;
        }
        Assessment a;
        if (added.isEmpty()) {
          a = alone.get(m); // the first step's trials are the options, scored above
        } else {
          List<Measure> trial = new ArrayList<>(added);
          trial.add(m);
          a = engine.assess(with(scenario, inPlace, trial));
        }
        if (best == null || better(a, best.after())) {
          best = new Step(m, a);
        }
      }
      if (best == null || !better(best.after(), current)) {
        break; // nothing left lowers the score
      }
      steps.add(best);
      added.add(best.measure());
      current = best.after();
    }
    return current;
  }

  /** Lower residual first, then lower vulnerability (a rounded score can hide a small gain). */
  private static boolean better(Assessment a, Assessment b) {
    if (a.score() != b.score()) {
      return a.score() < b.score();
    }
    return a.trace().vulnerability() < b.trace().vulnerability();
  }

  /** The scenario with more measures in place; everything else as it was. */
  static Scenario with(Scenario s, Set<Measure> inPlace, List<Measure> more) {
    Set<Measure> all = inPlace.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(inPlace);
    all.addAll(more);
    return s.withMeasures(List.copyOf(all));
  }
}
