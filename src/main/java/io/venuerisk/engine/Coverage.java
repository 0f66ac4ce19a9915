package io.venuerisk.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.model.GuideStatement;
import java.io.PrintWriter;
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
    return rows.stream().filter(r -> !r.covered() && r.statement().encodable()).map(Row::statement).toList();
  }

  public void writeText(PrintWriter out) {
    for (Row r : rows) {
      out.printf("%-7s %s%n", r.statement().id(), r.statement().text());
      if (r.covered()) {
        out.println("        rules: " + String.join(", ", r.rules()));
      } else if (!r.statement().encodable()) {
        out.println("        context only: " + r.statement().contextOnly());
      } else {
        out.println("        NOT COVERED: no rule cites it");
      }
    }
    out.println();
    long covered = rows.stream().filter(Row::covered).count();
    out.println(covered + " of " + rows.size() + " statements encoded by rules; "
        + gaps().size() + " gaps");
  }

  public void writeMarkdown(PrintWriter out) {
    out.println("| statement | text | rules |");
    out.println("|---|---|---|");
    for (Row r : rows) {
      String rules = r.covered() ? String.join(", ", r.rules())
          : r.statement().encodable() ? "**not covered**" : "context only: " + r.statement().contextOnly();
      out.printf("| %s | %s | %s |%n", r.statement().id(), r.statement().text().replace("|", "\\|"), rules);
    }
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode arr = o.putArray("statements");
    for (Row r : rows) {
      ObjectNode x = arr.addObject();
      x.put("id", r.statement().id());
      x.put("text", r.statement().text());
      ArrayNode ids = x.putArray("rules");
      r.rules().forEach(ids::add);
      if (!r.statement().encodable()) {
        x.put("contextOnly", r.statement().contextOnly());
      }
    }
    return o;
  }
}
