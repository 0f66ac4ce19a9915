package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.Community;
import io.venuerisk.model.HighProfileEvent;
import io.venuerisk.model.InputException;
import io.venuerisk.model.TensionPeriod;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.reference.DeclaredContext;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --context FILE}: a user's high-profile events, tension periods and threat levels, read as
 * strictly as a scenario and marked with the file that declared them.
 */
class ContextFileTest {
  private static final ReferenceData DATA = ReferenceData.bundled();
  private static final Path EXAMPLE = Path.of("scenarios/context/madrid-final-2027.json");
  private static final Path EXAMPLE_CSV = Path.of("scenarios/context/threat-levels.csv");

  @TempDir Path dir;

  private static DeclaredContext json(String text) {
    return ContextFile.read("ctx.json", text.getBytes(StandardCharsets.UTF_8), DATA);
  }

  private static DeclaredContext csv(String text) {
    return ContextFile.read("ctx.csv", text.getBytes(StandardCharsets.UTF_8), DATA);
  }

  private static void refused(String file, String text, String message) {
    assertThatThrownBy(() -> ContextFile.read(file, text.getBytes(StandardCharsets.UTF_8), DATA))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  // ------------------------------------------------------------------ what is read

  @Test
  void theShippedJsonExampleDeclaresAnEventAndAThreatLevelMarkedAsItsOwn() {
    DeclaredContext c = ContextFile.read(EXAMPLE, DATA);
    HighProfileEvent e = c.highProfileEvents().get(0);
    assertThat(e.id()).isEqualTo("madrid-final-fan-festival-2027");
    assertThat(e.countries()).containsExactly("ES");
    assertThat(e.cities()).containsExactly("Madrid");
    assertThat(e.sporting()).isTrue();
    assertThat(e.european()).as("derived from a host in Europe").isTrue();
    assertThat(e.declared()).isTrue();
    assertThat(e.declaredIn()).isEqualTo(EXAMPLE.toString());
    assertThat(e.source())
        .isEqualTo("user-declared: " + EXAMPLE + "; city of Madrid events calendar");
    ThreatLevelPeriod t = c.threatLevels().get(0);
    assertThat(t.country()).isEqualTo("ES");
    assertThat(t.system()).isEqualTo("NAA");
    assertThat(t.rank()).isEqualTo(5);
    assertThat(t.to()).isEqualTo("2027-06-07");
    assertThat(t.declared()).isTrue();
    assertThat(c.tensionPeriods()).isEmpty();
  }

  @Test
  void theShippedCsvExampleDeclaresThreatLevelsInEachCountrysVocabulary() {
    DeclaredContext c = ContextFile.read(EXAMPLE_CSV, DATA);
    assertThat(c.threatLevels())
        .extracting(ThreatLevelPeriod::country, ThreatLevelPeriod::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GB", "CRITICAL"),
            org.assertj.core.groups.Tuple.tuple("FR", "securite_renforcee_risque_attentat"));
    assertThat(c.threatLevels().get(1).to()).as("an empty 'to' is still in force").isNull();
    assertThat(c.threatLevels())
        .allMatch(t -> t.source().startsWith("user-declared: " + EXAMPLE_CSV));
  }

  @Test
  void aCsvOfEventsAndOneOfTensionPeriodsReadListsAndTrueFalse() {
    DeclaredContext events =
        csv(
            """
        id,name,start,end,countries,cities,sporting,european,cites,provisional,source,note
        derby-2027,City derby,2027-04-10,,GB,Manchester;Salford,true,,ISK-R4;ISK-T2,false,club,"a note, with a comma"
        """);
    HighProfileEvent e = events.highProfileEvents().get(0);
    assertThat(e.end()).as("no end: one day").isEqualTo(e.start());
    assertThat(e.cities()).containsExactly("Manchester", "Salford");
    assertThat(e.cites()).containsExactly("ISK-R4", "ISK-T2");
    assertThat(e.sporting()).isTrue();
    assertThat(e.note()).isEqualTo("a note, with a comma");
    DeclaredContext tensions =
        csv(
            """
        id,name,start,end,communities,note
        local-tension,Tension after an incident,2027-03-01,,jewish;christian,
        all-communities,Regional escalation,2027-03-01,2027-03-31,,
        """);
    TensionPeriod t = tensions.tensionPeriods().get(0);
    assertThat(t.communities()).containsExactly(Community.JEWISH, Community.CHRISTIAN);
    assertThat(t.end()).isNull();
    assertThat(t.declaredIn()).isEqualTo("ctx.csv");
    assertThat(tensions.tensionPeriods().get(1).communities())
        .as("empty: every community")
        .isEmpty();
  }

  @Test
  void aSemicolonCsvWithAByteOrderMarkAndSpreadsheetBooleansReadsLikeTheCommaOne() {
    DeclaredContext comma =
        csv(
            """
        id,name,start,end,countries,cities,sporting,european,cites,provisional,source,note
        derby-2027,City derby,2027-04-10,,GB,Manchester;Salford,true,false,ISK-R4,false,club,"a, b"
        """);
    DeclaredContext semicolon =
        csv(
            "\uFEFF"
                + """
        id;name;start;end;countries;cities;sporting;european;cites;provisional;source;note
        derby-2027;City derby;2027-04-10;;GB;"Manchester;Salford";YES;0;ISK-R4;FALSE;club;a, b
        """);
    assertThat(semicolon.highProfileEvents()).isEqualTo(comma.highProfileEvents());
  }

  @Test
  void aYesNoCellThatIsNeitherIsNamedWithItsLineAndTheSpellingsAccepted() {
    refused(
        "ctx.csv",
        """
        id,name,start,countries,sporting
        derby-2027,City derby,2027-04-10,GB,maybe
        """,
        "ctx.csv:2: record 1: sporting: 'maybe' is not a yes/no value; expected true/false, yes/no"
            + " or 1/0 (any case)");
  }

  @Test
  void aDeclaredEventWithTheIdOfAReferenceRowReplacesItForTheRun() {
    DeclaredContext c =
        json(
            """
        {"highProfileEvents": [{"id": "eurovision-2027", "name": "Eurovision Song Contest 2027",
          "start": "2027-05-11", "end": "2027-05-15", "countries": ["AT"], "cities": ["Vienna"]}]}
        """);
    ReferenceData run = DATA.withDeclared(c);
    List<HighProfileEvent> eurovision =
        run.highProfileEvents().stream().filter(e -> e.id().equals("eurovision-2027")).toList();
    assertThat(eurovision)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.countries()).containsExactly("AT");
              assertThat(e.declared()).isTrue();
            });
    assertThat(run.highProfileEvents()).hasSize(DATA.highProfileEvents().size());
    assertThat(DATA.highProfileEvents().stream().filter(e -> e.id().equals("eurovision-2027")))
        .singleElement()
        .extracting(HighProfileEvent::countries)
        .asList()
        .isEmpty();
  }

  @Test
  void aQuoteLeftOpenInACsvIsSaidInPlainWordsWithItsLine() {
    assertThatThrownBy(
            () ->
                csv(
                    """
                    id,name,start,end,communities,note
                    t1,Tension,2027-03-01,,jewish,ok
                    t2,"Tension,2027-03-01,,jewish,open
                    """))
        .isInstanceOf(InputException.class)
        // the parser finds the quote open at the end of the file, the line it names
        .hasMessage(
            "ctx.csv:4: record 2: malformed CSV: a quoted cell is not closed: its closing quote"
                + " is missing")
        .hasMessageNotContaining("Missing closing quote")
        .hasMessageNotContaining("[Source:");
  }

  @Test
  void aCommentAndEmptyArraysAreAllowed() {
    assertThat(json("{\"$comment\": \"nothing yet\", \"tensionPeriods\": []}").isEmpty()).isTrue();
  }

  // ------------------------------------------------------------------ what is refused

  @Test
  void anUnknownTopLevelFieldIsNamedWithTheNearest() {
    refused(
        "ctx.json",
        "{\n  \"highProfileEvent\": []\n}",
        "ctx.json:2: unknown field 'highProfileEvent'; valid fields here: highProfileEvents,"
            + " tensionPeriods, threatLevels, $comment; nearest: highProfileEvents");
  }

  @Test
  void aFieldNameHoldingAnEscapedNewlineIsQuotedWithTheEscapeKeepingTheErrorOnOneLine() {
    // JSON lets a key hold "\n": the message quotes the key as written, not as a line break
    refused(
        "ctx.json",
        "{\n  \"$comme\\nt\": []\n}",
        "ctx.json:2: unknown field '$comme\\nt'; valid fields here: highProfileEvents,"
            + " tensionPeriods, threatLevels, $comment");
  }

  @Test
  void anUnknownFieldOfARowIsNamedByItsPathWithTheNearest() {
    assertThatThrownBy(
            () -> json("{\"highProfileEvents\": [\n  {\"id\": \"x\", \"contries\": [\"ES\"]}]}"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("ctx.json:2:")
        .hasMessageContaining("highProfileEvents[0]: unknown field 'contries'; valid fields here: ")
        .hasMessageEndingWith("nearest: countries");
  }

  @Test
  void anImpossibleDateNamesItsField() {
    assertThatThrownBy(
            () ->
                json(
                    "{\"threatLevels\": [{\"country\": \"GB\", \"level\": \"SEVERE\", \"from\": \"2027-02-30\"}]}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "threatLevels[0].from: '2027-02-30' is not a date; expected ISO-8601 YYYY-MM-DD");
  }

  @Test
  void anUnknownCountryGetsTheNearestCode() {
    refused(
        "ctx.json",
        "{\"highProfileEvents\": [\n{\"id\": \"x\", \"name\": \"X\", \"start\": \"2027-06-01\", \"countries\": [\"UK\"]}]}",
        "ctx.json:2: highProfileEvents[0].countries: unknown country code 'UK'; expected an ISO 3166-1"
            + " alpha-2 code; nearest: GB (United Kingdom)");
  }

  @Test
  void anUnknownLevelListsTheCountrysLevelsAndTheNearest() {
    refused(
        "ctx.json",
        "{\"threatLevels\": [\n\n{\"country\": \"GB\", \"level\": \"SEVER\", \"from\": \"2027-06-01\"}]}",
        "ctx.json:3: threatLevels[0].level: unknown level 'SEVER' for GB (JTAC national threat"
            + " level); expected one of LOW, MODERATE, SUBSTANTIAL, SEVERE, CRITICAL; nearest: SEVERE");
    refused(
        "ctx.csv",
        "country,level,from\nNL,substantiel,2027-01-01\n",
        "ctx.csv:2: record 1: level: unknown level 'substantiel' for NL (NCTV); expected one of 1,"
            + " minimaal_pre_2016, 2, beperkt_pre_2016, 3, 4, substantieel_pre_2016, 5,"
            + " kritiek_pre_2016 (or minimaal, minimal, beperkt, limited, aanzienlijk, significant,"
            + " substantieel, substantial, kritiek, critical); nearest: 4 (substantial)");
  }

  @Test
  void aLevelForACountryWithoutASystemSaysWhichCountriesHaveOne() {
    refused(
        "ctx.csv",
        "country,level,from\nDE,hoch,2027-01-01\n",
        "ctx.csv:2: record 1: level: no national threat-level system is recorded for DE; countries"
            + " with one: AU, BE, ES, FR, GB, NL, US (see data/threat_level_scales.csv)");
  }

  @Test
  void aRowThatEndsBeforeItStartsOrLacksADateIsRefused() {
    refused(
        "ctx.csv",
        "id,name,start,end,countries\nx,X,2027-06-05,2027-06-01,ES\n",
        "ctx.csv:2: record 1: end: ends 2027-06-01, before the event starts (2027-06-05); expected"
            + " 2027-06-05 or later");
    refused(
        "ctx.csv",
        "country,level,from\nGB,SEVERE,\n",
        "ctx.csv:2: record 1: from: required field is missing; expected an ISO-8601 date such as 2027-06-05");
  }

  @Test
  void anIdDeclaredTwiceIsRefusedAtItsSecondRow() {
    refused(
        "ctx.csv",
        "id,name,start,countries\nx,X,2027-06-01,ES\ny,Y,2027-06-01,ES\nx,X again,2027-06-02,ES\n",
        "ctx.csv:4: record 3: id: 'x' is declared twice in this file; each high-profile event id once");
  }

  @Test
  void aTwoFileClashNamesBothFiles() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.json");
    Files.writeString(a, "id,name,start,countries\nx,X,2027-06-01,ES\n");
    Files.writeString(
        b,
        "{\"highProfileEvents\": [{\"id\": \"x\", \"name\": \"X\", \"start\": \"2027-06-01\", \"countries\": [\"ES\"]}]}");
    assertThatThrownBy(() -> ContextFile.readAll(List.of(a, b), DATA))
        .isInstanceOf(InputException.class)
        .hasMessage(b + ": high-profile event id 'x' is also declared in " + a + "; each id once");
  }

  @Test
  void anUnknownCiteOrCommunityGetsTheNearest() {
    refused(
        "ctx.csv",
        "id,name,start,countries,cites\nx,X,2027-06-01,ES,ISK-R44\n",
        "ctx.csv:2: record 1: cites: unknown guide statement 'ISK-R44'; expected an id such as ISK-T2; nearest: ISK-R4");
    assertThatThrownBy(() -> csv("id,name,start,communities\nx,X,2027-06-01,jewsh\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "ctx.csv:2: record 1: communities[0]: unknown community 'jewsh'; expected one of ")
        .hasMessageEndingWith("nearest: jewish");
  }

  @Test
  void aCsvOfUnknownShapeOrColumnIsRefusedAtItsHeader() {
    refused(
        "ctx.csv",
        "id,name,start\nx,X,2027-06-01\n",
        "ctx.csv:1: cannot tell which table this is: a context CSV holds high-profile events (a"
            + " 'countries' column), tension periods (a 'communities' column) or threat levels (a"
            + " 'level' column)");
    refused(
        "ctx.csv",
        "id,name,start,countries,citie\nx,X,2027-06-01,ES,Madrid\n",
        "ctx.csv:1: unknown column 'citie'; the columns of high-profile events are id, name, start,"
            + " end, countries, cities, sporting, european, cites, provisional, source, note; nearest: cities");
  }

  @Test
  void aFileThatIsNotAContextFileIsRefusedInOneLine() throws IOException {
    refused(
        "ctx.json",
        "   \n",
        "ctx.json: the file is empty; expected a context file (docs/context.md)");
    refused(
        "ctx.json",
        "[]",
        "ctx.json:1:1: expected a JSON object with highProfileEvents, tensionPeriods and/or threatLevels");
    refused(
        "ctx.json",
        "{\"threatLevels\": {}}",
        "ctx.json:1:18: threatLevels: wrong type; expected a JSON array of objects");
    Path txt = dir.resolve("ctx.txt");
    Files.writeString(txt, "{}");
    assertThatThrownBy(() -> ContextFile.read(txt, DATA))
        .isInstanceOf(InputException.class)
        .hasMessage(txt + ": expected a context file ending in .json or .csv");
    assertThatThrownBy(() -> ContextFile.read(dir.resolve("missing.json"), DATA))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("missing.json") + ": no such file");
    assertThatThrownBy(() -> json("{\"threatLevels\": [{\"country\": \"GB\""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("truncated");
  }
}
