package io.venuerisk.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import io.venuerisk.model.Community;
import io.venuerisk.model.TensionPeriod;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tension periods of one context file: its {@code tensionPeriods} array, or a CSV file with a
 * {@code communities} column.
 */
final class ContextTensionPeriods implements ContextFile.RowKind {
  static final List<String> COLUMNS = List.of("id", "name", "start", "end", "communities", "note");

  /** A tension period as written. */
  @JsonIgnoreProperties({ContextFile.COMMENT})
  record Input(
      String id,
      String name,
      LocalDate start,
      LocalDate end,
      List<Community> communities,
      String note) {}

  private static final ObjectReader READER = ContextRow.reader(Input.class);

  final List<TensionPeriod> rows = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  @Override
  public String key() {
    return ContextFile.TENSIONS;
  }

  @Override
  public String table() {
    return "tension periods";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public void read(ContextRow at, JsonParser p) throws IOException {
    TensionPeriod t = check(at, READER.readValue(p));
    if (!ids.add(t.id())) {
      throw at.error(
          "id", "'" + t.id() + "' is declared twice in this file; each tension period id once");
    }
    rows.add(t);
  }

  private static TensionPeriod check(ContextRow at, Input in) {
    at.present(in);
    String id = at.text("id", in.id(), "a short unique id");
    String name = at.text("name", in.name(), "a name");
    LocalDate start = at.required("start", in.start());
    if (in.end() != null && in.end().isBefore(start)) {
      throw at.error(
          "end",
          "ends "
              + in.end()
              + ", before the period starts ("
              + start
              + "); expected "
              + start
              + " or later, or no end while the period is open");
    }
    List<Community> communities = in.communities() == null ? List.of() : in.communities();
    if (communities.size() > Limits.MAX_LIST_ENTRIES) {
      throw at.error(
          "communities", communities.size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    return new TensionPeriod(
        id, name, start, in.end(), communities, at.optional("note", in.note()), at.file());
  }
}
