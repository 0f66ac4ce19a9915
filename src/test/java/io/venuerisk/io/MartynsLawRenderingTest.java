package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Measure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Martyn's Law block reads the same in the terminal, HTML and JSON: the tier, every reason,
 * every duty with what the measures show, and the note; HTML is escaped; JSON has a fixed field
 * order and lower_snake_case codes.
 */
class MartynsLawRenderingTest {
  private static final MartynsLaw SAMPLE =
      new MartynsLaw(
          MartynsLawTier.ENHANCED,
          new MartynsLaw.Use(3, "entertainment and leisure"),
          List.of(
              "Venue type concert_hall: Schedule 1 para 3 (entertainment and leisure).",
              "Premises: 2000 people <may> be present & more"),
          List.of(
              new MartynsLawDuty(
                  "evacuation",
                  "s.5(3)(a)",
                  "procedures for evacuating people",
                  null,
                  true,
                  List.of(Measure.EVACUATION_PLAN),
                  List.of(),
                  null),
              new MartynsLawDuty(
                  "movement",
                  "s.6(3)(b)",
                  "measures for the movement of people",
                  null,
                  false,
                  List.of(),
                  List.of(Measure.ACCESS_CONTROL, Measure.BAG_SEARCH),
                  null),
              new MartynsLawDuty(
                  "senior_individual",
                  "s.10",
                  "designate a senior individual",
                  "where the person responsible is not an individual",
                  null,
                  List.of(),
                  List.of(),
                  "not shown by the scenario: confirm separately")),
          "The duties apply from commencement, not before April 2027.");

  @Test
  void theTextBlockNamesTheActTheTierEachReasonAndEachDuty() {
    List<String> lines = MartynsLawText.lines(SAMPLE);
    assertThat(lines.get(0))
        .isEqualTo("  UK Terrorism (Protection of Premises) Act 2025: enhanced duty premises");
    assertThat(lines)
        .contains(
            "    - Venue type concert_hall: Schedule 1 para 3 (entertainment and leisure).",
            "      s.5(3)(a)  procedures for evacuating people: covered by evacuation_plan",
            "      s.6(3)(b)  measures for the movement of people: missing: one of access_control, bag_search",
            "      s.10       designate a senior individual: not shown by the scenario: confirm separately",
            "                 applies where the person responsible is not an individual");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("    Note: The duties apply from commencement, not before April 2027.");
  }

  @Test
  void outOfScopeHasNoDutiesHeading() {
    MartynsLaw out =
        new MartynsLaw(MartynsLawTier.OUT_OF_SCOPE, null, List.of("Offices."), List.of(), "n");
    assertThat(MartynsLawText.lines(out))
        .containsExactly(
            "  UK Terrorism (Protection of Premises) Act 2025: out of scope",
            "    - Offices.",
            "    Note: n");
  }

  @Test
  void theHtmlFragmentEscapesEveryTextAndCarriesTheSameFacts() {
    String html = MartynsLawHtml.fragment(SAMPLE);
    assertThat(html)
        .startsWith("<div class=\"martyns-law\">")
        .endsWith("</div>")
        .contains("enhanced duty premises")
        .contains("Premises: 2000 people &lt;may&gt; be present &amp; more")
        .doesNotContain("<may>")
        .contains("<td>s.6(3)(b)</td>")
        .contains("missing: one of access_control, bag_search")
        .contains("<td>unknown</td>")
        .contains("(applies where the person responsible is not an individual)")
        .doesNotContain("<script");
    assertThat(count(html, "<tr>")).isEqualTo(1 + SAMPLE.duties().size());
  }

  @Test
  void theJsonHasAFixedFieldOrderAndLowerSnakeCaseCodes() throws Exception {
    JsonNode j = Json.mapper().valueToTree(SAMPLE);
    assertThat(names(j)).containsExactly("tier", "use", "reasons", "duties", "note");
    assertThat(j.get("tier").asText()).isEqualTo("enhanced");
    assertThat(names(j.get("use"))).containsExactly("paragraph", "name");
    JsonNode duty = j.get("duties").get(1);
    assertThat(names(duty))
        .containsExactly(
            "id", "section", "title", "condition", "covered", "inPlace", "missing", "note");
    assertThat(duty.get("missing").get(0).asText()).isEqualTo("access_control");
    assertThat(j.get("duties").get(2).get("covered").isNull()).isTrue();
    assertThat(
            Json.mapper()
                .valueToTree(
                    new MartynsLaw(
                        MartynsLawTier.QUALIFYING_EVENT, null, List.of(), List.of(), "n"))
                .get("tier")
                .asText())
        .isEqualTo("qualifying_event");
    // the same value always gives the same bytes
    assertThat(Json.compact(j)).isEqualTo(Json.compact(Json.mapper().valueToTree(SAMPLE)));
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
