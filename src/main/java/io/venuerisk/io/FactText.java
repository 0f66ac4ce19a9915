package io.venuerisk.io;

import io.venuerisk.model.Country;
import io.venuerisk.model.During;
import io.venuerisk.model.Finding;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.MitigationOption;
import io.venuerisk.model.Observance;
import io.venuerisk.model.Peer;
import io.venuerisk.model.PeerGroup;
import io.venuerisk.model.Place;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelInForce;
import io.venuerisk.model.ThreatLevelOrigin;
import io.venuerisk.model.Trait;
import io.venuerisk.model.Vocabulary;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The facts of a rule match as a reader wants them: a scenario by its id, a derived fact by its
 * kind and reason, a reference row by its name and dates. Used by {@code explain}, which shows the
 * objects Drools reports for each firing.
 */
public final class FactText {
  /** Longest description of a fact type this class does not know (a user rule's own fact). */
  static final int MAX_OTHER = 120;

  private FactText() {}

  /**
   * A short name of the fact's type: lower_snake_case for the model's facts ({@code
   * HighProfileEvent} is {@code high_profile_event}), the class name for a user rule's own.
   */
  public static String type(Object fact) {
    if (fact instanceof Collection<?>) {
      return "collected"; // what an accumulate or collect handed the rule, not a fact of its own
    }
    Class<?> c = fact.getClass();
    String name = c.getSimpleName();
    if (!c.getPackageName().equals(Scenario.class.getPackageName())) {
      return name;
    }
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** One line describing the fact. */
  public static String describe(Object fact) {
    if (fact instanceof Scenario s) {
      return s.id();
    }
    if (fact instanceof Trait t) {
      return t.kind().code() + ": " + t.reason();
    }
    if (fact instanceof Place p) {
      return p.country() + " " + p.countryName() + " (region " + p.region().code() + ")";
    }
    if (fact instanceof During d) {
      return d.period().code() + ": " + d.label();
    }
    if (fact instanceof Country c) {
      return c.code() + " " + c.name() + " (region " + c.region().code() + ")";
    }
    if (fact instanceof Observance o) {
      return o.name() + ", " + days(o.start().toString(), o.end().toString());
    }
    if (fact instanceof HighProfileEvent h) {
      return h.name()
          + ", "
          + days(h.start().toString(), h.end().toString())
          + " in "
          + String.join(", ", h.countries());
    }
    if (fact instanceof TensionPeriod t) {
      return t.name()
          + ", "
          + (t.end() == null
              ? "since " + t.start()
              : days(t.start().toString(), t.end().toString()));
    }
    if (fact instanceof MitigationOption m) {
      return m.measure().code()
          + " against "
          + m.exposure().code()
          + ", "
          + m.role().code()
          + ", removes "
          + Numbers.percent(m.effectiveness());
    }
    if (fact instanceof Finding f) {
      return f.rule()
          + " "
          + Numbers.points(f.points())
          + " "
          + f.factor().code()
          + " for "
          + f.scenarioId();
    }
    if (fact instanceof PeerGroup g) {
      return g.kind().code()
          + ", "
          + g.peerClass().code()
          + ": "
          + g.count()
          + " ("
          + g.ids()
          + ") "
          + g.days();
    }
    if (fact instanceof Peer p) {
      return p.kind().code() + " with " + p.otherId() + " on " + p.day();
    }
    if (fact instanceof ThreatLevelInForce t) {
      return t.level()
          + " ("
          + t.rankName().code()
          + ", rank "
          + t.rank()
          + " of 5) in "
          + t.country()
          + " on "
          + t.system()
          + ", "
          + (t.until() == null
              ? "since " + t.asOf()
              : days(t.asOf().toString(), t.until().toString()))
          + ", from "
          + (t.origin() == ThreatLevelOrigin.REFERENCE_DATA
              ? "data/threat_levels.csv"
              : t.origin().code().replace('_', ' '))
          + (t.uncertain() ? " (not confirmed)" : "")
          + " for "
          + t.scenario().id();
    }
    if (fact instanceof Collection<?> all) {
      String text = all.stream().map(FactText::describe).collect(Collectors.joining("; "));
      return text.length() <= MAX_OTHER ? text : text.substring(0, MAX_OTHER - 3) + "...";
    }
    String s =
        fact instanceof Record r && !(fact instanceof Collection<?>)
            ? words(r)
            : String.valueOf(fact).replaceAll("\\s+", " ");
    return s.length() <= MAX_OTHER ? s : s.substring(0, MAX_OTHER - 3) + "...";
  }

  /**
   * A record this class has no words for (a model fact added later, a user rule's own fact) as its
   * fields in words, never Java's {@code Type[field=...]}: a scenario by its id, a vocabulary value
   * by its code, lists joined.
   */
  static String words(Record r) {
    StringBuilder sb = new StringBuilder();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (v == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(c.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT))
          .append(' ')
          .append(value(v));
    }
    return sb.toString();
  }

  private static String value(Object v) {
    if (v instanceof Scenario s) {
      return s.id();
    }
    if (v instanceof Vocabulary voc) {
      return voc.code();
    }
    if (v instanceof Collection<?> all) {
      return all.stream().map(FactText::value).collect(Collectors.joining("; "));
    }
    if (v instanceof Record inner) {
      return "(" + words(inner) + ")";
    }
    return String.valueOf(v).replaceAll("\\s+", " ");
  }

  private static String days(String from, String to) {
    return from.equals(to) ? from : from + " to " + to;
  }
}
