package io.venuerisk.engine;

import io.venuerisk.model.Category;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.Vocabulary;
import io.venuerisk.reference.RiskTables;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.api.builder.Message;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The conventions every rule folder must keep, checked on the DRL text before anything is scored:
 * each rule has an {@code @id}, unique across the folder; it cites at least one guide statement and
 * only statements that exist; its {@code @category} is one of the score categories; {@code @points}
 * is an integer and {@code @measures} names known measures. {@link RuleBase#fromFolder} runs these
 * checks after the classic compiler, so {@code rules --check DIR} and {@code --rules DIR} refuse a
 * folder with the same messages. Also turns the compiler's multi-line messages into one line.
 */
public final class RuleChecker {
  private RuleChecker() {}

  /**
   * Convention problems of the DRL sources of a folder ({@code file name -> text}). A file that
   * does not parse is skipped: the compiler reports its syntax error with its line.
   *
   * @param dir the folder, used to name files in problems
   * @param statementIds the guide statement ids a rule may cite
   */
  public static List<RuleProblem> conventions(
      Path dir, Map<String, String> sources, Collection<String> statementIds) {
    Set<String> known = Set.copyOf(statementIds);
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, Seen> firstById = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String file = dir.resolve(e.getKey()).toString();
      String text = e.getValue();
      PackageDescr pkg = parse(text);
      if (pkg == null) {
        continue;
      }
      for (RuleDescr rule : pkg.getRules()) {
        checkRule(file, text, rule, known, firstById, problems);
      }
    }
    problems.sort(ORDER);
    return problems;
  }

  /** Problems in file order, then line order. */
  /**
   * The rules against data/points.csv: a scoring rule whose points the table does not give (and
   * that has no {@code @points} of its own) would score nothing, and a row for a rule the folder
   * does not have is a typo or a leftover. Exposures take their weights from
   * data/tactic_weights.csv and the baseline from data/country_baseline.csv, so they need no row.
   */
  public static List<RuleProblem> points(RuleBase rules, RiskTables tables, String pointsFile) {
    List<RuleProblem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RuleInfo r : rules.rules()) {
      RuleMeta m = r.meta();
      ids.add(m.id());
      Category c = m.category();
      boolean tabled =
          c == Category.CLASSIFICATION || c == Category.EXPOSURE || c == Category.BASELINE;
      if (!tabled && tables.points(m.id()).isEmpty() && m.points() == 0) {
        out.add(
            new RuleProblem(
                r.file(),
                r.line(),
                0,
                "rule "
                    + m.id()
                    + " has no row in "
                    + pointsFile
                    + ": add one (rule,points,group,note) or it scores nothing"));
      }
    }
    for (RiskTables.Points p : tables.points().values()) {
      if (!ids.contains(p.rule())) {
        out.add(
            new RuleProblem(
                pointsFile,
                (int) p.line(),
                0,
                "row for rule " + p.rule() + ", which no rule of the folder has as its @id"));
      }
    }
    out.sort(ORDER);
    return out;
  }

  public static final Comparator<RuleProblem> ORDER =
      Comparator.comparing(RuleProblem::file)
          .thenComparingInt(RuleProblem::line)
          .thenComparingInt(RuleProblem::column)
          .thenComparing(RuleProblem::message);

  private static PackageDescr parse(String text) {
    try {
      DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
      PackageDescr pkg = parser.parse(null, text);
      return parser.hasErrors() ? null : pkg;
    } catch (Exception e) { // a DRL the parser chokes on is the compiler's to report
      return null;
    }
  }

  private static void checkRule(
      String file,
      String text,
      RuleDescr rule,
      Set<String> known,
      Map<String, Seen> firstById,
      List<RuleProblem> problems) {
    String name = rule.getName();
    int ruleLine = Math.max(rule.getLine(), 0);
    String where = "rule \"" + name + "\": ";

    String id = value(rule, "id");
    if (id == null || id.isEmpty()) {
      problems.add(
          new RuleProblem(
              file,
              ruleLine,
              0,
              where + "no @id; every rule needs a stable id such as @id(\"TGT-EXAMPLE\")"));
    } else {
      Seen here = new Seen(file, line(text, ruleLine, "id"), name);
      Seen first = firstById.putIfAbsent(id, here);
      if (first != null) {
        problems.add(
            new RuleProblem(
                file,
                here.line(),
                0,
                where
                    + "duplicate @id(\""
                    + id
                    + "\"), already the id of rule \""
                    + first.rule()
                    + "\" at "
                    + Path.of(first.file()).getFileName()
                    + ":"
                    + first.line()));
      }
    }

    String cites = value(rule, "cites");
    List<String> citeList = cites == null ? List.of() : RuleMeta.split(cites);
    if (citeList.isEmpty()) {
      problems.add(
          new RuleProblem(
              file,
              ruleLine,
              0,
              where
                  + "no @cites; every rule cites the guide statements that justify it,"
                  + " e.g. @cites(\"ISK-T2\")"));
    } else {
      int citesLine = line(text, ruleLine, "cites");
      for (String c : citeList) {
        if (!known.contains(c)) {
          String hint = section(c, known);
          problems.add(
              new RuleProblem(
                  file,
                  citesLine,
                  0,
                  where
                      + "@cites names \""
                      + c
                      + "\", which is not a guide statement id"
                      + hint
                      + " (see data/guide_statements.csv)"));
        }
      }
    }

    String category = value(rule, "category");
    if (category != null && !category.isEmpty()) {
      try {
        RuleMeta.parseCategory(category);
      } catch (IllegalArgumentException ex) {
        List<String> codes = Arrays.stream(Category.values()).map(Vocabulary::code).toList();
        String hint = Nearest.of(category, codes).map(n -> "; nearest: " + n).orElse("");
        problems.add(
            new RuleProblem(
                file,
                line(text, ruleLine, "category"),
                0,
                where
                    + "unknown @category(\""
                    + category
                    + "\"); expected one of "
                    + String.join(", ", codes)
                    + hint));
      }
    }

    String points = value(rule, "points");
    if (points != null) {
      try {
        RuleMeta.parseInt(points);
      } catch (IllegalArgumentException ex) {
        problems.add(
            new RuleProblem(file, line(text, ruleLine, "points"), 0, where + ex.getMessage()));
      }
    }

    String measures = value(rule, "measures");
    if (measures != null) {
      List<String> codes = Arrays.stream(Measure.values()).map(Vocabulary::code).toList();
      for (String m : RuleMeta.split(measures)) {
        try {
          RuleMeta.measure(m);
        } catch (IllegalArgumentException ex) {
          String hint = Nearest.of(m, codes).map(n -> "; nearest: " + n).orElse("");
          problems.add(
              new RuleProblem(
                  file,
                  line(text, ruleLine, "measures"),
                  0,
                  where + "unknown measure \"" + m + "\" in @measures" + hint));
        }
      }
    }
  }

  private record Seen(String file, int line, String rule) {}

  /** For a wrong cite such as ISK-T9: the ids of its section (ISK-T1, ISK-T2, ISK-T3), if any. */
  private static String section(String cite, Set<String> known) {
    String prefix = cite.replaceAll("\\d+$", "");
    if (prefix.isEmpty() || prefix.equals(cite)) {
      return "";
    }
    List<String> same = known.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    return same.isEmpty() ? "" : "; that section has " + String.join(", ", same);
  }

  /** An annotation's value as RuleMeta reads it (quotes stripped), or null when absent. */
  private static String value(RuleDescr rule, String name) {
    AnnotationDescr a = rule.getAnnotation(name);
    if (a == null) {
      return null;
    }
    Object v = a.getValue();
    return RuleMeta.text(v);
  }

  /**
   * The line of {@code @name(} between the rule's header and its {@code when}: annotations carry no
   * line of their own in the parser's tree. Falls back to the rule's line.
   */
  static int line(String text, int ruleLine, String annotation) {
    String[] lines = text.split("\n", -1);
    Pattern at = Pattern.compile("@" + Pattern.quote(annotation) + "\\s*\\(");
    for (int i = Math.max(ruleLine - 1, 0); i < lines.length; i++) {
      String l = lines[i];
      if (at.matcher(l).find()) {
        return i + 1;
      }
      if (i > ruleLine - 1 && l.strip().matches("(when|then|end)\\b.*")) {
        break;
      }
    }
    return ruleLine;
  }

  // ---- compiler messages ----

  private static final Pattern ERROR = Pattern.compile("\\[Error: ([^\\]\\n]*)\\]?");
  private static final Pattern STRICT =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern RULE_NAME = Pattern.compile("\\[Rule name='([^']*)'\\]");
  private static final Pattern ANALYSE = Pattern.compile("^Unable to Analyse Expression (.*?):?$");
  private static final Pattern NO_SUCH_IDENTIFIER = Pattern.compile("no such identifier: (\\w+)");
  private static final Pattern JAVA_ERROR = Pattern.compile("\\(\\d+:\\d+\\) : (.*)");

  /**
   * One line for a compiler message: the first line, with the cause the classic compiler tucks into
   * later lines ({@code [Error: ...]}, a consequence's Java error) and the rule it is in. An
   * unknown fact field gets the field and type named, with the nearest real field.
   */
  public static String describe(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String first = text.strip().lines().findFirst().orElse("").strip();
    Matcher rule = RULE_NAME.matcher(text);
    String ruleName = rule.find() ? rule.group(1) : null;
    Matcher strict = STRICT.matcher(text);
    if (strict.find()) {
      String type = strict.group(1);
      String field = strict.group(2);
      String simple = type.substring(type.lastIndexOf('.') + 1);
      String hint = Nearest.of(field, fields(type)).map(n -> "; nearest: " + n).orElse("");
      Matcher analyse = ANALYSE.matcher(first);
      String expr = analyse.matches() ? " in `" + analyse.group(1).strip() + "`" : "";
      return prefix(ruleName) + "unknown field '" + field + "' of " + simple + expr + hint;
    }
    Matcher err = ERROR.matcher(text);
    if (err.find()) {
      Matcher analyse = ANALYSE.matcher(first);
      String expr = analyse.matches() ? " in `" + analyse.group(1).strip() + "`" : "";
      String cause = err.group(1).strip();
      Matcher unknown = NO_SUCH_IDENTIFIER.matcher(cause);
      String hint = "";
      if (unknown.matches() && unknown.group(1).startsWith("is")) {
        // the classic compiler takes a boolean method named is... for the getter of the rest
        hint =
            " (the classic compiler reads a boolean method named is... as a getter of another"
                + " property: write "
                + unknown.group(1)
                + "() instead)";
      }
      return prefix(ruleName) + cause + expr + hint;
    }
    if (first.startsWith("Rule Compilation error")) {
      Matcher java = JAVA_ERROR.matcher(text);
      List<String> causes = new ArrayList<>();
      while (java.find()) {
        causes.add(java.group(1).strip());
      }
      if (!causes.isEmpty()) {
        return prefix(ruleName) + "consequence does not compile: " + String.join("; ", causes);
      }
    }
    return first;
  }

  /** Whether a compiler message only repeats that a file with a syntax error made no package. */
  public static boolean redundant(Message m) {
    String t = m.getText();
    return t != null && t.contains("Parser returned a null Package");
  }

  private static String prefix(String ruleName) {
    return ruleName == null ? "" : "rule \"" + ruleName + "\": ";
  }

  /** The names a rule can use as fields of a fact type: its public no-argument methods. */
  private static Set<String> fields(String type) {
    try {
      Class<?> c = Class.forName(type, false, RuleChecker.class.getClassLoader());
      Set<String> out = new TreeSet<>();
      for (Method m : c.getMethods()) {
        if (m.getParameterCount() == 0
            && !Modifier.isStatic(m.getModifiers())
            && m.getDeclaringClass() != Object.class
            && m.getReturnType() != void.class) {
          String n = m.getName();
          if (n.startsWith("get") && n.length() > 3) {
            n = Character.toLowerCase(n.charAt(3)) + n.substring(4);
          }
          out.add(n);
        }
      }
      out.removeAll(Set.of("hashCode", "toString", "getClass"));
      return out;
    } catch (ClassNotFoundException | LinkageError e) {
      return Set.of();
    }
  }
}
