package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void isOneSelfContainedPageWithCountsChartDataScriptAndFindings() throws Exception {
    Assessment a = SampleAssessments.named("a", "<script>alert(1)</script>");
    BatchSummary summary = SampleAssessments.summary(List.of(a));
    summary.rejections().add(new InputException("cal.csv", 4, 0, 3, "date", "not <a> date"));
    summary.rejected(1);
    String html = SampleAssessments.write(new HtmlReport(), List.of(a), summary);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    int t = a.tier().ordinal();
    assertThat(html).contains("<div class=\"card t" + t + "\"><b>1</b>" + a.tier() + "</div>");
    assertThat(html).contains("<svg").contains("<rect").contains("2026-12-20: 1 " + a.tier());
    // search, filters, paging and roll-ups, drawn by the inline script from the data
    assertThat(html)
        .contains("<input id=\"q\" type=\"search\"")
        .contains("<select id=\"f-ml\"")
        .contains("<select id=\"f-month\"")
        .contains("<select id=\"f-city\"")
        .contains("<select id=\"f-type\"")
        .contains("id=\"rollups\"")
        .contains("<th>Martyn's Law tier</th><th>missing duties</th>")
        .contains("<th data-num=\"1\">likelihood</th><th data-num=\"1\">consequence</th>")
        .contains("<th data-num=\"1\">band</th>")
        .contains("<th>reasons (points)</th><th>exposures (consequence, left)</th>")
        .contains("addEventListener('click'");
    // reasons in points and exposures by weight, apart
    assertThat(html).contains(js("<p><b>Reasons</b>")).contains(js("<p><b>Exposures</b>"));
    // each row's levels with their points and its band, after the columns the filters read
    var in = a.inherent();
    var res = a.residual();
    assertThat(html)
        .contains(
            ","
                + in.likelihood().level()
                + ","
                + Numbers.score(in.likelihood().points())
                + ","
                + res.likelihood().level()
                + ","
                + Numbers.score(res.likelihood().points())
                + ","
                + in.consequence().level()
                + ","
                + Numbers.score(in.consequence().points())
                + ","
                + Numbers.score(a.band().low())
                + ","
                + Numbers.score(a.band().high())
                + ",");
    // what the levels mean, once, for the script's hover text and legend
    assertThat(html)
        .contains("<script type=\"application/json\" id=\"levels\">{\"likelihood\":{")
        .contains("\"" + res.likelihood().level() + "\":\"" + res.likelihood().meaning() + "\"");
    // the details: both risks with their levels, the band and the per-tactic table
    var e = a.exposures().get(0);
    assertThat(html)
        .contains(js("<table class=\"risk\">"))
        .contains(js("<p>Uncertainty band: "))
        .contains(js("<th>people reached</th>"))
        .contains(
            js(
                "<td class=\"num\">"
                    + Numbers.score(e.inherentPoints())
                    + " &rarr; "
                    + Numbers.score(e.residualPoints())
                    + "</td>"));
    assertThat(html).contains("EXP-VEHICLE-RAMMING").contains("standoff_perimeter");
    // the rejected record, escaped
    assertThat(html)
        .contains("<h2 id=\"rejected\">Rejected records</h2>")
        .contains("<td>cal.csv</td><td class=\"num\">4</td><td class=\"num\">3</td>")
        .contains("date: not &lt;a&gt; date");
    // no value can close the script element that holds it
    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
  }

  @Test
  void onlyTheTopRowsCarryTheirDetailsSoTheRestCostAFewHundredBytesEach() throws Exception {
    Assessment a = SampleAssessments.cologne();
    int more = 100;
    String small = page(a, HtmlReport.DETAILS);
    String large = page(a, HtmlReport.DETAILS + more);
    assertThat(large.split(Pattern.quote(js("<p><b>Reasons</b>")), -1))
        .hasSize(HtmlReport.DETAILS + 1);
    long perRow = (large.length() - small.length()) / more;
    // a compact row repeats no venue, city, reason or exposure text: the dictionary holds them
    assertThat(perRow).isLessThan(120);
  }

  @Test
  void theTemplatesOwnLayoutDoesNotShowInThePage() throws Exception {
    // every section on lines of its own: no blank line (a template's line break written twice),
    // no indented line (a template's indentation), the chart's legend straight before the next
    // section; an empty calendar's page likewise
    List<Assessment> rows = List.of(SampleAssessments.cologne(), SampleAssessments.named("b", "B"));
    BatchSummary summary = SampleAssessments.summary(rows);
    summary.rejections().add(new InputException("cal.csv", 4, 0, 3, "date", "not a date"));
    summary.rejected(1);
    String html = SampleAssessments.write(new HtmlReport(), rows, summary);
    assertThat(html)
        .contains("<h2>Reasons the calendar shares</h2>")
        .contains("<h2>Notes on the reference data</h2>")
        .contains("</small></p>\n<h2>Reasons the calendar shares</h2>\n")
        .contains("</tr>\n</tbody></table>\n<h2 id=\"list\">");
    String empty = SampleAssessments.write(new HtmlReport(), List.of(), new BatchSummary());
    assertThat(empty).contains("<h2>Events per tier over time</h2>\n<p>No events.</p>\n<h2 ");
    for (String page : List.of(html, empty)) {
      String markup = page.substring(0, page.indexOf("<script type=\"application/json\""));
      assertThat(markup.lines()).noneMatch(String::isBlank).noneMatch(l -> l.startsWith(" "));
    }
    // the details: one line of HTML
    assertThat(new HtmlReport().details(rows.get(0))).doesNotContain("\n").startsWith("<p><b>Risk");
  }

  @Test
  void aBarOfTheChartHasItsTiersColourFromTheStylesheet() throws Exception {
    Assessment a = SampleAssessments.cologne();
    String html =
        SampleAssessments.write(
            new HtmlReport(), List.of(a), SampleAssessments.summary(List.of(a)));
    var css =
        Pattern.compile("\n\\.t" + a.tier().ordinal() + "\\{background:(#[0-9a-f]{6})\\}\n")
            .matcher(html);
    assertThat(css.find()).isTrue();
    assertThat(html)
        .contains("fill=\"" + css.group(1) + "\"><title>2026-12-20: 1 " + a.tier() + "</title>");
  }

  /** Text as it stands in the page's JSON data: no character that could close the script. */
  private static String js(String html) {
    return html.replace("&", "\\u0026")
        .replace("\"", "\\\"")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e");
  }

  private static String page(Assessment a, int n) throws Exception {
    List<Assessment> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Scenario s = a.scenario();
      rows.add(
          new Assessment(
              new Scenario(
                  "ev-" + i,
                  "Event " + i,
                  s.date(),
                  s.endDate(),
                  s.venue(),
                  s.event(),
                  s.profile(),
                  s.security()),
              a.residual(),
              a.inherent(),
              a.trace(),
              a.band(),
              a.findings(),
              a.exposures(),
              a.measuresWithoutEffect(),
              a.recommendedMeasures(),
              a.threatLevel(),
              a.martynsLaw(),
              a.notes(),
              a.measureNames()));
    }
    return SampleAssessments.write(new HtmlReport(), rows, SampleAssessments.summary(rows));
  }
}
