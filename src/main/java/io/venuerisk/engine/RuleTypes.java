package io.venuerisk.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the type names of one DRL file the way Drools does: explicit imports, then the wildcard
 * imports, then {@code java.lang}; a dotted name is a fully qualified class. Classes are looked up
 * without being initialised, so naming a class runs none of its code.
 */
final class RuleTypes {
  private final List<String> explicit = new ArrayList<>();
  private final List<String> wildcards = new ArrayList<>();
  private final ClassLoader loader = RuleTypes.class.getClassLoader();

  RuleTypes(List<String> importTargets) {
    for (String t : importTargets) {
      String s = t.strip();
      if (s.endsWith(".*")) {
        wildcards.add(s.substring(0, s.length() - 2));
      } else {
        explicit.add(s);
      }
    }
  }

  /**
   * The class a simple or dotted name denotes, or null if none. When several packages could supply
   * a simple name, the first found is returned and {@link #candidates} lists all.
   */
  Class<?> resolve(String name) {
    List<Class<?>> all = candidates(name);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Every class the name could denote, in Drools' order of preference. */
  List<Class<?>> candidates(String name) {
    String n = stripGenerics(name);
    Set<Class<?>> out = new LinkedHashSet<>();
    if (n.contains(".")) {
      Class<?> c = resolveQualified(n);
      if (c != null) {
        out.add(c);
      }
      return new ArrayList<>(out);
    }
    for (String e : explicit) {
      if (e.equals(n) || e.endsWith("." + n)) {
        add(out, e);
      }
    }
    for (String w : wildcards) {
      add(out, w + "." + n);
    }
    add(out, "java.lang." + n);
    return new ArrayList<>(out);
  }

  /** A fully qualified name, with nested classes written with dots or dollars. */
  Class<?> resolveQualified(String name) {
    String n = stripGenerics(name);
    Class<?> c = load(n);
    int dot = n.lastIndexOf('.');
    while (c == null && dot > 0) {
      n = n.substring(0, dot) + "$" + n.substring(dot + 1);
      c = load(n);
      dot = n.lastIndexOf('.', dot - 1);
    }
    return c;
  }

  private void add(Set<Class<?>> out, String name) {
    Class<?> c = resolveQualified(name);
    if (c != null) {
      out.add(c);
    }
  }

  private Class<?> load(String name) {
    if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
      return null;
    }
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  static String stripGenerics(String name) {
    int lt = name.indexOf('<');
    return (lt < 0 ? name : name.substring(0, lt)).strip();
  }
}
