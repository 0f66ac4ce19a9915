package io.venuerisk.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes and members the code of a user's rule folder may use, read from {@code
 * rule-allow-list.txt} beside this class (the one place the list is written and documented). Names
 * here are internal names ({@code java/util/List}); the file uses binary names.
 */
final class RuleAllowList {
  private static final String RESOURCE = "rule-allow-list.txt";

  /** Which classes a check applies to: a rule's own code, or Drools' invoker templates. */
  enum Tier {
    RULE,
    GLUE
  }

  /** What of one class is allowed. */
  private record Entry(boolean all, Set<String> members, Set<String> except) {
    boolean allows(String member) {
      return all ? !except.contains(member) : members.contains(member);
    }
  }

  private static volatile RuleAllowList standard;

  private final Map<String, Entry> rule = new HashMap<>();
  private final Map<String, Entry> glue = new HashMap<>();
  private final Set<String> packagesAll = new HashSet<>();
  private final Set<String> denied = new HashSet<>();

  private RuleAllowList() {}

  static RuleAllowList standard() {
    RuleAllowList s = standard;
    if (s == null) {
      try (InputStream in = RuleAllowList.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the jar has no " + RESOURCE);
        }
        s =
            parse(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      standard = s;
    }
    return s;
  }

  static RuleAllowList parse(List<String> lines) {
    RuleAllowList list = new RuleAllowList();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      int i = 0;
      Map<String, Entry> target = list.rule;
      if (words[0].equals("everywhere-denied")) {
        list.denied.addAll(List.of(words).subList(1, words.length));
        continue;
      }
      if (words[0].equals("glue")) {
        target = list.glue;
        i++;
      }
      if (i + 1 >= words.length) {
        throw new IllegalStateException(RESOURCE + ":" + n + ": a class and what of it is allowed");
      }
      String cls = words[i++];
      boolean all = false;
      Set<String> members = new HashSet<>();
      Set<String> except = new HashSet<>();
      for (; i < words.length; i++) {
        String w = words[i];
        if (w.equals("*")) {
          all = true;
        } else if (w.equals("type")) {
          // the type alone: no member
        } else if (w.startsWith("-")) {
          except.add(w.substring(1));
        } else {
          members.add(w);
        }
      }
      if (!except.isEmpty() && !all) {
        throw new IllegalStateException(RESOURCE + ":" + n + ": an exception (-name) needs *");
      }
      Entry e = new Entry(all, Set.copyOf(members), Set.copyOf(except));
      if (cls.endsWith(".*")) {
        if (!all || target == list.glue) {
          throw new IllegalStateException(
              RESOURCE + ":" + n + ": a package entry allows every member");
        }
        list.packagesAll.add(cls.substring(0, cls.length() - 2).replace('.', '/') + "/");
        continue;
      }
      if (target.put(cls.replace('.', '/'), e) != null) {
        throw new IllegalStateException(RESOURCE + ":" + n + ": " + cls + " is listed twice");
      }
    }
    return list;
  }

  /** True if a rule may name the class at all (declare, cast to, pass it). */
  boolean allowsType(Tier tier, String internalName) {
    if (inPackage(internalName) || rule.containsKey(internalName)) {
      return true;
    }
    return tier == Tier.GLUE && glue.containsKey(internalName);
  }

  /**
   * True if a rule may use the member {@code name} of the class (a method, field or {@code
   * <init>}).
   */
  boolean allowsMember(Tier tier, String owner, String name) {
    if (tier == Tier.GLUE) {
      Entry g = glue.get(owner);
      if (g != null && g.allows(name)) {
        return true;
      }
    }
    if (denied.contains(name)) {
      return false;
    }
    if (inPackage(owner)) {
      return true;
    }
    Entry e = rule.get(owner);
    return e != null && e.allows(name);
  }

  /** True if the package (internal form, {@code java/util}) holds a class a rule may use. */
  boolean allowsPackage(String internalPackage) {
    String prefix = internalPackage + "/";
    if (packagesAll.contains(prefix)) {
      return true;
    }
    for (String c : rule.keySet()) {
      if (c.startsWith(prefix) && c.indexOf('/', prefix.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  private boolean inPackage(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash > 0 && packagesAll.contains(internalName.substring(0, slash + 1));
  }

  /**
   * What a class that is not on the list would let a rule do, for the message: "reaches files",
   * "runs programs or stops the JVM" ... ; "is not on the rule allow-list" for anything else.
   */
  static String why(String internalName, String member) {
    String c = internalName;
    if (member != null && (member.equals("getClass") || member.equals("getDeclaringClass"))) {
      return "which is reflection";
    }
    if (member != null
        && (member.equals("getInteger")
            || member.equals("getLong")
            || member.equals("getBoolean"))) {
      return "which reads system properties";
    }
    if (member != null
        && (member.equals("now") || member.equals("random") || member.equals("shuffle"))) {
      return "which would make the output differ from run to run";
    }
    if (member != null && member.startsWith("parallel")) {
      return "which starts or controls threads";
    }
    if (member != null && (member.equals("wait") || member.startsWith("notify"))) {
      return "which blocks or wakes threads";
    }
    if (c.startsWith("java/io/")
        || c.startsWith("java/nio/")
        || c.equals("java/util/Formatter")
        || c.equals("java/util/Scanner")
        || c.startsWith("java/util/zip/")
        || c.startsWith("java/util/jar/")
        || c.startsWith("java/util/logging/")
        || c.startsWith("java/util/prefs/")
        || c.equals("java/util/Properties")
        || c.startsWith("javax/imageio/")
        || c.startsWith("javax/xml/")
        || c.startsWith("java/sql/")) {
      return "which reaches files";
    }
    if (c.startsWith("java/net/")
        || c.startsWith("javax/net/")
        || c.startsWith("java/rmi/")
        || c.startsWith("javax/naming/")
        || c.startsWith("com/sun/net/")) {
      return "which reaches the network";
    }
    if (c.equals("java/lang/Runtime")
        || c.startsWith("java/lang/Process")
        || c.equals("java/lang/Shutdown")) {
      return "which runs programs or stops the JVM";
    }
    if (c.equals("java/lang/System")) {
      return "which reaches the JVM (exit, environment, properties, standard streams)";
    }
    if (c.startsWith("java/lang/Thread")
        || c.startsWith("java/util/concurrent/")
        || c.startsWith("java/util/Timer")
        || c.equals("java/lang/InheritableThreadLocal")) {
      return "which starts or controls threads";
    }
    if (c.equals("java/lang/Class")
        || c.startsWith("java/lang/ClassLoader")
        || c.startsWith("java/lang/reflect/")
        || c.startsWith("java/lang/invoke/")
        || c.startsWith("java/lang/Module")
        || c.equals("java/util/ServiceLoader")
        || c.startsWith("sun/")
        || c.startsWith("jdk/")) {
      return "which is reflection or class loading";
    }
    if (c.startsWith("javax/script/") || c.startsWith("org/mvel2/") || c.startsWith("groovy/")) {
      return "which evaluates code";
    }
    if (c.startsWith("org/kie/") || c.startsWith("org/drools/")) {
      return "which controls the engine";
    }
    return "which is not on the rule allow-list";
  }
}
