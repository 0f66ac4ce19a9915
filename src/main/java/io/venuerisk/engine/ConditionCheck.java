package io.venuerisk.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the parts of a rule that the classic Drools compiler hands to MVEL rather than to the Java
 * compiler: pattern constraints ({@code Scenario( attendance >= 1000 )}) and {@code from}
 * expressions. MVEL interprets them at run time (and compiles them to bytecode Drools makes on the
 * fly), so they never appear in the classes the bytecode check reads; this check stands in for it
 * with the same allow-list.
 *
 * <p>It accepts a strict subset of the expression language and refuses everything else: ASCII
 * names, numbers, strings without backslashes, the comparison, logical and arithmetic operators,
 * {@code in}, {@code contains}, {@code memberOf}, {@code matches}, bindings ({@code $x : name}),
 * property access and method calls. Every name is resolved to a type the way MVEL resolves it (a
 * binding, a property of the pattern's type, an imported function or a class), every property and
 * method to the getters or methods MVEL could pick, and each of those must be on the allow-list. A
 * name that could mean several things must be allowed under each reading.
 */
final class ConditionCheck {
  /** The problem with an expression, for the message; thrown out of the parser. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The functions a condition may call by simple name: DRL functions and imported ones. */
  interface Functions {
    /**
     * The return type of {@code name} called with {@code arity} arguments, or null if there is no
     * such function.
     *
     * @throws Refused if there is one and it is not allowed
     */
    Class<?> returnType(String name, int arity) throws Refused;

    boolean has(String name);
  }

  /** Marks a name that denotes a class (for {@code VenueType.MARKET}), not a value. */
  private record Value(Class<?> type, boolean classRef) {
    static final Value UNKNOWN = new Value(null, false);

    static Value of(Class<?> type) {
      return new Value(type, false);
    }
  }

  private final RuleAllowList allow;
  private final RuleTypes types;
  private final Functions functions;

  private List<String> tokens;
  private int pos;
  private final List<String> unresolved = new ArrayList<>();
  private Class<?> thisType;
  private Map<String, Class<?>> bindings;

  ConditionCheck(RuleAllowList allow, RuleTypes types, Functions functions) {
    this.allow = allow;
    this.types = types;
    this.functions = functions;
  }

  /**
   * Checks one constraint of a pattern whose type is {@code thisType} (null for a {@code from}
   * expression), with the bindings made so far; bindings it makes are added (type null when not
   * known). Returns what it could not resolve (a misspelt property, say): the compiler reports
   * those better, and if it compiles them after all, the folder is refused for them. Anything
   * resolved and not allowed is thrown.
   */
  List<String> constraint(String text, Class<?> thisType, Map<String, Class<?>> bindings)
      throws Refused {
    unresolved.clear();
    this.tokens = tokenize(text);
    this.pos = 0;
    this.thisType = thisType;
    this.bindings = bindings;
    expression();
    if (pos < tokens.size()) {
      throw new Refused("'" + tokens.get(pos) + "' is not understood by the rule check here");
    }
    return List.copyOf(unresolved);
  }

  /** Checks a {@code from} source expression, as {@link #constraint} with no pattern type. */
  List<String> source(String text, Map<String, Class<?>> bindings) throws Refused {
    return constraint(text, null, bindings);
  }

  /** Notes what cannot be resolved and carries on with a value of unknown type. */
  private Value unresolved(String what) {
    unresolved.add(what);
    return Value.UNKNOWN;
  }

  // ---- tokens

  private static final List<String> OPERATORS =
      List.of(
          "!.", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "(",
          ")", ",", ".", ":");

  static List<String> tokenize(String s) throws Refused {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (isNameStart(c)) {
        int j = i + 1;
        while (j < n && isNamePart(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (c >= '0' && c <= '9') {
        int j = i + 1;
        while (j < n && Character.isDigit(s.charAt(j))) {
          j++;
        }
        if (j + 1 < n && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
          j++;
          while (j < n && Character.isDigit(s.charAt(j))) {
            j++;
          }
        }
        if (j < n && "lLdDfFbBiI".indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        if (j < n && (isNamePart(s.charAt(j)) || s.charAt(j) == '.')) {
          throw new Refused(
              "the number '" + s.substring(i, Math.min(n, j + 1)) + "' is not understood");
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c) {
          char d = s.charAt(j);
          if (d == '\\' || d == '\n' || d == '\r') {
            throw new Refused("strings in conditions may not hold backslashes or line breaks");
          }
          j++;
        }
        if (j >= n) {
          throw new Refused("a string is not closed");
        }
        out.add("\"" + s.substring(i + 1, j) + "\"");
        i = j + 1;
      } else {
        String op = null;
        for (String o : OPERATORS) {
          if (s.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        if (op == null) {
          throw new Refused("'" + c + "' is not accepted in a condition by the rule check");
        }
        out.add(op);
        i += op.length();
      }
    }
    return out;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : "";
  }

  private String peek(int ahead) {
    return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : "";
  }

  private boolean accept(String t) {
    if (peek().equals(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) throws Refused {
    if (!accept(t)) {
      throw new Refused(
          "expected '" + t + "'" + (peek().isEmpty() ? " at the end" : " before '" + peek() + "'"));
    }
  }

  // ---- grammar

  private Value expression() throws Refused {
    Value v = and();
    while (accept("||")) {
      if (!restriction()) {
        and();
      }
      v = Value.UNKNOWN;
    }
    return v;
  }

  private Value and() throws Refused {
    Value v = relation();
    while (accept("&&")) {
      if (!restriction()) {
        relation();
      }
      v = Value.UNKNOWN;
    }
    return v;
  }

  /** An abbreviated restriction after && or ||: {@code age > 10 && < 20}. */
  private boolean restriction() throws Refused {
    if (isRelational()) {
      relationalTail();
      return true;
    }
    return false;
  }

  private Value relation() throws Refused {
    Value left;
    if (isName(peek()) && peek(1).equals(":")) {
      String var = tokens.get(pos);
      pos += 2;
      left = additive();
      bindings.put(var, left.classRef() ? null : left.type());
    } else {
      left = additive();
    }
    boolean related = false;
    while (isRelational()) {
      relationalTail();
      related = true;
    }
    return related ? Value.UNKNOWN : left;
  }

  private boolean isRelational() {
    String t = peek();
    return switch (t) {
      case "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "contains",
          "excludes",
          "memberOf",
          "matches",
          "soundslike",
          "in" ->
          true;
      case "not" ->
          switch (peek(1)) {
            case "contains", "memberOf", "matches", "soundslike", "in" -> true;
            default -> false;
          };
      default -> false;
    };
  }

  private void relationalTail() throws Refused {
    accept("not");
    String op = tokens.get(pos++);
    if (op.equals("in")) {
      expect("(");
      do {
        additive();
      } while (accept(","));
      expect(")");
    } else {
      additive();
    }
  }

  private Value additive() throws Refused {
    Value v = multiplicative();
    while (peek().equals("+") || peek().equals("-")) {
      pos++;
      multiplicative();
      v = Value.UNKNOWN;
    }
    return v;
  }

  private Value multiplicative() throws Refused {
    Value v = unary();
    while (peek().equals("*") || peek().equals("/") || peek().equals("%")) {
      pos++;
      unary();
      v = Value.UNKNOWN;
    }
    return v;
  }

  private Value unary() throws Refused {
    if (accept("!") || accept("-") || accept("+")) {
      unary();
      return Value.UNKNOWN;
    }
    return postfix();
  }

  private Value postfix() throws Refused {
    Value v = primary();
    while (peek().equals(".") || peek().equals("!.")) {
      pos++;
      if (accept("class")) {
        // X.class is a class literal, x.class a call of getClass(): reflection either way
        if (v.classRef()) {
          checkSignatureType(Class.class, v.type(), "class");
        }
        v = property(v, "class");
        continue;
      }
      String name = name();
      if (peek().equals("(")) {
        List<Value> args = arguments();
        v = call(v, name, args.size());
      } else {
        v = property(v, name);
      }
    }
    if (v.classRef()) {
      throw new Refused("the class " + v.type().getName() + " is named without a member");
    }
    return v;
  }

  private List<Value> arguments() throws Refused {
    expect("(");
    List<Value> args = new ArrayList<>();
    if (!accept(")")) {
      do {
        args.add(expression());
      } while (accept(","));
      expect(")");
    }
    return args;
  }

  private String name() throws Refused {
    String t = peek();
    if (!isName(t)) {
      throw new Refused("expected a name" + (t.isEmpty() ? " at the end" : " before '" + t + "'"));
    }
    pos++;
    return t;
  }

  private static boolean isName(String t) {
    return !t.isEmpty() && isNameStart(t.charAt(0)) && !RESERVED.contains(t);
  }

  private static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "new",
          "class",
          "in",
          "not",
          "contains",
          "excludes",
          "memberOf",
          "matches",
          "soundslike",
          "instanceof",
          "with",
          "def",
          "function",
          "import",
          "foreach",
          "for",
          "if",
          "else",
          "while",
          "do",
          "return",
          "var",
          "assert",
          "isdef",
          "empty",
          "nil",
          "modify",
          "until",
          "switch",
          "super",
          "synchronized",
          "throw",
          "try",
          "catch",
          "finally");

  private Value primary() throws Refused {
    String t = peek();
    if (t.isEmpty()) {
      throw new Refused("the condition ends too early");
    }
    if (t.equals("(")) {
      pos++;
      Value v = expression();
      expect(")");
      return v;
    }
    if (t.startsWith("\"")) {
      pos++;
      return Value.of(String.class);
    }
    if (Character.isDigit(t.charAt(0))) {
      pos++;
      return Value.of(numberType(t));
    }
    switch (t) {
      case "true", "false" -> {
        pos++;
        return Value.of(Boolean.class);
      }
      case "null" -> {
        pos++;
        return Value.UNKNOWN;
      }
      case "this" -> {
        pos++;
        return thisType == null
            ? unresolved("'this' has no type the rule check knows here")
            : Value.of(thisType);
      }
      default -> {}
    }
    if (RESERVED.contains(t)) {
      throw new Refused("'" + t + "' is not accepted in a condition by the rule check");
    }
    String name = name();
    if (peek().equals("(")) {
      int arity = arguments().size();
      return function(name, arity);
    }
    return simpleName(name);
  }

  private static Class<?> numberType(String t) {
    char last = t.charAt(t.length() - 1);
    return switch (Character.toLowerCase(last)) {
      case 'l' -> Long.class;
      case 'd' -> Double.class;
      case 'f' -> Float.class;
      case 'b' -> java.math.BigDecimal.class;
      case 'i' -> java.math.BigInteger.class;
      default -> t.contains(".") ? Double.class : Integer.class;
    };
  }

  /** A name on its own: a binding, a property of the pattern's type, or a class. */
  private Value simpleName(String name) throws Refused {
    List<Value> readings = new ArrayList<>();
    if (bindings.containsKey(name)) {
      readings.add(Value.of(bindings.get(name)));
    }
    if (thisType != null && hasProperty(thisType, name)) {
      readings.add(property(Value.of(thisType), name));
    }
    if (!name.startsWith("$")) {
      List<Class<?>> classes = types.candidates(name);
      for (Class<?> c : classes) {
        checkType(c, name);
      }
      if (!classes.isEmpty()) {
        readings.add(new Value(classes.get(0), true));
      }
    }
    if (readings.isEmpty()) {
      // a qualified class name: io.venuerisk.model.VenueType.MARKET
      Value q = qualified(name);
      if (q != null) {
        return q;
      }
      return unresolved(
          "'"
              + name
              + "' is not a binding, a property of "
              + (thisType == null ? "the pattern" : thisType.getSimpleName())
              + " or a class");
    }
    return readings.size() == 1 ? readings.get(0) : Value.UNKNOWN;
  }

  private Value qualified(String first) throws Refused {
    StringBuilder sb = new StringBuilder(first);
    int save = pos;
    while (peek().equals(".") && isName(peek(1))) {
      sb.append('.').append(peek(1));
      pos += 2;
      Class<?> c = types.resolveQualified(sb.toString());
      if (c != null) {
        checkType(c, sb.toString());
        return new Value(c, true);
      }
    }
    pos = save;
    return null;
  }

  private Value function(String name, int arity) throws Refused {
    List<Class<?>> readings = new ArrayList<>();
    boolean found = false;
    if (functions.has(name)) {
      Class<?> r = functions.returnType(name, arity);
      found = true;
      readings.add(r);
    }
    if (thisType != null && !methods(thisType, name, arity).isEmpty()) {
      readings.add(call(Value.of(thisType), name, arity).type());
      found = true;
    }
    if (!found) {
      return unresolved(
          "'"
              + name
              + "(...)' is not a function of the rule file or a method of "
              + (thisType == null ? "the pattern" : thisType.getSimpleName()));
    }
    return readings.size() == 1 ? Value.of(readings.get(0)) : Value.UNKNOWN;
  }

  // ---- members

  private Value property(Value on, String name) throws Refused {
    if (on.type() == null) {
      return unresolved(typeUnknown(name));
    }
    Class<?> t = on.type();
    if (on.classRef()) {
      Field f = publicField(t, name, true);
      if (f == null) {
        return unresolved(t.getName() + "." + name + " is not a constant of " + t.getSimpleName());
      }
      checkMember(t, name, f.getType());
      return Value.of(f.getType());
    }
    if (java.util.Map.class.isAssignableFrom(t)) {
      checkMember(t, "get", Object.class);
      return Value.UNKNOWN;
    }
    List<Class<?>> readings = new ArrayList<>();
    for (String getter : List.of("get" + capital(name), "is" + capital(name), name)) {
      for (Method m : methods(t, getter, 0)) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        checkMember(t, getter, m.getReturnType());
        readings.add(m.getReturnType());
      }
    }
    Field f = publicField(t, name, false);
    if (f != null) {
      checkMember(t, name, f.getType());
      readings.add(f.getType());
    }
    if (readings.isEmpty()) {
      return unresolved(t.getSimpleName() + " has no property '" + name + "'");
    }
    return Value.of(readings.get(0));
  }

  private Value call(Value on, String name, int arity) throws Refused {
    if (on.type() == null) {
      return unresolved(typeUnknown(name));
    }
    Class<?> t = on.type();
    List<Method> candidates = methods(t, name, arity);
    if (on.classRef()) {
      candidates.removeIf(m -> !Modifier.isStatic(m.getModifiers()));
    }
    if (candidates.isEmpty()) {
      return unresolved(
          t.getSimpleName()
              + " has no "
              + (on.classRef() ? "static " : "")
              + "method "
              + name
              + " taking "
              + arity
              + (arity == 1 ? " argument" : " arguments"));
    }
    Class<?> result = null;
    boolean same = true;
    for (Method m : candidates) {
      checkMember(t, name, m.getReturnType());
      for (Class<?> p : m.getParameterTypes()) {
        checkSignatureType(p, t, name);
      }
      if (result == null) {
        result = m.getReturnType();
      } else if (result != m.getReturnType()) {
        same = false;
      }
    }
    return same ? Value.of(result) : Value.UNKNOWN;
  }

  private static String typeUnknown(String member) {
    return "the rule check cannot tell the type of what '"
        + member
        + "' is used on; bind it from a pattern first";
  }

  private boolean hasProperty(Class<?> t, String name) {
    for (String getter : List.of("get" + capital(name), "is" + capital(name), name)) {
      if (!methods(t, getter, 0).isEmpty()) {
        return true;
      }
    }
    return publicField(t, name, false) != null || java.util.Map.class.isAssignableFrom(t);
  }

  /** Public methods of t (and, for an interface, of Object) named so, taking arity arguments. */
  static List<Method> methods(Class<?> t, String name, int arity) {
    Map<String, Method> out = new LinkedHashMap<>();
    List<Method> all = new ArrayList<>(List.of(t.getMethods()));
    if (t.isInterface()) {
      all.addAll(List.of(Object.class.getMethods()));
    }
    for (Method m : all) {
      if (!m.getName().equals(name) || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      int n = m.getParameterCount();
      if (n == arity || (m.isVarArgs() && arity >= n - 1)) {
        out.putIfAbsent(m.getName() + java.util.Arrays.toString(m.getParameterTypes()), m);
      }
    }
    return new ArrayList<>(out.values());
  }

  private static Field publicField(Class<?> t, String name, boolean isStatic) {
    try {
      Field f = t.getField(name);
      return Modifier.isStatic(f.getModifiers()) == isStatic ? f : null;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void checkMember(Class<?> owner, String member, Class<?> type) throws Refused {
    String internal = owner.getName().replace('.', '/');
    if (!allow.allowsMember(RuleAllowList.Tier.RULE, internal, member)) {
      throw new Refused(
          "it uses " + owner.getName() + "." + member + ", " + RuleAllowList.why(internal, member));
    }
    checkSignatureType(type, owner, member);
  }

  private void checkSignatureType(Class<?> type, Class<?> owner, String member) throws Refused {
    Class<?> c = type;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive()) {
      return;
    }
    String internal = c.getName().replace('.', '/');
    if (!allow.allowsType(RuleAllowList.Tier.RULE, internal)) {
      throw new Refused(
          "it uses "
              + owner.getName()
              + "."
              + member
              + ", which involves "
              + c.getName()
              + ", "
              + RuleAllowList.why(internal, null));
    }
  }

  private void checkType(Class<?> c, String written) throws Refused {
    String internal = c.getName().replace('.', '/');
    if (!allow.allowsType(RuleAllowList.Tier.RULE, internal)) {
      throw new Refused(
          "'" + written + "' is " + c.getName() + ", " + RuleAllowList.why(internal, null));
    }
  }
}
