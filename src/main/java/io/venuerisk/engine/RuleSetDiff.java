package io.venuerisk.engine;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.ExposureKind;
import io.venuerisk.model.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How two rule sets differ, for reviewing a rule change like a code change: the rules added,
 * removed or edited (by id), and for one scenario scored by both, which rules' findings were added,
 * removed or changed points.
 */
public final class RuleSetDiff {
  private RuleSetDiff() {}

  /** What of a rule's metadata differs between the two sets. */
  public enum Field {
    POINTS,
    CATEGORY,
    CITES,
    MEASURES,
    TITLE
  }

  /**
   * A rule whose metadata differs between the two sets; a side is null when the rule is absent. The
   * values are the two sides' metadata; {@code changed} names which of them differ.
   */
  public record RuleChange(String id, RuleInfo before, RuleInfo after, Set<Field> changed) {
    public RuleChange {
      changed = changed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(changed));
    }

    public String kind() {
      return before == null ? "added" : after == null ? "removed" : "changed";
    }
  }

  /**
   * One rule's contribution to one scenario in each set. {@code exposure} separates the findings of
   * a rule that finds several exposures; {@code findings} counts them.
   */
  public record FindingChange(
      String rule,
      ExposureKind exposure,
      int findingsBefore,
      double pointsBefore,
      int findingsAfter,
      double pointsAfter) {
    public String kind() {
      if (findingsBefore == 0) {
        return "added";
      }
      if (findingsAfter == 0) {
        return "removed";
      }
      return "changed";
    }

    public double delta() {
      return pointsAfter - pointsBefore;
    }
  }

  /** One scenario scored by both sets. */
  public record ScenarioDiff(Assessment before, Assessment after, List<FindingChange> causes) {
    /** The residual risk score moved. */
    public boolean scoreChanged() {
      return before.score() != after.score();
    }

    /** The residual risk tier moved. */
    public boolean tierChanged() {
      return before.tier() != after.tier();
    }

    public boolean inherentScoreChanged() {
      return before.inherent().score() != after.inherent().score();
    }

    public boolean inherentTierChanged() {
      return before.inherent().tier() != after.inherent().tier();
    }

    /** Residual or inherent risk moved, or findings changed under unchanged scores. */
    public boolean changed() {
      return scoreChanged()
          || tierChanged()
          || inherentScoreChanged()
          || inherentTierChanged()
          || !causes.isEmpty();
    }
  }

  /** The rules added, removed or whose metadata changed, by id. */
  public static List<RuleChange> rules(List<RuleInfo> before, List<RuleInfo> after) {
    Map<String, RuleInfo> a = byId(before);
    Map<String, RuleInfo> b = byId(after);
    TreeSet<String> ids = new TreeSet<>(a.keySet());
    ids.addAll(b.keySet());
    List<RuleChange> out = new ArrayList<>();
    for (String id : ids) {
      RuleInfo x = a.get(id);
      RuleInfo y = b.get(id);
      if (x == null || y == null) {
        out.add(new RuleChange(id, x, y, Set.of()));
        continue;
      }
      Set<Field> changed = EnumSet.noneOf(Field.class);
      RuleMeta m = x.meta();
      RuleMeta n = y.meta();
      if (m.points() != n.points()) {
        changed.add(Field.POINTS);
      }
      if (m.category() != n.category()) {
        changed.add(Field.CATEGORY);
      }
      if (!m.cites().equals(n.cites())) {
        changed.add(Field.CITES);
      }
      if (!m.measures().equals(n.measures())) {
        changed.add(Field.MEASURES);
      }
      if (!m.title().equals(n.title())) {
        changed.add(Field.TITLE);
      }
      if (!changed.isEmpty()) {
        out.add(new RuleChange(id, x, y, changed));
      }
    }
    return out;
  }

  /** The same scenario under the two sets, and the findings that differ, largest change first. */
  public static ScenarioDiff scenario(Assessment before, Assessment after) {
    Map<Key, double[]> sums = new TreeMap<>();
    for (Finding f : before.findings()) {
      double[] s = sums.computeIfAbsent(Key.of(f), k -> new double[4]);
      s[0]++;
      s[1] += f.points();
    }
    for (Finding f : after.findings()) {
      double[] s = sums.computeIfAbsent(Key.of(f), k -> new double[4]);
      s[2]++;
      s[3] += f.points();
    }
    List<FindingChange> causes = new ArrayList<>();
    for (Map.Entry<Key, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      if (s[0] != s[2] || s[1] != s[3]) {
        causes.add(
            new FindingChange(
                e.getKey().rule(), e.getKey().exposure(), (int) s[0], s[1], (int) s[2], s[3]));
      }
    }
    causes.sort(
        Comparator.comparingDouble((FindingChange c) -> -Math.abs(c.delta()))
            .thenComparing(FindingChange::rule)
            .thenComparing(c -> c.exposure() == null ? "" : c.exposure().code()));
    return new ScenarioDiff(before, after, List.copyOf(causes));
  }

  private record Key(String rule, ExposureKind exposure) implements Comparable<Key> {
    static Key of(Finding f) {
      return new Key(f.rule(), f.exposure());
    }

    @Override
    public int compareTo(Key o) {
      int c = rule.compareTo(o.rule);
      if (c != 0) {
        return c;
      }
      if (Objects.equals(exposure, o.exposure)) {
        return 0;
      }
      if (exposure == null) {
        return -1;
      }
      return o.exposure == null ? 1 : exposure.compareTo(o.exposure);
    }
  }

  private static Map<String, RuleInfo> byId(List<RuleInfo> rules) {
    Map<String, RuleInfo> out = new TreeMap<>();
    for (RuleInfo r : rules) {
      out.putIfAbsent(r.meta().id(), r);
    }
    return out;
  }
}
