package io.venuerisk.io;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Test helper: an engine shared by the tests of one JVM, and a report written to a string. */
final class SampleAssessments {
  private static Engine engine;

  static synchronized Engine engine() {
    if (engine == null) {
      engine = new Engine(RuleBase.shipped(), ReferenceData.bundled());
    }
    return engine;
  }

  static Assessment cologne() {
    Scenario s =
        ScenarioFiles.read(Records.JSON, Path.of("scenarios/christmas-market-cologne-2026.json"));
    return engine().assess(s);
  }

  static Assessment named(String id, String name) {
    Scenario c =
        ScenarioFiles.read(Records.JSON, Path.of("scenarios/christmas-market-cologne-2026.json"));
    return engine()
        .assess(
            new Scenario(
                id, name, c.date(), c.endDate(), c.venue(), c.event(), c.profile(), c.security()));
  }

  static String write(BatchReport report, List<Assessment> rows, BatchSummary summary)
      throws IOException {
    StringWriter w = new StringWriter();
    report.begin(w);
    for (Assessment a : rows) {
      report.add(report.row(a));
    }
    report.end(summary);
    return w.toString();
  }

  static BatchSummary summary(List<Assessment> rows) {
    BatchSummary s = new BatchSummary();
    for (Assessment a : rows) {
      s.count(a.scenario().date(), a.tier());
      s.facts(a);
    }
    s.shown(rows.size());
    s.inputs("cal.json");
    return s;
  }
}
