package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import io.venuerisk.model.Country;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.IskRegion;
import io.venuerisk.model.Nearest;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The high-profile events of one context file: its {@code highProfileEvents} array, or a CSV file
 * with a {@code countries} column.
 */
final class ContextHighProfileEvents implements ContextFile.RowKind {
  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "start",
          "end",
          "countries",
          "cities",
          "sporting",
          "european",
          "cites",
          "provisional",
          "source",
          "note");

  /** A high-profile event as written. */
  @JsonIgnoreProperties({ContextFile.COMMENT})
  record Input(
      String id,
      String name,
      LocalDate start,
      LocalDate end,
      List<String> countries,
      List<String> cities,
      Boolean sporting,
      Boolean european,
      List<String> cites,
      Boolean provisional,
      String source,
      String note) {}

  private static final ObjectReader READER = ContextRow.reader(Input.class);

  private final ReferenceData data;
  final List<HighProfileEvent> rows = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  ContextHighProfileEvents(ReferenceData data) {
    this.data = data;
  }

  @Override
  public String key() {
    return ContextFile.EVENTS;
  }

  @Override
  public String table() {
    return "high-profile events";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public void read(ContextRow at, JsonParser p) throws IOException {
    HighProfileEvent e = check(at, READER.readValue(p));
    if (!ids.add(e.id())) {
      throw at.error(
          "id", "'" + e.id() + "' is declared twice in this file; each high-profile event id once");
    }
    rows.add(e);
  }

  private HighProfileEvent check(ContextRow at, Input in) {
    at.present(in);
    String id = at.text("id", in.id(), "a short unique id, such as madrid-fan-zone-2027");
    String name = at.text("name", in.name(), "a name");
    LocalDate start = at.required("start", in.start());
    LocalDate end = in.end() == null ? start : in.end();
    if (end.isBefore(start)) {
      throw at.error(
          "end",
          "ends "
              + end
              + ", before the event starts ("
              + start
              + "); expected "
              + start
              + " or later");
    }
    List<String> countries = at.list("countries", in.countries());
    if (countries.isEmpty()) {
      throw at.error(
          "countries",
          "required; expected the host countries as ISO 3166-1 alpha-2 codes, such as [\"ES\"]");
    }
    boolean europe = true;
    for (String c : countries) {
      Country country = at.country(data, "countries", c);
      europe &= country.region() == IskRegion.EUROPE;
    }
    List<String> cites = at.list("cites", in.cites());
    for (String c : cites) {
      if (!data.isStatement(c)) {
        String hint =
            Nearest.of(c, data.statements().keySet()).map(n -> "; nearest: " + n).orElse("");
        throw at.error(
            "cites", "unknown guide statement '" + c + "'; expected an id such as ISK-T2" + hint);
      }
    }
    return new HighProfileEvent(
        id,
        name,
        start,
        end,
        countries,
        Boolean.TRUE.equals(in.sporting()),
        in.european() != null ? in.european() : europe,
        cites,
        at.optional("note", in.note()),
        at.list("cities", in.cities()),
        Boolean.TRUE.equals(in.provisional()),
        at.source("source", in.source()),
        at.file());
  }
}
