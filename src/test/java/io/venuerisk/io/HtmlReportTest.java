package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void isOneSelfContainedPageWithCountsChartSortableTableAndFindings() throws Exception {
    Assessment a = SampleAssessments.named("a", "<script>alert(1)</script>");
    String html =
        SampleAssessments.write(
            new HtmlReport(), List.of(a), SampleAssessments.summary(List.of(a)));
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    int t = a.tier().ordinal();
    assertThat(html).contains("<div class=\"card t" + t + "\"><b>1</b>" + a.tier() + "</div>");
    assertThat(html).contains("<svg").contains("<rect").contains("2026-12-20: 1 " + a.tier());
    assertThat(html)
        .contains("<th data-num=\"1\">residual</th>")
        .contains("<th data-num=\"1\">inherent</th>")
        .contains(Numbers.score(a.inherent().score()));
    assertThat(html).contains("addEventListener('click'");
    assertThat(html).contains("EXP-VEHICLE-RAMMING").contains("standoff_perimeter");
    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
  }
}
