package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: everything a calendar reader hands over. */
final class Records implements CalendarReader.Sink {
  final List<Scenario> scenarios = new ArrayList<>();
  final List<Long> lines = new ArrayList<>();
  final List<InputException> rejected = new ArrayList<>();
  final List<InputException> warnings = new ArrayList<>();

  static final ScenarioJson JSON = new ScenarioJson(ReferenceData.bundled());

  static Records read(CalendarReader reader, String file, String text) {
    Records r = new Records();
    reader.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), r);
    return r;
  }

  @Override
  public void scenario(Scenario scenario, long record, long line) {
    scenarios.add(scenario);
    lines.add(line);
  }

  @Override
  public void rejected(InputException error) {
    rejected.add(error);
  }

  @Override
  public void warning(InputException warning) {
    warnings.add(warning);
  }

  List<String> messages() {
    return rejected.stream().map(InputException::getMessage).toList();
  }
}
