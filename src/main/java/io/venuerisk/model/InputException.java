package io.venuerisk.model;

/**
 * A user's input is wrong. The message is one line a user can act on: {@code file:line:column:
 * field: what is wrong (expected ..., nearest ...)}. Line and column are 0 when unknown; {@code
 * record} is the 1-based record number in a calendar, 0 for a single scenario.
 */
public final class InputException extends RuntimeException {
  private final String file;
  private final long line;
  private final long column;
  private final long record;
  private final String field;
  private final String problem;

  public InputException(String file, long line, long column, String field, String problem) {
    this(file, line, column, 0, field, problem);
  }

  public InputException(
      String file, long line, long column, long record, String field, String problem) {
    super(format(oneLine(file), line, column, record, oneLine(field), oneLine(problem)));
    this.file = oneLine(file);
    this.line = line;
    this.column = column;
    this.record = record;
    this.field = oneLine(field);
    this.problem = oneLine(problem);
  }

  public static InputException of(String file, String problem) {
    return new InputException(file, 0, 0, null, problem);
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }

  public long record() {
    return record;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  private static String format(
      String file, long line, long column, long record, String field, String problem) {
    StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (record > 0) {
      sb.append("record ").append(record).append(": ");
    }
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(problem).toString();
  }

  /**
   * The text with line breaks and other control characters written as escapes ({@code \n}, {@code
   * \\u0007}): messages quote what the user wrote (a field name, a value), and a name holding an
   * escaped newline must not split the one-line error in two.
   */
  static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean breaks = c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
      if (!breaks) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb == null ? text : sb.toString();
  }
}
