package io.venuerisk.engine;

import io.venuerisk.model.GuideStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which rules cite each guide statement, and why a statement no rule cites is context only. */
public final class Coverage {
  /** One row of the matrix. */
  public record Row(GuideStatement statement, List<String> rules) {
    public boolean covered() {
      return !rules.isEmpty();
    }
  }

  private final List<Row> rows;

  private Coverage(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  public static Coverage of(RuleBase rules, Collection<GuideStatement> statements) {
    Map<String, List<String>> byStatement = new LinkedHashMap<>();
    for (RuleInfo r : rules.rules()) {
      for (String cite : r.meta().cites()) {
        byStatement.computeIfAbsent(cite, k -> new ArrayList<>()).add(r.meta().id());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (GuideStatement g : statements) {
      List<String> ids = new ArrayList<>(byStatement.getOrDefault(g.id(), List.of()));
      ids.sort(null);
      rows.add(new Row(g, List.copyOf(ids)));
    }
    return new Coverage(rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** Statements the guide marks as encodable that no rule cites: gaps in the rule pack. */
  public List<GuideStatement> gaps() {
    return rows.stream()
        .filter(r -> !r.covered() && r.statement().encodable())
        .map(Row::statement)
        .toList();
  }
}
