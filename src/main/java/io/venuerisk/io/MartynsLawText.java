package io.venuerisk.io;

import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.Measure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The UK Terrorism (Protection of Premises) Act 2025 block of the terminal report: the tier, the
 * reasons, each duty with whether the scenario's measures show it is met, and the note. Indented
 * like the other blocks of {@link AssessmentText}.
 */
public final class MartynsLawText {
  static final String TITLE = "UK Terrorism (Protection of Premises) Act 2025";

  private MartynsLawText() {}

  /** The block's lines, without line ends. */
  public static List<String> lines(MartynsLaw m) {
    List<String> out = new ArrayList<>();
    out.add("  " + TITLE + ": " + m.tier().label());
    for (String r : m.reasons()) {
      out.add("    - " + r);
    }
    if (!m.duties().isEmpty()) {
      out.add("    Duties (section, duty: what the scenario's measures show)");
      for (MartynsLawDuty d : m.duties()) {
        out.add(String.format("      %-10s %s: %s", d.section(), d.title(), status(d)));
        if (d.condition() != null) {
          out.add("                 applies " + d.condition());
        }
      }
    }
    out.add("    Note: " + m.note());
    return out;
  }

  public static void write(PrintWriter out, MartynsLaw m) {
    for (String line : lines(m)) {
      out.println(line);
    }
  }

  /** "covered by cctv", "missing: one of access_control, bag_search", or the duty's note. */
  static String status(MartynsLawDuty d) {
    if (d.covered() == null) {
      return d.note();
    }
    if (d.covered()) {
      return "covered by " + codes(d.inPlace());
    }
    return (d.missing().size() > 1 ? "missing: one of " : "missing: ") + codes(d.missing());
  }

  static String codes(List<Measure> measures) {
    return measures.stream().map(Measure::code).collect(Collectors.joining(", "));
  }
}
