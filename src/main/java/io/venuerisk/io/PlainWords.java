package io.venuerisk.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the parsers (Jackson for JSON and CSV, ical4j for iCalendar) say about malformed input, in
 * this project's words: a user sees what is wrong and how to fix it, never a library's internals
 * (feature flags, class names, character codes). The place (line, column) is added by the caller. A
 * message this class does not know is described by its kind only, so no library's wording gets
 * through when a library changes its messages.
 */
public final class PlainWords {
  private PlainWords() {}

  private static final Pattern UNEXPECTED =
      Pattern.compile(
          "Unexpected character \\((?:'(.*)' )?\\(code (\\d+)\\)\\)(.*)", Pattern.DOTALL);
  private static final Pattern ILLEGAL =
      Pattern.compile("Illegal (?:unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)(.*)");
  private static final Pattern TOKEN =
      Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'.*");
  private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)': (.*)");
  private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.*?)'.*");
  private static final Pattern LIMIT =
      Pattern.compile("(.+?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
  private static final Pattern EXPECTED_READ =
      Pattern.compile(".*Expected \\[(.*?)\\], read \\[(.*?)\\].*");

  /** A JSON syntax error, from Jackson's original message (without its location). */
  public static String json(String original) {
    String msg = ScenarioJson.firstLine(original);
    if (msg.startsWith("Duplicate field")) {
      return "duplicate key "
          + msg.substring("Duplicate field".length()).trim()
          + "; each field may appear once";
    }
    if (msg.contains("end-of-input")) {
      if (msg.contains("closing quote") || msg.contains("VALUE_STRING")) {
        return "the JSON ends inside a string: its closing quote is missing (truncated?)";
      }
      return "the file ends before the JSON is complete (truncated?)";
    }
    if (msg.startsWith("Invalid UTF-8")) {
      return "bytes that are not UTF-8; save the file as UTF-8";
    }
    Matcher m = ILLEGAL.matcher(msg);
    if (m.matches()) {
      int code = Integer.parseInt(m.group(1));
      if (m.group(2).contains("string value") || m.group(2).contains("name")) {
        return code == '\n' || code == '\r'
            ? "a string is not closed before the end of its line: its closing quote is missing"
                + " (a line break inside a string is written \\n)"
            : "a string holds the control character "
                + codePoint(code)
                + "; write it escaped (\\u"
                + String.format(Locale.ROOT, "%04x", code)
                + ") or remove it";
      }
      return "the control character " + codePoint(code) + " between values; expected JSON text";
    }
    m = UNEXPECTED.matcher(msg);
    if (m.matches()) {
      String found = found(m.group(1), Integer.parseInt(m.group(2)));
      String rest = m.group(3);
      if (rest.contains("double-quote to start field name")) {
        return m.group(2).equals("125")
            ? "a comma before '}' with no field after it (a trailing comma); remove the comma"
            : "expected a field name in double quotes, found " + found;
      }
      if (rest.contains("comma to separate Object")) {
        return "expected ',' or '}' after a field's value, found " + found + " (a missing comma?)";
      }
      if (rest.contains("comma to separate Array")) {
        return "expected ',' or ']' after a value in a list, found "
            + found
            + " (a missing comma?)";
      }
      if (rest.contains("colon to separate")) {
        return "expected ':' after a field name, found " + found;
      }
      if (rest.contains("comment")) {
        return "a comment; JSON has no comments (put notes in a \"$comment\" field)";
      }
      if (rest.contains("in numeric value")) {
        return "a number that is not written as JSON writes numbers (such as 12000 or 2.5), at "
            + found;
      }
      if (rest.contains("hex-digit")) {
        return "a \\u escape needs four hex digits, found " + found;
      }
      if (rest.contains("valid value")) {
        if (m.group(2).equals("93")) {
          return "a comma before ']' with no value after it (a trailing comma); remove the comma";
        }
        if (m.group(2).equals("39")) {
          return "a string in single quotes; JSON strings use double quotes (\"...\")";
        }
        return "expected a value (a \"string\", a number, true, false, null, [...] or {...}),"
            + " found "
            + found;
      }
      if (rest.contains("column separator")) {
        return "a quoted cell goes on after its closing quote, at "
            + found
            + "; write a quote inside a cell as two (\"\"), or quote the whole cell";
      }
      return "unexpected " + found;
    }
    m = TOKEN.matcher(msg);
    if (m.matches()) {
      return "'"
          + m.group(1)
          + "' is not a JSON value; put text in double quotes, and write true, false or null in"
          + " lower case";
    }
    m = CLOSE.matcher(msg);
    if (m.matches()) {
      String closer = m.group(1);
      if (m.group(2).startsWith("no open")) {
        return "'"
            + closer
            + "' closes nothing: there is no open "
            + (closer.equals("}") ? "{" : "[");
      }
      String open = closer.equals("}") ? "[" : "{";
      return "'"
          + closer
          + "' where '"
          + (closer.equals("}") ? "]" : "}")
          + "' must close the "
          + (open.equals("[") ? "list" : "object")
          + " opened before it";
    }
    m = ESCAPE.matcher(msg);
    if (m.matches()) {
      return "'\\"
          + m.group(1)
          + "' is not a JSON escape; write a backslash as \\\\ (the escapes are \\\" \\\\ \\/ \\b"
          + " \\f \\n \\r \\t \\uXXXX)";
    }
    if (msg.contains("Leading zeroes")) {
      return "a number with a leading zero; write 12, not 012";
    }
    if (msg.contains("out of range")) {
      return "a number too large";
    }
    return "malformed JSON";
  }

  /** An input past a parser's size limit (docs/input-limits.md). */
  public static String limit(String original) {
    String msg = ScenarioJson.firstLine(original);
    Matcher m = LIMIT.matcher(msg);
    String what;
    if (m.matches()) {
      String kind = m.group(1);
      String max = m.group(3);
      what =
          kind.startsWith("Number")
              ? "a number of " + m.group(2) + " digits; at most " + max
              : kind.startsWith("Document nesting")
                  ? "nested " + m.group(2) + " levels deep; at most " + max
                  : kind.startsWith("String")
                      ? "a text value longer than " + max + " characters"
                      : kind.startsWith("Name")
                          ? "a field name longer than " + max + " characters"
                          : "a value past the limit of " + max;
    } else {
      what = "a value past a size limit";
    }
    return "input past a size limit: " + what + " (see docs/input-limits.md)";
  }

  /** A CSV syntax error, from Jackson's CSV module. */
  public static String csv(String original) {
    String msg = ScenarioJson.firstLine(original);
    if (msg.startsWith("Invalid UTF-8")) {
      return "bytes that are not UTF-8; save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\")";
    }
    if (msg.startsWith("Missing closing quote")) {
      return "a quoted cell is not closed: its closing quote is missing";
    }
    if (msg.startsWith("Unexpected character")) {
      return json(msg);
    }
    return "a row that cannot be split into cells";
  }

  /** An iCalendar syntax error, from ical4j's ParserException. */
  public static String icalendar(String original, boolean empty) {
    if (empty) {
      return "the file is empty; expected an iCalendar file (BEGIN:VCALENDAR)";
    }
    String msg = ScenarioJson.firstLine(original);
    if (msg.contains("Unexpected end of file")) {
      return "the file ends before its BEGIN:VCALENDAR or a BEGIN:VEVENT is closed by its END"
          + " (truncated?)";
    }
    Matcher m = EXPECTED_READ.matcher(msg);
    if (m.matches() && m.group(1).matches("[A-Z:-]+")) {
      return "expected "
          + m.group(1)
          + ", found '"
          + Text.visible(m.group(2))
          + "'; an iCalendar file starts with BEGIN:VCALENDAR";
    }
    if (m.matches()) {
      return "content that is not iCalendar text (binary, or not UTF-8?)";
    }
    return "a line that is not an iCalendar property (NAME:value)";
  }

  private static String found(String shown, int code) {
    if (code < 0x20 || code == 0x7f) {
      return "the control character " + codePoint(code);
    }
    return "'" + (shown == null ? new String(Character.toChars(code)) : shown) + "'";
  }

  static String codePoint(int code) {
    return String.format(Locale.ROOT, "U+%04X", code);
  }
}
