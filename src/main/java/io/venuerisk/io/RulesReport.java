package io.venuerisk.io;

import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.engine.RuleProblem;
import io.venuerisk.model.Measure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code rules} prints: the rule catalogue, the guide-statement coverage matrix, and the
 * result of {@code rules --check}.
 */
public final class RulesReport {
  private RulesReport() {}

  public record RuleView(
      String id,
      String title,
      String file,
      int line,
      String category,
      String factor,
      int points,
      List<String> cites,
      List<String> measures) {}

  public record StatementView(String id, String text, List<String> rules, String contextOnly) {}

  public record CoverageView(List<StatementView> statements) {}

  public record ProblemView(String file, int line, int column, String message) {}

  public record CheckView(
      String folder, boolean ok, int rules, int files, List<ProblemView> problems) {}

  public static void catalogueJson(Writer out, List<RuleInfo> rules) throws IOException {
    Json.write(out, catalogue(rules));
  }

  /** What {@link #catalogueJson} writes, for a caller that lays the JSON out itself. */
  public static List<RuleView> catalogue(List<RuleInfo> rules) {
    return rules.stream()
        .map(
            r ->
                new RuleView(
                    r.meta().id(),
                    r.meta().title(),
                    r.file(),
                    r.line(),
                    r.meta().category().code(),
                    r.meta().category().factor().code(),
                    r.meta().points(),
                    r.meta().cites(),
                    r.meta().measures().stream().map(Measure::code).toList()))
        .toList();
  }

  public static void catalogueMarkdown(PrintWriter out, List<RuleInfo> rules) {
    out.println("| id | title | file | category | factor | points | cites | measures |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (RuleInfo r : rules) {
      out.printf(
          "| %s | %s | %s:%d | %s | %s | %d | %s | %s |%n",
          r.meta().id(),
          r.meta().title(),
          r.file(),
          r.line(),
          r.meta().category().code(),
          r.meta().category().factor().code(),
          r.meta().points(),
          String.join(" ", r.meta().cites()),
          measures(r));
    }
  }

  public static void catalogueText(PrintWriter out, List<RuleInfo> rules) {
    for (RuleInfo r : rules) {
      out.printf(
          "%-32s %-15s %+4d  %-20s %s%n",
          r.meta().id(),
          r.meta().category().code(),
          r.meta().points(),
          r.file() + ":" + r.line(),
          r.meta().title());
      out.printf(
          "%-32s cites %s%s%n",
          "",
          String.join(" ", r.meta().cites()),
          r.meta().measures().isEmpty() ? "" : "; measures " + measures(r));
    }
    out.println();
    out.println(rules.size() + " rules");
  }

  public static void coverageText(PrintWriter out, Coverage c) {
    for (Coverage.Row r : c.rows()) {
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
    long covered = c.rows().stream().filter(Coverage.Row::covered).count();
    out.println(
        covered
            + " of "
            + c.rows().size()
            + " statements encoded by rules; "
            + c.gaps().size()
            + " gaps");
  }

  public static void coverageMarkdown(PrintWriter out, Coverage c) {
    out.println("| statement | text | rules |");
    out.println("|---|---|---|");
    for (Coverage.Row r : c.rows()) {
      String rules =
          r.covered()
              ? String.join(", ", r.rules())
              : r.statement().encodable()
                  ? "**not covered**"
                  : "context only: " + r.statement().contextOnly();
      out.printf(
          "| %s | %s | %s |%n",
          r.statement().id(), r.statement().text().replace("|", "\\|"), rules);
    }
  }

  public static void coverageJson(Writer out, Coverage c) throws IOException {
    Json.write(out, coverage(c));
  }

  /** What {@link #coverageJson} writes, for a caller that lays the JSON out itself. */
  public static CoverageView coverage(Coverage c) {
    return new CoverageView(
        c.rows().stream()
            .map(
                r ->
                    new StatementView(
                        r.statement().id(),
                        r.statement().text(),
                        r.rules(),
                        r.statement().encodable() ? null : r.statement().contextOnly()))
            .toList());
  }

  public static void checkJson(
      Writer out, String folder, boolean ok, int rules, int files, List<RuleProblem> problems)
      throws IOException {
    Json.write(
        out,
        new CheckView(
            folder,
            ok,
            rules,
            files,
            problems.stream()
                .map(p -> new ProblemView(p.file(), p.line(), p.column(), p.message()))
                .toList()));
  }

  private static String measures(RuleInfo r) {
    return r.meta().measures().stream().map(Measure::code).collect(Collectors.joining(" "));
  }
}
