package io.venuerisk.flink;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.io.JsonLinesCalendar;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.reference.DeclaredContext;
import io.venuerisk.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every task of one JVM shares: the shipped rule base (a KieBase is not serialisable and takes
 * most of a second to build, so operators hold it in {@code transient} fields filled from here in
 * {@code open()}), the bundled reference data, the JSON reader, and an engine per set of declared
 * threat levels.
 */
final class Engines {
  private static final int ENGINES_KEPT = 16;
  private static volatile RuleBase rules;
  private static volatile JsonLinesCalendar calendar;
  private static volatile ScenarioJson json;
  private static final Map<byte[], VenueRegistry> registries = new LinkedHashMap<>();
  private static final Map<String, Engine> engines =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Engine> eldest) {
          return size() > ENGINES_KEPT;
        }
      };

  private Engines() {}

  static ReferenceData data() {
    return ReferenceData.bundled();
  }

  static RuleBase rules() {
    RuleBase r = rules;
    if (r == null) {
      synchronized (Engines.class) {
        r = rules;
        if (r == null) {
          r = RuleBase.shipped();
          rules = r;
        }
      }
    }
    return r;
  }

  /** The JSON Lines reader batch uses, with no venue registry. */
  static JsonLinesCalendar calendar() {
    JsonLinesCalendar c = calendar;
    if (c == null) {
      synchronized (Engines.class) {
        c = calendar;
        if (c == null) {
          c = new JsonLinesCalendar(json(), null);
          calendar = c;
        }
      }
    }
    return c;
  }

  /** The scenario reader and checker batch uses, with the bundled reference data. */
  static ScenarioJson json() {
    ScenarioJson j = json;
    if (j == null) {
      synchronized (Engines.class) {
        j = json;
        if (j == null) {
          j = new ScenarioJson(data());
          json = j;
        }
      }
    }
    return j;
  }

  /** The venue registry of these bytes, read once per JVM (the client has checked it). */
  static VenueRegistry venues(WholeFileFormat.Registry r) {
    synchronized (registries) {
      for (Map.Entry<byte[], VenueRegistry> e : registries.entrySet()) {
        if (Arrays.equals(e.getKey(), r.bytes()) && e.getValue().file().equals(r.name())) {
          return e.getValue();
        }
      }
      VenueRegistry v = VenueRegistry.read(r.name(), r.bytes());
      registries.put(r.bytes(), v);
      return v;
    }
  }

  /** The engine for the bundled data with these declared threat levels merged in. */
  static Engine engine(ThreatRow[] threatLevels) {
    String key = ThreatRow.key(threatLevels);
    synchronized (engines) {
      Engine e = engines.get(key);
      if (e == null) {
        List<ThreatLevelPeriod> periods = new ArrayList<>(threatLevels.length);
        for (ThreatRow r : threatLevels) {
          periods.add(r.period());
        }
        ReferenceData d = data().withDeclared(new DeclaredContext(List.of(), List.of(), periods));
        e = new Engine(rules(), d);
        engines.put(key, e);
      }
      return e;
    }
  }
}
