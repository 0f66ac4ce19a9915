package io.venuerisk.io;

import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;

/**
 * The UK Terrorism (Protection of Premises) Act 2025 section of an event in the HTML report: an
 * escaped fragment (no script, no external resource) to place inside the event's details.
 */
public final class MartynsLawHtml {
  private MartynsLawHtml() {}

  public static String fragment(MartynsLaw m) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("<div class=\"martyns-law\"><p><b>")
        .append(HtmlReport.esc(MartynsLawText.TITLE))
        .append(":</b> <span class=\"ml-tier ml-")
        .append(m.tier().code())
        .append("\">")
        .append(HtmlReport.esc(m.tier().label()))
        .append("</span></p><ul>");
    for (String r : m.reasons()) {
      sb.append("<li>").append(HtmlReport.esc(r)).append("</li>");
    }
    sb.append("</ul>");
    if (!m.duties().isEmpty()) {
      sb.append(
          "<table class=\"ml-duties\"><thead><tr><th>section</th><th>duty</th>"
              + "<th>covered</th><th>what the measures show</th></tr></thead><tbody>");
      for (MartynsLawDuty d : m.duties()) {
        String covered = d.covered() == null ? "unknown" : d.covered() ? "yes" : "no";
        sb.append("<tr><td>")
            .append(HtmlReport.esc(d.section()))
            .append("</td><td>")
            .append(HtmlReport.esc(d.title()));
        if (d.condition() != null) {
          sb.append(" <small>(applies ").append(HtmlReport.esc(d.condition())).append(")</small>");
        }
        sb.append("</td><td>")
            .append(covered)
            .append("</td><td>")
            .append(HtmlReport.esc(MartynsLawText.status(d)))
            .append("</td></tr>");
      }
      sb.append("</tbody></table>");
    }
    sb.append("<p><small>").append(HtmlReport.esc(m.note())).append("</small></p></div>");
    return sb.toString();
  }
}
