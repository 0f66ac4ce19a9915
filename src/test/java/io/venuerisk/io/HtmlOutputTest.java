package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class HtmlOutputTest {
  @Test
  void aValueIsEscapedTheSameInTextAndInAnAttribute() {
    String html =
        HtmlOutput.fragment(
            out -> {
              out.writeContent("<p title=\"");
              out.setContext("p", "title");
              out.writeUserContent("O'Brien & \"Co\" <b>");
              out.setContext("p", null);
              out.writeContent("\">");
              out.writeUserContent("O'Brien & \"Co\" <b>");
              out.writeContent("</p>");
            });
    String escaped = "O&#39;Brien &amp; &quot;Co&quot; &lt;b&gt;";
    assertThat(html).isEqualTo("<p title=\"" + escaped + "\">" + escaped + "</p>");
  }

  @Test
  void aFragmentDropsTheTemplatesLineBreaksAndIndentationButNotAValues() {
    String html =
        HtmlOutput.fragment(
            out -> {
              out.writeContent("<ul>\n  ");
              out.writeContent("  <li>");
              out.writeUserContent("two\n  lines");
              out.writeContent("</li>\n</ul>\n");
            });
    assertThat(html).isEqualTo("<ul><li>two\n  lines</li></ul>");
  }

  @Test
  void aPageKeepsTheTemplatesLayout() throws IOException {
    StringWriter w = new StringWriter();
    HtmlOutput.page(w, out -> out.writeContent("<ul>\n  <li>x</li>\n</ul>\n"));
    assertThat(w).hasToString("<ul>\n  <li>x</li>\n</ul>\n");
  }

  @Test
  void aValueInAScriptOrAnEventAttributeIsRefusedNotWrittenUnsafe() {
    assertThatThrownBy(
            () ->
                HtmlOutput.fragment(
                    out -> {
                      out.setContext("script", null);
                      out.writeUserContent("x");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                HtmlOutput.fragment(
                    out -> {
                      out.setContext("button", "onclick");
                      out.writeUserContent("x");
                    }))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedWriteIsTheWritersIOException() {
    IOException full = new IOException("No space left on device");
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) throws IOException {
            throw full;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> HtmlOutput.page(broken, out -> out.writeContent("<p>")))
        .isSameAs(full);
  }
}
