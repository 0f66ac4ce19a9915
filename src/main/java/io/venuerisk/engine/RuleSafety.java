package io.venuerisk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule files that reach outside the engine. DRL runs Java, so a rule folder from another
 * hand could read files, open connections, start processes or stop the tool. By default a rule may
 * only use the model, the finding helpers and side-effect-free JDK types; everything else is
 * reported with file and line, and {@code --allow-unsafe-rules} lifts the check.
 *
 * <p>The check is an allow-list over what DRL can name: imports must be on the list, fully
 * qualified names outside it and known escape hatches (reflection, class loading, System.exit,
 * threads, the MVEL dialect) are refused wherever they appear outside comments and strings.
 */
public final class RuleSafety {
  private static final List<Pattern> ALLOWED_IMPORTS =
      List.of(
          Pattern.compile("io\\.venuerisk\\.model\\.(\\*|[A-Z]\\w*)"),
          Pattern.compile("function io\\.venuerisk\\.engine\\.(Findings|CalendarText)\\.(\\*|\\w+)"),
          Pattern.compile("java\\.util\\.(\\*|[A-Z]\\w*)"),
          Pattern.compile("java\\.time\\.(\\*|[A-Z]\\w*)"),
          Pattern.compile("java\\.lang\\.(Math|String|Integer|Long|Boolean|Character|StringBuilder)"));

  private static final Set<String> ALLOWED_QUALIFIED_PREFIXES =
      Set.of("io.venuerisk.model.", "io.venuerisk.engine.Findings.", "io.venuerisk.engine.CalendarText.",
          "java.util.", "java.time.");

  /** Names that reach outside the engine, with what they would let a rule do. */
  private static final Map<Pattern, String> FORBIDDEN =
      Map.ofEntries(
          Map.entry(word("System\\s*\\.\\s*(exit|getenv|getProperty|setProperty|load|loadLibrary|setOut|setErr|setIn|out|err|in)"),
              "System access (exit, environment, properties, streams)"),
          Map.entry(word("Runtime"), "process and JVM control (Runtime)"),
          Map.entry(word("ProcessBuilder|ProcessHandle|Process"), "starting processes"),
          Map.entry(word("Class\\s*\\.\\s*forName|ClassLoader|getClassLoader|defineClass|loadClass"),
              "class loading"),
          Map.entry(word("getClass|getDeclaredMethod|getDeclaredField|getMethod|getField|setAccessible|invoke|MethodHandles?|VarHandle|Proxy|Unsafe"),
              "reflection"),
          Map.entry(word("File|Files|Paths?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|FileSystems?"),
              "file access"),
          Map.entry(word("Socket|ServerSocket|URL|URI|URLConnection|HttpClient|DatagramSocket|InetAddress"),
              "network access"),
          Map.entry(word("Thread|ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer"),
              "threads"),
          Map.entry(word("ScriptEngine\\w*|ObjectInputStream|ObjectOutputStream|JNDI|InitialContext"),
              "scripting, deserialisation or naming services"),
          Map.entry(Pattern.compile("\\bdialect\\s+\"mvel\""), "the MVEL dialect (evaluates arbitrary expressions)"),
          Map.entry(word("kcontext|drools\\s*\\.\\s*getKieRuntime|getKieRuntime|getWorkingMemory|halt"),
              "engine control beyond inserting facts"));

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(.+?)\\s*;?\\s*$");
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b((?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_]\\w*)");

  private RuleSafety() {}

  private static Pattern word(String alternatives) {
    return Pattern.compile("\\b(" + alternatives + ")\\b");
  }

  /** Every unsafe use in the files, by file and line; empty when all are safe. */
  public static List<RuleProblem> check(String folder, Map<String, String> sources) {
    List<RuleProblem> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String file = folder + "/" + e.getKey();
      String[] lines = stripCommentsAndStrings(e.getValue()).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        Matcher imp = IMPORT.matcher(line);
        if (imp.matches()) {
          String what = imp.group(1).trim();
          if (ALLOWED_IMPORTS.stream().noneMatch(p -> p.matcher(what).matches())) {
            problems.add(new RuleProblem(file, i + 1, 0,
                "unsafe rule: import of " + what + " is not allowed; rules may import io.venuerisk.model.*,"
                    + " functions of io.venuerisk.engine.Findings and CalendarText, java.util and java.time"
                    + " (use --allow-unsafe-rules only for a folder you trust)"));
          }
          continue;
        }
        if (line.trim().startsWith("package ")) {
          continue;
        }
        for (Map.Entry<Pattern, String> f : FORBIDDEN.entrySet()) {
          Matcher m = f.getKey().matcher(line);
          if (m.find()) {
            problems.add(new RuleProblem(file, i + 1, m.start() + 1,
                "unsafe rule: '" + m.group().trim() + "' reaches outside the engine (" + f.getValue()
                    + "); use --allow-unsafe-rules only for a folder you trust"));
          }
        }
        Matcher q = QUALIFIED.matcher(line);
        while (q.find()) {
          String name = q.group(1);
          if (ALLOWED_QUALIFIED_PREFIXES.stream().noneMatch(name::startsWith)) {
            problems.add(new RuleProblem(file, i + 1, q.start() + 1,
                "unsafe rule: the qualified name " + name + " is outside the allowed packages;"
                    + " use --allow-unsafe-rules only for a folder you trust"));
          }
        }
      }
    }
    problems.sort(java.util.Comparator.comparing(RuleProblem::file)
        .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
    return problems;
  }

  /**
   * Blanks comments and string literals but keeps every newline, so line numbers still match the
   * file and text inside strings (rationales) cannot trip the check.
   */
  static String stripCommentsAndStrings(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        while (i < n && src.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        while (i < n && !(src.charAt(i) == '*' && i + 1 < n && src.charAt(i + 1) == '/')) {
          out.append(src.charAt(i) == '\n' ? '\n' : ' ');
          i++;
        }
        out.append("  ");
        i += 2;
      } else if (c == '"') {
        out.append('"');
        i++;
        while (i < n && src.charAt(i) != '"' && src.charAt(i) != '\n') {
          if (src.charAt(i) == '\\' && i + 1 < n) {
            out.append(' ');
            i++;
          }
          out.append(' ');
          i++;
        }
        if (i < n && src.charAt(i) == '"') {
          out.append('"');
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
