package io.venuerisk.engine;

import io.venuerisk.engine.ClassFile.Kind;
import io.venuerisk.engine.ClassFile.Ref;
import io.venuerisk.engine.RuleAllowList.Tier;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateDescr.AccumulateFunctionCallDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.builder.KieBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Refuses a user's rule folder whose code could reach outside the engine. DRL runs Java, so a
 * folder from another hand could read or write files, open connections, start processes, start
 * threads, use reflection or stop the tool. The check is an allow-list ({@code
 * rule-allow-list.txt}): the project's model, the finding helpers, a small set of JDK value types
 * and collections, and the engine calls a consequence needs (insert, insertLogical, getRule). It
 * runs in two steps, both by default and both lifted by {@code --allow-unsafe-rules}:
 *
 * <ol>
 *   <li>{@link #checkSources} reads the parsed DRL before anything is compiled. Drools evaluates
 *       some DRL text with MVEL while compiling (annotation values, declared types' defaults) and
 *       interprets the rest at run time (pattern constraints, {@code from}, salience); none of it
 *       becomes a class the second step could read. So annotations and attributes must be literals,
 *       declared types, globals, queries' callers, entry points, timers and the MVEL dialect are
 *       refused, conditions are checked against the allow-list by {@link ConditionCheck}, and every
 *       piece of Java must stay inside the method Drools puts it in ({@link JavaBlocks}), so that
 *       no code of the folder runs while it is compiled.
 *   <li>{@link #checkCompiled} reads the bytes of every class the classic compiler generated for
 *       the folder, before a rule base is built from them, and refuses any reference (class, field,
 *       method, method handle, method type, invokedynamic and the types in descriptors) that is not
 *       on the list. This is the part that cannot be spelled around: fully qualified names, unicode
 *       escapes, lambdas, method references and static imports all end up as constant-pool entries.
 * </ol>
 *
 * <p>Each problem is one line with the DRL file and the line of the rule, query or function.
 */
public final class RuleSafety {
  private static final String HINT =
      "; see the rule allow-list (docs/reliability.md), or --allow-unsafe-rules for a folder you trust";

  /** Accumulate functions a condition may use, with the type each binds (null: not known). */
  private static final Map<String, Class<?>> ACCUMULATE_FUNCTIONS = new LinkedHashMap<>();

  static {
    ACCUMULATE_FUNCTIONS.put("count", Long.class);
    ACCUMULATE_FUNCTIONS.put("sum", Number.class);
    ACCUMULATE_FUNCTIONS.put("average", Number.class);
    ACCUMULATE_FUNCTIONS.put("min", null);
    ACCUMULATE_FUNCTIONS.put("max", null);
    ACCUMULATE_FUNCTIONS.put("collectList", List.class);
    ACCUMULATE_FUNCTIONS.put("collectSet", Set.class);
  }

  private static final Pattern LITERAL =
      Pattern.compile(
          "\\s*(\"[^\"\\\\\\r\\n]*\"|'[^'\\\\\\r\\n]*'|-?\\d+(\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*)\\s*");

  /** The generated invoker classes: Drools' templates around a rule's code. */
  private static final Pattern INVOKER =
      Pattern.compile(
          "(Default|[A-Z][A-Za-z0-9_]*)ConsequenceInvoker|Eval\\d+Invoker|Predicate\\d+Invoker"
              + "|ReturnValue\\d+Invoker|AccumulateExpression\\d+Invoker|Accumulate\\d+Invoker");

  /** After the rule's name: the digits of its consequence's hash, then an invoker's suffix. */
  private static final Pattern INVOKER_AFTER_NAME =
      Pattern.compile("\\d+(" + INVOKER.pattern() + ")");

  private RuleSafety() {}

  /** Where a rule, query or function is written. */
  record Site(String kind, String name, String file, int line) {
    String label() {
      return "unsafe " + kind + " \"" + name + "\"";
    }
  }

  /** The result of the source check, and what the bytecode check needs to name rules. */
  public static final class Checked {
    private final List<RuleProblem> problems;
    private final List<RuleProblem> unresolved;
    private final Map<String, Site> ruleClasses; // simple class name of a rule's class -> rule
    private final Map<String, Site> ruleNames; // "Rule_" + normalised name -> rule (fallback)
    private final Map<String, Site> functionClasses;
    private final String folder;

    private Checked(
        String folder,
        List<RuleProblem> problems,
        List<RuleProblem> unresolved,
        Map<String, Site> ruleClasses,
        Map<String, Site> ruleNames,
        Map<String, Site> functionClasses) {
      this.folder = folder;
      this.problems = List.copyOf(problems);
      this.unresolved = List.copyOf(unresolved);
      this.ruleClasses = ruleClasses;
      this.ruleNames = ruleNames;
      this.functionClasses = functionClasses;
    }

    /**
     * Every unsafe construct found in the DRL text, by file and line; empty when all are safe. The
     * folder must not be compiled unless this is empty: the compiler evaluates parts of the DRL.
     */
    public List<RuleProblem> problems() {
      return problems;
    }

    /**
     * Names in conditions the check could not resolve (usually typos). Safe to compile, since every
     * class and member they could reach that the check can name was checked; if the folder compiles
     * all the same, it must be refused for these.
     */
    public List<RuleProblem> unresolved() {
      return unresolved;
    }
  }

  // ---------------------------------------------------------------- step 1: the DRL text

  /**
   * Checks the DRL of a folder ({@code file name -> text}) before it is compiled. A file that does
   * not parse is left to the compiler, which reports its syntax error and builds nothing from it.
   */
  public static Checked checkSources(Path dir, Map<String, String> sources) {
    RuleAllowList allow = RuleAllowList.standard();
    LanguageLevelOption level =
        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration()
            .getOption(LanguageLevelOption.KEY);
    Map<String, PackageDescr> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      try {
        DrlParser parser = new DrlParser(level);
        PackageDescr pkg = parser.parse(null, e.getValue());
        if (pkg != null && !parser.hasErrors()) {
          parsed.put(e.getKey(), pkg);
        }
      } catch (Exception ex) { // the compiler reports what the parser chokes on
        continue;
      }
    }
    // Drools merges the imports and functions of every file of a package
    Map<String, List<String>> importsByPackage = new HashMap<>();
    Map<String, List<String>> functionImportsByPackage = new HashMap<>();
    Map<String, List<FunctionDescr>> functionsByPackage = new HashMap<>();
    for (PackageDescr pkg : parsed.values()) {
      String p = pkg.getName();
      for (ImportDescr i : pkg.getImports()) {
        importsByPackage.computeIfAbsent(p, k -> new ArrayList<>()).add(i.getTarget());
      }
      for (FunctionImportDescr i : pkg.getFunctionImports()) {
        functionImportsByPackage.computeIfAbsent(p, k -> new ArrayList<>()).add(i.getTarget());
      }
      functionsByPackage.computeIfAbsent(p, k -> new ArrayList<>()).addAll(pkg.getFunctions());
    }
    List<RuleProblem> problems = new ArrayList<>();
    List<RuleProblem> unresolved = new ArrayList<>();
    Map<String, Site> ruleClasses = new HashMap<>();
    Map<String, Site> ruleNames = new HashMap<>();
    Map<String, Site> functionClasses = new HashMap<>();
    for (Map.Entry<String, PackageDescr> e : parsed.entrySet()) {
      String file = dir.resolve(e.getKey()).toString();
      PackageDescr pkg = e.getValue();
      String p = pkg.getName();
      RuleTypes types = new RuleTypes(importsByPackage.getOrDefault(p, List.of()));
      FileCheck fc =
          new FileCheck(
              allow,
              file,
              types,
              functionImportsByPackage.getOrDefault(p, List.of()),
              functionsByPackage.getOrDefault(p, List.of()),
              problems,
              unresolved);
      fc.file(pkg);
      for (FunctionDescr f : pkg.getFunctions()) {
        functionClasses.put(
            capital(f.getName()), new Site("function", f.getName(), file, f.getLine()));
      }
      for (RuleDescr r : pkg.getRules()) {
        Site site = new Site(r.isQuery() ? "query" : "rule", r.getName(), file, r.getLine());
        Object consequence = r.getConsequence();
        String base = "Rule_" + normalise(r.getName());
        if (consequence != null) {
          ruleClasses.put(base + Math.abs(consequence.hashCode()), site);
        }
        ruleNames.put(base, site);
      }
    }
    problems.sort(RuleChecker.ORDER);
    unresolved.sort(RuleChecker.ORDER);
    return new Checked(
        dir.toString(),
        dedupe(problems),
        dedupe(unresolved),
        ruleClasses,
        ruleNames,
        functionClasses);
  }

  private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
    return List.copyOf(new LinkedHashSet<>(problems));
  }

  /** The checks of one parsed DRL file. */
  private static final class FileCheck {
    private final RuleAllowList allow;
    private final String file;
    private final RuleTypes types;
    private final List<String> functionImports;
    private final List<FunctionDescr> functions;
    private final List<RuleProblem> problems;
    private final List<RuleProblem> unresolvedProblems;
    private final ConditionCheck conditions;
    private String where; // "unsafe rule \"X\"" while a rule is checked

    FileCheck(
        RuleAllowList allow,
        String file,
        RuleTypes types,
        List<String> functionImports,
        List<FunctionDescr> functions,
        List<RuleProblem> problems,
        List<RuleProblem> unresolved) {
      this.allow = allow;
      this.file = file;
      this.types = types;
      this.functionImports = functionImports;
      this.functions = functions;
      this.problems = problems;
      this.unresolvedProblems = unresolved;
      this.conditions = new ConditionCheck(allow, types, new FunctionTable());
    }

    private void problem(int line, String what) {
      problems.add(new RuleProblem(file, Math.max(line, 0), 0, where + ": " + what + HINT));
    }

    private void unresolved(int line, String what) {
      unresolvedProblems.add(
          new RuleProblem(file, Math.max(line, 0), 0, where + ": " + what + HINT));
    }

    void file(PackageDescr pkg) {
      where = "unsafe rule file";
      if (pkg.getUnit() != null) {
        problem(pkg.getUnit().getLine(), "rule units are not supported by the rule check");
      }
      attributes(pkg.getAttributes(), pkg.getLine());
      for (ImportDescr i : pkg.getImports()) {
        typeImport(i);
      }
      for (FunctionImportDescr i : pkg.getFunctionImports()) {
        functionImport(i);
      }
      if (!pkg.getAccumulateImports().isEmpty()) {
        problem(
            pkg.getAccumulateImports().get(0).getLine(),
            "'import accumulate' loads a class of its own as an accumulate function; use "
                + String.join(", ", ACCUMULATE_FUNCTIONS.keySet()));
      }
      for (GlobalDescr g : pkg.getGlobals()) {
        problem(
            g.getLine(),
            "global "
                + g.getIdentifier()
                + ": globals are not supported (the tool"
                + " never sets them)");
      }
      for (var t : pkg.getClassAndEnumDeclarationDescrs()) {
        problem(
            t.getLine(),
            "declare "
                + t.getTypeName()
                + ": declared types are not supported (Drools"
                + " evaluates their defaults while compiling); use the types of io.venuerisk.model");
      }
      for (var t : pkg.getEntryPointDeclarations()) {
        problem(t.getLine(), "entry points are not supported");
      }
      for (var t : pkg.getWindowDeclarations()) {
        problem(t.getLine(), "windows are not supported (they run timers)");
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        where = "unsafe function \"" + f.getName() + "\"";
        if ("mvel".equalsIgnoreCase(f.getDialect())) {
          problem(
              f.getLine(),
              "the MVEL dialect is interpreted, so the bytecode check cannot see it;"
                  + " write it in Java");
        }
        String why = JavaBlocks.problem(f.getBody());
        if (why != null) {
          problem(f.getLine(), "its body " + why);
        }
      }
      for (RuleDescr r : pkg.getRules()) {
        rule(r);
      }
    }

    private void typeImport(ImportDescr i) {
      String t = i.getTarget().strip();
      if (t.endsWith(".*")) {
        String p = t.substring(0, t.length() - 2);
        if (!allow.allowsPackage(p.replace('.', '/'))) {
          problem(i.getLine(), "import " + t + ": nothing in " + p + " is on the rule allow-list");
        }
        return;
      }
      Class<?> c = types.resolveQualified(t);
      if (c == null) {
        return; // the compiler says it does not exist
      }
      String internal = internal(c);
      if (!allow.allowsType(Tier.RULE, internal)) {
        problem(
            i.getLine(),
            "import "
                + t
                + ": "
                + c.getName()
                + " is not allowed, "
                + RuleAllowList.why(internal, null).replaceFirst("^which ", "it "));
      }
    }

    private void functionImport(FunctionImportDescr i) {
      String t = i.getTarget().strip();
      int dot = t.lastIndexOf('.');
      if (dot < 0) {
        return;
      }
      String member = t.substring(dot + 1);
      Class<?> c = types.resolveQualified(t.substring(0, dot));
      if (c == null) {
        return;
      }
      String internal = internal(c);
      boolean ok;
      if (member.equals("*")) {
        ok = true;
        for (Method m : c.getMethods()) {
          if (Modifier.isStatic(m.getModifiers())
              && !allow.allowsMember(Tier.RULE, internal, m.getName())) {
            ok = false;
          }
        }
      } else {
        ok = allow.allowsMember(Tier.RULE, internal, member);
      }
      if (!ok) {
        problem(
            i.getLine(),
            "import function "
                + t
                + ": "
                + c.getName()
                + "."
                + member
                + " is not allowed, "
                + RuleAllowList.why(internal, member).replaceFirst("^which ", "it "));
      }
    }

    private void attributes(Collection<AttributeDescr> attributes, int line) {
      for (AttributeDescr a : attributes) {
        String name = a.getName();
        String v = a.getValue() == null ? "" : a.getValue().strip();
        int at = a.getLine() > 0 ? a.getLine() : line;
        boolean ok =
            switch (name) {
              case "salience" -> v.matches("-?\\d+");
              case "no-loop", "lock-on-active", "auto-focus", "enabled" ->
                  v.isEmpty() || v.equals("true") || v.equals("false");
              case "agenda-group", "activation-group", "ruleflow-group" -> true;
              case "dialect" -> v.equals("java") || v.equals("\"java\"");
              default -> false;
            };
        if (!ok) {
          String what =
              switch (name) {
                case "dialect" ->
                    "the MVEL dialect is interpreted, so the bytecode check cannot see it;"
                        + " write the rule in Java (the default dialect)";
                case "salience", "enabled" ->
                    name
                        + " must be a literal (Drools evaluates an expression"
                        + " there with MVEL)";
                case "timer", "duration", "calendars" ->
                    name + " is not supported (it schedules firings" + " on a timer thread)";
                default -> "the attribute " + name + " is not supported by the rule check";
              };
          problem(at, what);
        }
      }
    }

    private void annotations(Collection<AnnotationDescr> annotations, int line) {
      for (AnnotationDescr a : annotations) {
        for (Object v : a.getValueMap().values()) {
          if (!literal(v)) {
            problem(
                line,
                "@"
                    + a.getName()
                    + "("
                    + shorten(String.valueOf(v))
                    + "): metadata must be a"
                    + " string or number literal (Drools evaluates anything else with MVEL while compiling)");
          }
        }
      }
    }

    private boolean literal(Object v) {
      if (v == null) {
        return true;
      }
      if (v instanceof Object[] arr) {
        for (Object o : arr) {
          if (!literal(o)) {
            return false;
          }
        }
        return true;
      }
      if (v instanceof Collection<?> c) {
        return c.stream().allMatch(this::literal);
      }
      if (!(v instanceof String s)) {
        return false;
      }
      for (String part : splitTopLevel(s)) {
        if (!LITERAL.matcher(part).matches()) {
          return false;
        }
      }
      return true;
    }

    private void rule(RuleDescr r) {
      where = "unsafe " + (r.isQuery() ? "query" : "rule") + " \"" + r.getName() + "\"";
      int line = r.getLine();
      if (r.getUnit() != null) {
        problem(line, "rule units are not supported by the rule check");
      }
      attributes(r.getAttributes().values(), line);
      annotations(r.getAnnotations(), line);
      Map<String, Class<?>> bindings = new HashMap<>();
      if (r instanceof QueryDescr q) {
        String[] names = q.getParameters();
        String[] ptypes = q.getParameterTypes();
        for (int i = 0; names != null && i < names.length; i++) {
          Class<?> c =
              ptypes == null || i >= ptypes.length ? null : resolveAllowed(ptypes[i], line);
          bindings.put(names[i], c);
        }
      }
      if (r.getLhs() != null) {
        lhs(r.getLhs(), bindings, line);
      }
      if (r.getConsequence() instanceof String c) {
        String why = JavaBlocks.problem(c);
        if (why != null) {
          problem(consequenceLine(r, line), "its consequence " + why);
        }
      }
      for (Map.Entry<String, Object> n : r.getNamedConsequences().entrySet()) {
        String why = n.getValue() instanceof String s ? JavaBlocks.problem(s) : null;
        if (why != null) {
          problem(line, "its consequence " + n.getKey() + " " + why);
        }
      }
    }

    private static int consequenceLine(RuleDescr r, int line) {
      return r.getConsequenceLine() > 0 ? r.getConsequenceLine() : line;
    }

    private void lhs(BaseDescr d, Map<String, Class<?>> bindings, int ruleLine) {
      int line = d.getLine() > 0 ? d.getLine() : ruleLine;
      if (d instanceof PatternDescr p) {
        pattern(p, bindings, ruleLine);
      } else if (d instanceof AndDescr
          || d instanceof OrDescr
          || d instanceof NotDescr
          || d instanceof ExistsDescr
          || d instanceof ForallDescr) {
        for (BaseDescr c : children(d)) {
          lhs(c, bindings, ruleLine);
        }
      } else if (d instanceof EvalDescr e) {
        javaExpression(e.getContent(), "its eval", line);
      } else if (d instanceof ConditionalBranchDescr b) {
        for (ConditionalBranchDescr x = b; x != null; x = x.getElseBranch()) {
          if (x.getCondition() != null) {
            javaExpression(x.getCondition().getContent(), "its if condition", line);
          }
        }
      } else if (!(d instanceof NamedConsequenceDescr)) {
        problem(
            line,
            d.getClass().getSimpleName().replace("Descr", "")
                + " is not supported by the rule check");
      }
    }

    private static List<? extends BaseDescr> children(BaseDescr d) {
      if (d instanceof AndDescr a) {
        return a.getDescrs();
      }
      if (d instanceof OrDescr o) {
        return o.getDescrs();
      }
      if (d instanceof NotDescr n) {
        return n.getDescrs();
      }
      if (d instanceof ExistsDescr x) {
        return x.getDescrs();
      }
      return ((ForallDescr) d).getDescrs();
    }

    private void javaExpression(Object content, String what, int line) {
      String why = content instanceof String s ? JavaBlocks.problem(s) : null;
      if (why != null) {
        problem(line, what + " " + why);
      }
    }

    private void pattern(PatternDescr p, Map<String, Class<?>> bindings, int ruleLine) {
      int line = p.getLine() > 0 ? p.getLine() : ruleLine;
      if (p.isQuery()) {
        problem(line, "calling a query from a rule is not supported by the rule check");
        return;
      }
      if (p.isUnification()) {
        problem(line, "unification (:=) is not supported by the rule check");
      }
      if (p.getBehaviors() != null && !p.getBehaviors().isEmpty()) {
        problem(line, "windows (over ...) are not supported (they run timers)");
      }
      if (!p.getAnnotations().isEmpty()) {
        problem(line, "annotations on patterns are not supported by the rule check");
      }
      Class<?> type = resolveAllowed(p.getObjectType(), line);
      PatternSourceDescr source = p.getSource();
      if (source instanceof FromDescr from) {
        String expr = from.getDataSource() == null ? null : from.getDataSource().getText();
        try {
          for (String u : conditions.source(expr == null ? "" : expr, bindings)) {
            unresolved(line, "the source 'from " + shorten(expr) + "': " + u);
          }
        } catch (ConditionCheck.Refused e) {
          problem(line, "the source 'from " + shorten(expr) + "': " + e.getMessage());
        }
      } else if (source instanceof CollectDescr collect) {
        if (collect.getInputPattern() != null) {
          pattern(collect.getInputPattern(), bindings, ruleLine);
        }
      } else if (source instanceof AccumulateDescr acc) {
        accumulate(acc, bindings, line, ruleLine);
      } else if (source != null) {
        problem(
            line,
            "the source "
                + source.getClass().getSimpleName().replace("Descr", "")
                + " is not supported by the rule check");
      }
      if (p.getIdentifier() != null) {
        bindings.put(p.getIdentifier(), type);
      }
      if (type == null && lastTypeRefused) {
        return; // reported
      }
      if (type == null) {
        // usually a typo the compiler reports; if it compiles after all, the folder is refused
        unresolved(
            line, "the rule check cannot resolve the pattern type '" + p.getObjectType() + "'");
      }
      if (p.getConstraint() != null) {
        for (BaseDescr c : p.getConstraint().getDescrs()) {
          constraint(c, type, bindings, line);
        }
      }
    }

    private void constraint(BaseDescr c, Class<?> type, Map<String, Class<?>> bindings, int line) {
      int at = c.getLine() > 0 ? c.getLine() : line;
      String text;
      if (c instanceof ExprConstraintDescr e) {
        if (e.getType() == ExprConstraintDescr.Type.POSITIONAL) {
          problem(at, "positional constraints are not supported by the rule check");
          return;
        }
        text = e.getExpression();
      } else if (c instanceof BindingDescr b) {
        if (b.isUnification()) {
          problem(at, "unification (:=) is not supported by the rule check");
          return;
        }
        text = b.getVariable() + " : " + b.getExpression();
      } else {
        problem(
            at, "the constraint '" + shorten(c.getText()) + "' is not supported by the rule check");
        return;
      }
      try {
        for (String u : conditions.constraint(text, type, bindings)) {
          unresolved(at, "the condition '" + shorten(text) + "': " + u);
        }
      } catch (ConditionCheck.Refused e) {
        problem(at, "the condition '" + shorten(text) + "': " + e.getMessage());
      }
    }

    private void accumulate(
        AccumulateDescr acc, Map<String, Class<?>> bindings, int line, int ruleLine) {
      if (acc.getInput() != null) {
        lhs(acc.getInput(), bindings, ruleLine);
      }
      if (acc.isExternalFunction()) {
        for (AccumulateFunctionCallDescr f : acc.getFunctions()) {
          if (!ACCUMULATE_FUNCTIONS.containsKey(f.getFunction())) {
            problem(
                line,
                "the accumulate function "
                    + f.getFunction()
                    + " is not one of "
                    + String.join(", ", ACCUMULATE_FUNCTIONS.keySet()));
          }
          if (f.isUnification()) {
            problem(line, "unification (:=) is not supported by the rule check");
          }
          for (String param : f.getParams() == null ? new String[0] : f.getParams()) {
            javaExpression(param, "the accumulate argument '" + shorten(param) + "'", line);
          }
          if (f.getBind() != null) {
            bindings.put(f.getBind(), ACCUMULATE_FUNCTIONS.get(f.getFunction()));
          }
        }
      } else {
        javaExpression(acc.getInitCode(), "its accumulate init", line);
        javaExpression(acc.getActionCode(), "its accumulate action", line);
        javaExpression(acc.getReverseCode(), "its accumulate reverse", line);
        javaExpression(acc.getResultCode(), "its accumulate result", line);
      }
    }

    /** The class a type name in the DRL denotes, if it resolves; a problem if it is not allowed. */
    private Class<?> resolveAllowed(String name, int line) {
      lastTypeRefused = false;
      if (name == null) {
        return null;
      }
      if (name.contains("[")) {
        problem(line, "array patterns are not supported by the rule check");
        lastTypeRefused = true;
        return null;
      }
      List<Class<?>> all = types.candidates(name);
      for (Class<?> c : all) {
        String internal = internal(c);
        if (!allow.allowsType(Tier.RULE, internal)) {
          problem(line, "it uses " + c.getName() + ", " + RuleAllowList.why(internal, null));
          lastTypeRefused = true;
          return null;
        }
      }
      return all.isEmpty() ? null : all.get(0);
    }

    /** Whether the last {@link #resolveAllowed} found a class that is not allowed (and said so). */
    private boolean lastTypeRefused;

    /** The functions a condition may call: the folder's own and the imported ones. */
    private final class FunctionTable implements ConditionCheck.Functions {
      @Override
      public boolean has(String name) {
        for (FunctionDescr f : functions) {
          if (f.getName().equals(name)) {
            return true;
          }
        }
        for (String imp : functionImports) {
          if (imp.endsWith("." + name) || imp.endsWith(".*")) {
            return true;
          }
        }
        return false;
      }

      @Override
      public Class<?> returnType(String name, int arity) throws ConditionCheck.Refused {
        for (FunctionDescr f : functions) {
          if (f.getName().equals(name)) {
            // its body is checked as bytecode; its return type must be allowed to be used
            return types.resolve(f.getReturnType() == null ? "void" : f.getReturnType());
          }
        }
        for (String imp : functionImports) {
          int dot = imp.lastIndexOf('.');
          String member = imp.substring(dot + 1);
          if (!member.equals(name) && !member.equals("*")) {
            continue;
          }
          Class<?> c = types.resolveQualified(imp.substring(0, dot));
          if (c == null) {
            continue;
          }
          List<Method> ms = ConditionCheck.methods(c, name, arity);
          ms.removeIf(m -> !Modifier.isStatic(m.getModifiers()));
          if (ms.isEmpty()) {
            continue;
          }
          String internal = internal(c);
          if (!allow.allowsMember(Tier.RULE, internal, name)) {
            throw new ConditionCheck.Refused(
                "it calls " + c.getName() + "." + name + ", " + RuleAllowList.why(internal, name));
          }
          return ms.get(0).getReturnType();
        }
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- step 2: the compiled classes

  /**
   * Checks every class the classic compiler generated for the folder, read from the builder's
   * packages. Call it after a successful {@code buildAll()} and before any rule base is made.
   */
  public static List<RuleProblem> checkCompiled(Checked checked, KieBuilder builder) {
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      InternalKieModule module = (InternalKieModule) builder.getKieModule();
      for (String kbase : module.getKieModuleModel().getKieBaseModels().keySet()) {
        KnowledgeBuilderImpl kb =
            (KnowledgeBuilderImpl) module.getKnowledgeBuilderForKieBase(kbase);
        for (PackageRegistry pr : kb.getPackageRegistry().values()) {
          if (pr.getPackage().getDialectRuntimeRegistry().getDialectData("java")
              instanceof JavaDialectRuntimeData java) {
            putClasses(classes, java.getStore());
          }
        }
        if (kb.getRootClassLoader() instanceof ProjectClassLoader pcl && pcl.getStore() != null) {
          putClasses(classes, pcl.getStore());
        }
      }
    } catch (RuntimeException e) {
      return List.of(
          new RuleProblem(
              checked.folder,
              0,
              0,
              "unsafe rules: the compiled classes cannot be read to check them ("
                  + e
                  + ")"
                  + HINT));
    }
    return checkClasses(checked, classes);
  }

  private static void putClasses(Map<String, byte[]> into, Map<String, byte[]> store) {
    for (Map.Entry<String, byte[]> e : store.entrySet()) {
      String k = e.getKey();
      if (k.endsWith(".class")) {
        k = k.substring(0, k.length() - ".class".length());
      }
      into.put(k.replace('.', '/'), e.getValue());
    }
  }

  /** The bytecode check over classes by internal name; package-private for tests. */
  static List<RuleProblem> checkClasses(Checked checked, Map<String, byte[]> classes) {
    RuleAllowList allow = RuleAllowList.standard();
    Map<String, ClassFile> parsed = new HashMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      try {
        parsed.put(e.getKey(), ClassFile.read(e.getValue()));
      } catch (ClassFile.Malformed m) {
        problems.add(problemFor(checked, e.getKey(), m.getMessage()));
      }
    }
    for (ClassFile cf : parsed.values()) {
      Tier tier = tier(checked, cf.name);
      Set<String> reported = new LinkedHashSet<>();
      Set<String> classesNamed = new HashSet<>();
      Map<String, String> typeOnly = new LinkedHashMap<>(); // class -> message
      for (Ref r : cf.refs) {
        Bad bad = check(allow, tier, r, parsed);
        if (bad == null) {
          continue;
        }
        if (bad.typeOnly()) {
          typeOnly.putIfAbsent(bad.type(), bad.message());
        } else if (reported.add(bad.message())) {
          classesNamed.add(bad.type());
        }
      }
      for (ClassFile.Member m : cf.declared) {
        for (String t : ClassFile.typesIn(m.descriptor())) {
          if (!typeAllowed(allow, tier, t, parsed)) {
            typeOnly.putIfAbsent(t, "uses " + dotted(t) + ", " + RuleAllowList.why(t, null));
          }
        }
      }
      // "calls java.io.File.<init>(String)" says enough: no "uses java.io.File" as well
      typeOnly.forEach(
          (cls, msg) -> {
            if (!classesNamed.contains(cls)) {
              reported.add(msg);
            }
          });
      for (String bad : reported) {
        problems.add(problemFor(checked, cf.name, bad));
      }
    }
    problems.sort(RuleChecker.ORDER);
    return dedupe(problems);
  }

  /** A reference that is not allowed: the class it is about, and what it does, for the message. */
  private record Bad(String type, String message, boolean typeOnly) {}

  /** Null if the reference is allowed. */
  private static Bad check(
      RuleAllowList allow, Tier tier, Ref r, Map<String, ClassFile> generated) {
    switch (r.kind()) {
      case CLASS -> {
        String t = elementOf(r.owner());
        if (t == null || typeAllowed(allow, tier, t, generated)) {
          return null;
        }
        return new Bad(t, "uses " + dotted(t) + ", " + RuleAllowList.why(t, null), true);
      }
      case TYPE -> {
        for (String t : ClassFile.typesIn(r.descriptor())) {
          if (!typeAllowed(allow, tier, t, generated)) {
            return new Bad(t, "uses " + dotted(t) + ", " + RuleAllowList.why(t, null), true);
          }
        }
        return null;
      }
      default -> {
        String owner = r.owner();
        if (owner.startsWith("[")) {
          String e = elementOf(owner);
          boolean ok =
              (e == null || typeAllowed(allow, tier, e, generated))
                  && (r.name().equals("clone")
                      || allow.allowsMember(tier, "java/lang/Object", r.name()));
          return ok
              ? null
              : new Bad(
                  e == null ? "java/lang/Object" : e,
                  describe(r) + ", " + RuleAllowList.why("java/lang/Object", r.name()),
                  false);
        }
        if (!memberAllowed(allow, tier, owner, r.name(), generated, 0)) {
          String o = resolvedOwner(owner, generated);
          return new Bad(owner, describe(r) + ", " + RuleAllowList.why(o, r.name()), false);
        }
        boolean isBootstrap =
            r.kind() == Kind.METHOD
                && (owner.equals("java/lang/invoke/LambdaMetafactory")
                    || owner.equals("java/lang/invoke/StringConcatFactory"));
        if (!isBootstrap) {
          for (String t : ClassFile.typesIn(r.descriptor())) {
            if (!typeAllowed(allow, tier, t, generated)) {
              return new Bad(
                  t,
                  "uses "
                      + dotted(t)
                      + " (in "
                      + describe(r).replaceFirst("^\\w+ ", "")
                      + "), "
                      + RuleAllowList.why(t, null),
                  true);
            }
          }
        }
        return null;
      }
    }
  }

  private static boolean memberAllowed(
      RuleAllowList allow,
      Tier tier,
      String owner,
      String name,
      Map<String, ClassFile> generated,
      int depth) {
    ClassFile g = generated.get(owner);
    if (g == null) {
      return allow.allowsMember(tier, owner, name);
    }
    if (depth > 20) {
      return false;
    }
    for (ClassFile.Member m : g.declared) {
      if (m.name().equals(name)) {
        return true;
      }
    }
    // inherited: it must be allowed where it is declared
    if (g.superName != null && !g.superName.equals("java/lang/Object")) {
      return memberAllowed(allow, tier, g.superName, name, generated, depth + 1);
    }
    if (allow.allowsMember(tier, "java/lang/Object", name)) {
      return true;
    }
    for (String i : g.interfaces) {
      if (memberAllowed(allow, tier, i, name, generated, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static String resolvedOwner(String owner, Map<String, ClassFile> generated) {
    ClassFile g = generated.get(owner);
    return g == null ? owner : g.superName == null ? "java/lang/Object" : g.superName;
  }

  private static boolean typeAllowed(
      RuleAllowList allow, Tier tier, String internal, Map<String, ClassFile> generated) {
    return generated.containsKey(internal) || allow.allowsType(tier, internal);
  }

  /** The class an array descriptor or class name is about; null for a primitive array. */
  private static String elementOf(String name) {
    String n = name;
    while (n.startsWith("[")) {
      n = n.substring(1);
    }
    if (n.length() == 1) {
      return null;
    }
    if (n.startsWith("L") && n.endsWith(";")) {
      return n.substring(1, n.length() - 1);
    }
    return n;
  }

  private static String describe(Ref r) {
    String owner = dotted(r.owner());
    if (r.kind() == Kind.FIELD) {
      return "uses " + owner + "." + r.name();
    }
    return "calls " + owner + "." + r.name() + "(" + parameters(r.descriptor()) + ")";
  }

  private static String parameters(String descriptor) {
    int close = descriptor.indexOf(')');
    if (!descriptor.startsWith("(") || close < 0) {
      return "";
    }
    List<String> out = new ArrayList<>();
    String d = descriptor.substring(1, close);
    int i = 0;
    while (i < d.length()) {
      int dims = 0;
      while (d.charAt(i) == '[') {
        dims++;
        i++;
      }
      String t;
      char c = d.charAt(i);
      if (c == 'L') {
        int end = d.indexOf(';', i);
        String name = d.substring(i + 1, end);
        t = name.substring(name.lastIndexOf('/') + 1).replace('$', '.');
        i = end + 1;
      } else {
        t =
            switch (c) {
              case 'Z' -> "boolean";
              case 'B' -> "byte";
              case 'C' -> "char";
              case 'S' -> "short";
              case 'I' -> "int";
              case 'J' -> "long";
              case 'F' -> "float";
              case 'D' -> "double";
              default -> String.valueOf(c);
            };
        i++;
      }
      out.add(t + "[]".repeat(dims));
    }
    return String.join(", ", out);
  }

  private static String dotted(String internal) {
    return internal.replace('/', '.').replace('$', '.');
  }

  /** Invoker classes (Drools' own templates) get the glue part of the list too. */
  private static Tier tier(Checked checked, String internalName) {
    String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
    if (checked.functionClasses.containsKey(simple)) {
      return Tier.RULE;
    }
    for (String base : checked.ruleNames.keySet()) {
      if (simple.startsWith(base)
          && INVOKER_AFTER_NAME.matcher(simple.substring(base.length())).matches()) {
        return Tier.GLUE;
      }
    }
    return Tier.RULE;
  }

  private static RuleProblem problemFor(Checked checked, String internalName, String what) {
    Site site = siteOf(checked, internalName);
    if (site == null) {
      return new RuleProblem(
          checked.folder,
          0,
          0,
          "unsafe code in the compiled class " + dotted(internalName) + ": " + what + HINT);
    }
    return new RuleProblem(site.file(), site.line(), 0, site.label() + ": " + what + HINT);
  }

  private static Site siteOf(Checked checked, String internalName) {
    String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
    String best = null;
    for (String k : checked.ruleClasses.keySet()) {
      if (simple.startsWith(k) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    if (best != null) {
      return checked.ruleClasses.get(best);
    }
    for (Map.Entry<String, Site> f : checked.functionClasses.entrySet()) {
      if (simple.equals(f.getKey()) || simple.startsWith(f.getKey() + "$")) {
        return f.getValue();
      }
    }
    for (String k : checked.ruleNames.keySet()) {
      if (simple.startsWith(k)
          && simple.length() > k.length()
          && Character.isDigit(simple.charAt(k.length()))
          && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best == null ? null : checked.ruleNames.get(best);
  }

  // ---------------------------------------------------------------- helpers

  /** The name part of a rule's generated class, as Drools writes it (DialectUtil). */
  static String normalise(String ruleName) {
    String s = ruleName.replace(' ', '_');
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '$') {
        sb.append("_dollar_");
      } else if (Character.isJavaIdentifierPart(c)) {
        sb.append(c);
      } else {
        sb.append("$u").append((int) c).append('$');
      }
    }
    return sb.toString();
  }

  private static String internal(Class<?> c) {
    return c.getName().replace('.', '/');
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }

  /** Splits "a", "b" at commas outside quotes. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : s.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        cur.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
