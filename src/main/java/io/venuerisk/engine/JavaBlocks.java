package io.venuerisk.engine;

/**
 * Checks that a piece of Java from a rule file (a consequence, a function body, an eval, an
 * accumulate's code) stays inside the method Drools pastes it into. Drools builds Java source by
 * putting the DRL text between its own braces; text that closed them could add a static initialiser
 * or a field, which would run while the folder is compiled, before the bytecode check. So: braces,
 * brackets and parentheses nest and never close more than they opened; comments, strings and
 * character literals end inside the piece; and there are no unicode escapes ({@code \}{@code u0029}
 * is a parenthesis to the Java compiler) and no text blocks, whose quoting the DRL parser reads
 * differently from Java.
 */
final class JavaBlocks {
  private JavaBlocks() {}

  /** Null if the piece is contained; otherwise why not, as a verb phrase ("contains ..."). */
  static String problem(String code) {
    if (code == null) {
      return null;
    }
    StringBuilder open = new StringBuilder(); // the brackets still open, innermost last
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (c == '\\' && i + 1 < n && code.charAt(i + 1) == 'u') {
        return "contains a unicode escape (\\u...); write the character itself";
      }
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        int end = code.indexOf('\n', i);
        // the compiler decodes escapes before it reads comments: an escaped newline ends this one
        if (code.substring(i, end < 0 ? n : end).contains("\\u")) {
          return "contains a unicode escape (\\u...); write the character itself";
        }
        i = end < 0 ? n : end + 1;
        continue;
      }
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        if (end < 0) {
          return "leaves a comment open";
        }
        String inside = code.substring(i, end);
        if (inside.contains("\\u")) {
          return "contains a unicode escape (\\u...); write the character itself";
        }
        i = end + 2;
        continue;
      }
      if (c == '"' || c == '\'') {
        if (c == '"' && code.startsWith("\"\"\"", i)) {
          return "contains a text block (\"\"\"); use ordinary strings";
        }
        int j = i + 1;
        while (j < n && code.charAt(j) != c) {
          char d = code.charAt(j);
          if (d == '\n' || d == '\r') {
            return "leaves a string or character literal open";
          }
          if (d == '\\') {
            if (j + 1 < n && code.charAt(j + 1) == 'u') {
              return "contains a unicode escape (\\u...); write the character itself";
            }
            j++;
          }
          j++;
        }
        if (j >= n) {
          return "leaves a string or character literal open";
        }
        i = j + 1;
        continue;
      }
      if (c == '{' || c == '(' || c == '[') {
        open.append(c);
      } else if (c == '}' || c == ')' || c == ']') {
        char want = c == '}' ? '{' : c == ')' ? '(' : '[';
        if (open.isEmpty() || open.charAt(open.length() - 1) != want) {
          return "closes a '"
              + c
              + "' it did not open, which would leave the method Drools puts"
              + " it in";
        }
        open.setLength(open.length() - 1);
      }
      i++;
    }
    if (!open.isEmpty()) {
      return "leaves a brace, bracket or parenthesis open";
    }
    return null;
  }
}
