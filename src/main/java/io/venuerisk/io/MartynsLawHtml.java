package io.venuerisk.io;

import io.venuerisk.model.MartynsLaw;

/**
 * The UK Terrorism (Protection of Premises) Act 2025 section of an event in the HTML report: an
 * escaped fragment (no script, no external resource) to place inside the event's details, from the
 * template src/main/jte/martyns-law.jte.
 */
public final class MartynsLawHtml {
  private MartynsLawHtml() {}

  public static String fragment(MartynsLaw m) {
    return HtmlOutput.fragment(out -> JtemartynslawGenerated.render(out, null, m));
  }
}
