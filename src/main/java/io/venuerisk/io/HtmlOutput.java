package io.venuerisk.io;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Where the HTML templates of src/main/jte write, and how they escape. Every value a template
 * writes with {@code ${...}} is escaped the same way wherever it stands, text or attribute: {@code
 * < > & " '} become entities, so a value is safe in either and the report's bytes stay those it has
 * always had (jte's own output spells a quote {@code &#34;} in attributes and leaves quotes alone
 * in text). No template writes a value into a script or an event attribute, where entities do not
 * protect; one that tried would fail here, not write unsafe HTML.
 *
 * <p>A fragment that goes into the page's JSON data is one line of HTML: for it, {@link #fragment}
 * drops each line break of the template's own text and the indentation after it, so the template
 * can be laid out as HTML is read. Values are never touched.
 */
final class HtmlOutput implements HtmlTemplateOutput {
  private final Appendable sink;
  private final boolean oneLine;
  private String tag;
  private String attribute;

  /** One line: after a line break of the template, until its next character that is not blank. */
  private boolean indenting;

  private HtmlOutput(Appendable sink, boolean oneLine) {
    this.sink = sink;
    this.oneLine = oneLine;
  }

  /** The template's output, one line, as a string. */
  static String fragment(Consumer<HtmlOutput> template) {
    StringBuilder sb = new StringBuilder(1024);
    template.accept(new HtmlOutput(sb, true));
    return sb.toString();
  }

  /** Writes a page: the template's text as it is laid out, to {@code out}. */
  static void page(Writer out, Consumer<HtmlOutput> template) throws IOException {
    try {
      template.accept(new HtmlOutput(out, false));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    this.tag = tagName;
    this.attribute = attributeName;
  }

  /** The template's own text. */
  @Override
  public void writeContent(String value) {
    writeContent(value, 0, value.length());
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    if (!oneLine) {
      append(value, beginIndex, endIndex);
      return;
    }
    int from = beginIndex;
    while (true) {
      if (indenting) {
        while (from < endIndex && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
          from++;
        }
        // the indentation may go on in the template's next piece of text
        indenting = from == endIndex;
      }
      int nl = value.indexOf('\n', from);
      if (nl < 0 || nl >= endIndex) {
        append(value, from, endIndex);
        return;
      }
      append(value, from, nl);
      from = nl + 1;
      indenting = true;
    }
  }

  /** A value: escaped. */
  @Override
  public void writeUserContent(String value) {
    if (value == null) {
      return;
    }
    if ("script".equals(tag) || (attribute != null && attribute.startsWith("on"))) {
      throw new IllegalStateException(
          "a template writes a value into <" + tag + "> " + attribute + ": not escaped there");
    }
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      String entity =
          switch (value.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null) {
        append(value, from, i);
        append(entity, 0, entity.length());
        from = i + 1;
      }
    }
    append(value, from, value.length());
  }

  /** Text the Java side has made safe (a stylesheet, a script, JSON data): as it is. */
  @Override
  public void writeUnsafeContent(String value) {
    if (value != null) {
      append(value, 0, value.length());
    }
  }

  @Override
  public void writeUserContent(Content content) {
    if (content != null) {
      content.writeTo(this);
    }
  }

  @Override
  public void writeUserContent(int value) {
    writeUnsafeContent(Integer.toString(value));
  }

  @Override
  public void writeUserContent(long value) {
    writeUnsafeContent(Long.toString(value));
  }

  private void append(String s, int from, int to) {
    if (from >= to) {
      return;
    }
    indenting = false;
    try {
      sink.append(s, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
