package io.venuerisk.engine;

import io.venuerisk.model.Peer;
import io.venuerisk.model.PeerClass;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.PeerKind;
import io.venuerisk.model.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns an event's relations to the other events of a calendar ({@link Peer}s) into the few {@link
 * PeerGroup} facts the cross-event rules read: one per kind and class that has any.
 */
public final class PeerGroups {
  private static final PeerKind[] KINDS = PeerKind.values();
  private static final PeerClass[] CLASSES = PeerClass.values();

  private PeerGroups() {}

  /** Collects one scenario's relations as they are found, then builds its groups. */
  public static final class Builder {
    private final Scenario scenario;
    // [kind][class]: distinct other ids, and the day they share
    // (null until one, VARIED after two differ)
    private final TreeSet<String>[][] ids;
    private final LocalDate[][] days;
    // [kind][class]: the ids of relations assumed for lack of times (null while none)
    private final TreeSet<String>[][] assumed;

    @SuppressWarnings("unchecked")
    public Builder(Scenario scenario) {
      this.scenario = scenario;
      this.ids = new TreeSet[KINDS.length][CLASSES.length];
      this.days = new LocalDate[KINDS.length][CLASSES.length];
      this.assumed = new TreeSet[KINDS.length][CLASSES.length];
    }

    /**
     * One relation of this builder's scenario to {@code other}, first sharing {@code day}; {@code
     * assumed} when it rests on times not given ({@link io.venuerisk.model.Peer#assumed}).
     */
    public void relate(Scenario other, PeerKind kind, LocalDate day, boolean assumed) {
      int k = kind.ordinal();
      for (PeerClass c : CLASSES) {
        if (!c.contains(other)) {
          continue;
        }
        int i = c.ordinal();
        if (ids[k][i] == null) {
          ids[k][i] = new TreeSet<>();
          days[k][i] = day;
        } else if (days[k][i] != VARIED && !days[k][i].equals(day)) {
          days[k][i] = VARIED;
        }
        ids[k][i].add(other.id());
        if (assumed) {
          if (this.assumed[k][i] == null) {
            this.assumed[k][i] = new TreeSet<>();
          }
          this.assumed[k][i].add(other.id());
        }
      }
    }

    public void add(Peer p) {
      relate(p.other(), p.kind(), p.day(), p.assumed());
    }

    /** True when no relation was found. */
    public boolean isEmpty() {
      for (TreeSet<String>[] row : ids) {
        for (TreeSet<String> s : row) {
          if (s != null) {
            return false;
          }
        }
      }
      return true;
    }

    public void addTo(List<PeerGroup> out) {
      for (PeerKind kind : KINDS) {
        for (PeerClass c : CLASSES) {
          TreeSet<String> set = ids[kind.ordinal()][c.ordinal()];
          if (set == null) {
            continue;
          }
          LocalDate day = days[kind.ordinal()][c.ordinal()];
          // relations never hold the scenario's own id (Peers), so there is none to leave out
          TreeSet<String> guessed = assumed[kind.ordinal()][c.ordinal()];
          out.add(
              PeerGroup.of(
                  scenario,
                  kind,
                  c,
                  set.size(),
                  set,
                  null,
                  day == VARIED ? null : day,
                  guessed == null ? List.of() : List.copyOf(guessed)));
        }
      }
    }
  }

  /** Marks a group whose relations fall on different days. */
  private static final LocalDate VARIED = LocalDate.MIN;

  /** The groups of every scenario that has relations among {@code peers}. */
  public static List<PeerGroup> of(List<Peer> peers) {
    Map<Scenario, Builder> builders = new IdentityHashMap<>();
    List<Builder> order = new ArrayList<>();
    for (Peer p : peers) {
      Builder b = builders.get(p.scenario());
      if (b == null) {
        b = new Builder(p.scenario());
        builders.put(p.scenario(), b);
        order.add(b);
      }
      b.add(p);
    }
    List<PeerGroup> out = new ArrayList<>();
    for (Builder b : order) {
      b.addTo(out);
    }
    return out;
  }
}
