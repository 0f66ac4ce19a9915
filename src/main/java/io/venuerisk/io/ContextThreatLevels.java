package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import io.venuerisk.model.Country;
import io.venuerisk.model.ThreatLevelDefinition;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The threat-level rows of one context file: its {@code threatLevels} array, or a CSV file with a
 * {@code level} column. A level is written in its country's own vocabulary.
 */
final class ContextThreatLevels implements ContextFile.RowKind {
  static final List<String> COLUMNS = List.of("country", "level", "from", "to", "source");

  /** A threat-level row as written. */
  @JsonIgnoreProperties({ContextFile.COMMENT})
  record Input(String country, String level, LocalDate from, LocalDate to, String source) {}

  private static final ObjectReader READER = ContextRow.reader(Input.class);

  private final ReferenceData data;
  final List<ThreatLevelPeriod> rows = new ArrayList<>();

  ContextThreatLevels(ReferenceData data) {
    this.data = data;
  }

  @Override
  public String key() {
    return ContextFile.THREATS;
  }

  @Override
  public String table() {
    return "threat levels";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public void read(ContextRow at, JsonParser p) throws IOException {
    rows.add(check(at, READER.readValue(p)));
  }

  private ThreatLevelPeriod check(ContextRow at, Input in) {
    at.present(in);
    String code = at.text("country", in.country(), "an ISO 3166-1 alpha-2 code such as GB");
    Country country = at.country(data, "country", code);
    String level =
        at.text(
            "level",
            in.level(),
            "a level of the country's own system, such as SEVERE (GB) or urgence_attentat (FR)");
    ThreatLevelDefinition d =
        ThreatLevelInput.resolve(
            data.threatLevels(),
            country.code(),
            level,
            at.file(),
            at.line(),
            at.record(),
            at.prefix() + "level");
    LocalDate from = at.required("from", in.from());
    if (in.to() != null && in.to().isBefore(from)) {
      throw at.error(
          "to",
          "ends "
              + in.to()
              + ", before the level starts ("
              + from
              + "); expected "
              + from
              + " or later, or no end while it is in force");
    }
    return new ThreatLevelPeriod(
        country.code(),
        d.system(),
        d.level(),
        d.rank(),
        from,
        in.to(),
        at.source("source", in.source()),
        at.file());
  }
}
