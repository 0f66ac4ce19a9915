package io.venuerisk.io;

import io.venuerisk.engine.ScenarioCheck;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The scenario checks of {@code venue-risk test} as a JUnit XML report (the Ant/Surefire {@code
 * testsuite} format that CI servers read): one {@code testcase} per scenario file, a {@code
 * failure} per scenario whose expectation does not hold (the differences in its text), an {@code
 * error} per file that could not be read or scored, {@code skipped} for a scenario without an
 * {@code expect} object.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** A checked scenario and how long it took, in seconds. */
  public record Case(ScenarioCheck check, double seconds) {}

  public static void write(Writer out, String suiteName, List<Case> cases)
      throws XMLStreamException {
    long failures = cases.stream().filter(c -> failed(c.check())).count();
    long errors = cases.stream().filter(c -> c.check().error() != null).count();
    long skipped = cases.stream().filter(c -> c.check().unchecked()).count();
    double total = cases.stream().mapToDouble(Case::seconds).sum();
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", clean(suiteName));
    x.writeAttribute("tests", Integer.toString(cases.size()));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", Long.toString(errors));
    x.writeAttribute("skipped", Long.toString(skipped));
    x.writeAttribute("time", seconds(total));
    x.writeCharacters("\n");
    for (Case c : cases) {
      ScenarioCheck s = c.check();
      x.writeCharacters("  ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", clean(suiteName));
      x.writeAttribute("name", clean(name(s)));
      x.writeAttribute("file", clean(s.file()));
      x.writeAttribute("time", seconds(c.seconds()));
      if (s.error() != null) {
        x.writeCharacters("\n    ");
        x.writeStartElement("error");
        x.writeAttribute("message", clean(s.error()));
        x.writeAttribute("type", "unreadable scenario");
        x.writeCharacters(clean(s.error()));
        x.writeEndElement();
        x.writeCharacters("\n  ");
      } else if (failed(s)) {
        List<String> differences = TestReport.differences(s);
        String first = differences.get(0);
        x.writeCharacters("\n    ");
        x.writeStartElement("failure");
        x.writeAttribute("message", clean(first));
        x.writeAttribute("type", "expectation");
        x.writeCharacters(clean(String.join("\n", differences)));
        x.writeEndElement();
        x.writeCharacters("\n  ");
      } else if (s.unchecked()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", "no expect object in the scenario file");
        x.writeCharacters("\n  ");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
    }
    x.writeEndElement();
    x.writeCharacters("\n");
    x.writeEndDocument();
    x.flush();
  }

  /** The test case name: the scenario id, or the file when it could not be read. */
  static String name(ScenarioCheck s) {
    if (s.assessment() == null) {
      return s.file();
    }
    return s.scenarioId();
  }

  static boolean failed(ScenarioCheck s) {
    return s.error() == null && s.expectation() != null && !s.differences().isEmpty();
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** XML 1.0 cannot hold most control characters, even escaped: a scenario id might carry one. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
        continue;
      }
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      sb.append(ok ? c : '\uFFFD');
    }
    return sb.toString();
  }
}
