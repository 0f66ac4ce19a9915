package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.CaseLabel;
import io.venuerisk.model.InputException;
import io.venuerisk.model.LabelledCase;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasuresBasis;
import io.venuerisk.model.Placement;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
  private static final ScenarioJson JSON = new ScenarioJson(ReferenceData.bundled());

  private static final String CSV_HEADER =
      "id,name,date,venue.type,venue.city,venue.country,event.type,event.expectedAttendance,"
          + "security.measures,label,source,measuresBasis,placement,matchedTo,crossoverOf";

  @TempDir Path tmp;

  private final List<InputException> bad = new ArrayList<>();

  private Path file(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private List<LabelledCase> read(String text) throws IOException {
    List<LabelledCase> cases = CaseFile.read(JSON, file("cases.csv", text), bad::add);
    assertThat(bad).isEmpty();
    return cases;
  }

  private List<LabelledCase> readWithErrors(String name, String text) throws IOException {
    return CaseFile.read(JSON, file(name, text), bad::add);
  }

  /** One JSON Lines case with the case fields given as JSON members (without braces). */
  private static String line(String id, String label, String measures, String extra) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + id
        + "\",\"date\":\"2024-06-01\",\"venue\":{\"type\":\"concert_hall\",\"city\":\"Leeds\","
        + "\"country\":\"GB\"},\"event\":{\"type\":\"concert\",\"expectedAttendance\":900},"
        + "\"security\":{\"measures\":["
        + measures
        + "]},\"label\":\""
        + label
        + "\",\"source\":\"news\",\"basis\":\"facts\""
        + (extra.isEmpty() ? "" : "," + extra)
        + "}\n";
  }

  private static String row(String id, String label, String measures, String caseFields) {
    return id
        + ","
        + id
        + ",2024-06-01,concert_hall,Leeds,GB,concert,900,"
        + measures
        + ","
        + label
        + ",news,"
        + caseFields
        + "\n";
  }

  @Test
  void aSemicolonCaseCsvWithABlankLineKeepsEveryLabelWithItsOwnCase() throws IOException {
    String header =
        "id;name;date;venue.type;venue.city;venue.country;event.type;event.expectedAttendance;label;source;basis";
    List<LabelledCase> cases =
        read(
            "\uFEFF"
                + header
                + "\n"
                + "a;A;2024-03-22;concert_hall;Krasnogorsk;RU;concert;6000;attack;news a;facts a\n"
                + "\n"
                + "b;B;2024-06-01;market;Leeds;GB;market;400;ordinary;news b;facts b\n");
    assertThat(cases).extracting(c -> c.scenario().id()).containsExactly("a", "b");
    assertThat(cases)
        .extracting(LabelledCase::label)
        .containsExactly(CaseLabel.ATTACK, CaseLabel.ORDINARY);
    assertThat(cases).extracting(LabelledCase::source).containsExactly("news a", "news b");
    assertThat(cases.get(0).measuresBasis()).isNull();
    assertThat(cases.get(0).matchedTo()).isEmpty();
  }

  @Test
  void jsonLinesCarryTheNewCaseFieldsAndKeepThemOutOfTheScenario() throws IOException {
    Path f =
        file(
            "cases.jsonl",
            line(
                    "attack-a",
                    "attack",
                    "\"bag_search\",\"cctv\"",
                    "\"measuresBasis\":\"reported\",\"placement\":{\"bag_search\":\"entry\","
                        + "\"cctv\":\"inside\"}")
                + line("plot-b", "plot", "", "\"measuresBasis\":\"not_reported\"")
                + line(
                    "ordinary-c",
                    "ordinary",
                    "\"cctv\"",
                    "\"measuresBasis\":\"inferred\",\"matchedTo\":[\"attack-a\",\"plot-b\"]")
                + line("ordinary-d", "ordinary", "", "\"matchedTo\":\"attack-a\"")
                + line("ordinary-a-crossover", "ordinary", "", "\"crossoverOf\":\"attack-a\""));
    List<LabelledCase> cases = CaseFile.read(JSON, f, bad::add);
    assertThat(bad).isEmpty();
    assertThat(cases).hasSize(5);
    LabelledCase a = cases.get(0);
    assertThat(a.measuresBasis()).isEqualTo(MeasuresBasis.REPORTED);
    assertThat(a.placement())
        .containsExactly(
            Map.entry(Measure.BAG_SEARCH, Placement.ENTRY),
            Map.entry(Measure.CCTV, Placement.INSIDE));
    assertThat(a.scenario().measures()).containsExactlyInAnyOrder(Measure.BAG_SEARCH, Measure.CCTV);
    assertThat(cases.get(1).measuresBasis()).isEqualTo(MeasuresBasis.NOT_REPORTED);
    assertThat(cases.get(2).matchedTo()).containsExactly("attack-a", "plot-b");
    assertThat(cases.get(2).measuresBasis()).isEqualTo(MeasuresBasis.INFERRED);
    assertThat(cases.get(3).matchedTo()).containsExactly("attack-a");
    assertThat(cases.get(4).crossoverOf()).isEqualTo("attack-a");
    assertThat(cases.get(4).matchedTo()).isEmpty();
  }

  @Test
  void csvCarriesTheNewCaseFieldsWithPlacementAndMatchedToAsCells() throws IOException {
    List<LabelledCase> cases =
        read(
            CSV_HEADER
                + "\n"
                + row(
                    "attack-a",
                    "attack",
                    "bag_search;cctv",
                    "reported,bag_search=entry;cctv=inside,,")
                + row("plot-b", "plot", "", "not_reported,,,")
                + row("ordinary-c", "ordinary", "cctv", "inferred,,attack-a;plot-b,")
                + row("ordinary-a-crossover", "ordinary", "", ",,,attack-a"));
    assertThat(cases.get(0).placement())
        .containsExactly(
            Map.entry(Measure.BAG_SEARCH, Placement.ENTRY),
            Map.entry(Measure.CCTV, Placement.INSIDE));
    assertThat(cases.get(0).measuresBasis()).isEqualTo(MeasuresBasis.REPORTED);
    assertThat(cases.get(2).matchedTo()).containsExactly("attack-a", "plot-b");
    assertThat(cases.get(3).crossoverOf()).isEqualTo("attack-a");
    assertThat(cases.get(3).measuresBasis()).isNull();
  }

  @Test
  void aMatchedControlNamingNoCaseIsOneLineWithFileLineRecordFieldAndTheNearestAttack()
      throws IOException {
    List<LabelledCase> cases =
        readWithErrors(
            "cases.jsonl",
            line("attack-2024-crocus-city-hall", "attack", "", "")
                + line("plot-2024-vienna-concert", "plot", "", "")
                + line(
                    "ordinary-x", "ordinary", "", "\"matchedTo\":\"attack-2024-crocus-cityhall\""));
    assertThat(cases)
        .extracting(LabelledCase::id)
        .containsExactly("attack-2024-crocus-city-hall", "plot-2024-vienna-concert");
    assertThat(bad)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo(
            tmp.resolve("cases.jsonl")
                + ":3: record 3: matchedTo: no case 'attack-2024-crocus-cityhall' in the files"
                + " read; nearest attack or plot: attack-2024-crocus-city-hall");
  }

  @Test
  void aCrossoverTwinNamingNoCaseInCsvIsPlacedAtItsRow() throws IOException {
    readWithErrors(
        "cases.csv",
        CSV_HEADER
            + "\n"
            + row("attack-a", "attack", "", ",,,")
            + "\n"
            + row("ordinary-b", "ordinary", "", ",,,attack-z"));
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            tmp.resolve("cases.csv")
                + ":4: record 2: crossoverOf: no case 'attack-z' in the files read; nearest"
                + " attack or plot: attack-a");
  }

  @Test
  void aScenarioErrorInCsvNamesTheLineOfTheFileAsWrittenPastBlankLines() throws IOException {
    readWithErrors(
        "cases.csv",
        CSV_HEADER
            + "\n\n"
            + row("attack-a", "attack", "", ",,,")
            + "\n\n"
            + row("ordinary-b", "ordinary", "", ",,,").replace(",GB,", ",UK,"));
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .singleElement()
        .asString()
        .startsWith(tmp.resolve("cases.csv") + ":6: record 2: venue.country: ");
  }

  @Test
  void aMatchedControlNamingAnOrdinaryCaseOrOnAnAttackIsRefused() throws IOException {
    readWithErrors(
        "cases.jsonl",
        line("attack-a", "attack", "", "\"matchedTo\":\"attack-a\"")
            + line("ordinary-b", "ordinary", "", "")
            + line("ordinary-c", "ordinary", "", "\"matchedTo\":[\"ordinary-b\"]")
            + line("secured-d", "secured_no_incident", "", "\"crossoverOf\":\"attack-a\""));
    String f = tmp.resolve("cases.jsonl").toString();
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            f
                + ":1: record 1: matchedTo: only an ordinary case is a matched control; this case"
                + " is labelled attack",
            f
                + ":4: record 4: crossoverOf: only an ordinary case is a crossover twin; this case"
                + " is labelled secured_no_incident",
            f
                + ":3: record 3: matchedTo: 'ordinary-b' is labelled ordinary; a matched control"
                + " or crossover twin names an attack or plot");
  }

  @Test
  void aControlMayNameAnAttackOfAnotherFileReadWithIt() throws IOException {
    Path attacks = file("attacks.jsonl", line("attack-a", "attack", "", ""));
    Path controls =
        file(
            "controls.csv",
            CSV_HEADER + "\n" + row("ordinary-b", "ordinary", "", ",,attack-a,attack-a"));
    List<LabelledCase> cases = CaseFile.read(JSON, List.of(attacks, controls), bad::add);
    assertThat(bad).isEmpty();
    assertThat(cases).extracting(LabelledCase::id).containsExactly("attack-a", "ordinary-b");
    // read alone, the control's attack is not there
    CaseFile.read(JSON, controls, bad::add);
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            controls + ":2: record 1: matchedTo: no case 'attack-a' in the files read");
  }

  @Test
  void aControlOfAnAttackThatCouldNotBeReadSaysSoInsteadOfGuessing() throws IOException {
    readWithErrors(
        "cases.jsonl",
        line("attack-a", "atack", "", "")
            + line("ordinary-b", "ordinary", "", "\"matchedTo\":\"attack-a\""));
    String f = tmp.resolve("cases.jsonl").toString();
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            f
                + ":1: record 1: label: unknown label 'atack'; expected one of attack, plot,"
                + " secured_no_incident, ordinary; nearest: attack",
            f
                + ":2: record 2: matchedTo: 'attack-a' is a case that could not be read (reported"
                + " above)");
  }

  @Test
  void badPlacementsAndMeasuresBasisAreNamedWithTheNearestValue() throws IOException {
    readWithErrors(
        "cases.jsonl",
        line("a", "attack", "\"bag_search\"", "\"placement\":{\"bag_serch\":\"entry\"}")
            + line("b", "attack", "\"bag_search\"", "\"placement\":{\"bag_search\":\"gate\"}")
            + line("c", "attack", "\"bag_search\"", "\"placement\":{\"cctv\":\"inside\"}")
            + line("d", "attack", "", "\"placement\":[\"cctv\"]")
            + line("e", "attack", "", "\"measuresBasis\":\"reportd\"")
            + line("f", "attack", "", "\"crossoverOf\":[\"a\"]"));
    String f = tmp.resolve("cases.jsonl").toString();
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            f
                + ":1: record 1: placement: unknown measure 'bag_serch'; expected one of"
                + " hostile_vehicle_mitigation, vehicle_screening, bag_search, metal_detectors,"
                + " explosive_detection, standoff_perimeter, access_control, armed_security,"
                + " police_presence, cctv, staff_training, lockdown_plan, evacuation_plan,"
                + " close_protection, travel_security, blast_protection, intelligence_liaison,"
                + " medical_response; nearest: bag_search",
            f
                + ":2: record 2: placement.bag_search: unknown placement 'gate'; expected one of"
                + " outer_perimeter, entry, inside",
            f
                + ":3: record 3: placement.cctv: cctv is not in security.measures; a placement"
                + " says where a listed measure sat",
            f
                + ":4: record 4: placement: expected measures with where each sat, such as"
                + " {\"bag_search\": \"entry\"} (in CSV bag_search=entry;cctv=inside), got a list",
            f
                + ":5: record 5: measuresBasis: unknown measures basis 'reportd'; expected one of"
                + " reported, inferred, not_reported; nearest: reported",
            f + ":6: record 6: crossoverOf: expected one case id, got a list");
  }

  @Test
  void aCsvPlacementCellWithoutEqualsSignIsNamed() throws IOException {
    readWithErrors(
        "cases.csv", CSV_HEADER + "\n" + row("a", "attack", "bag_search", ",bag_search:entry,,"));
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            tmp.resolve("cases.csv")
                + ":2: record 1: placement: 'bag_search:entry' has no '='; expected measures with"
                + " where each sat, such as {\"bag_search\": \"entry\"} (in CSV"
                + " bag_search=entry;cctv=inside)");
  }

  @Test
  void aCaseWhoseIdIsTakenIsRefusedAndTheFirstKept() throws IOException {
    List<LabelledCase> cases =
        readWithErrors("cases.jsonl", line("a", "attack", "", "") + line("a", "ordinary", "", ""));
    assertThat(cases).extracting(LabelledCase::label).containsExactly(CaseLabel.ATTACK);
    String f = tmp.resolve("cases.jsonl").toString();
    assertThat(bad)
        .extracting(Throwable::getMessage)
        .containsExactly(
            f
                + ":2: record 2: id: 'a' is also the id of the case at "
                + f
                + ":1; every case has its own id");
  }
}
