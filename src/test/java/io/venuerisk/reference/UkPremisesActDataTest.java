package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venuerisk.model.EventType;
import io.venuerisk.model.InputException;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.UkPremisesAct;
import io.venuerisk.model.UkPremisesAct.Duty;
import io.venuerisk.model.UkPremisesAct.Use;
import io.venuerisk.model.UkPremisesAct.VenueUse;
import io.venuerisk.model.VenueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/uk_premises_*.csv states the Act as enacted (thresholds, Schedule 1 uses, the
 * always-standard uses, the duties with their sections) and is complete for the scenario
 * vocabularies; an edited copy that is not is refused with the file and line.
 */
class UkPremisesActDataTest {
  private static final UkPremisesAct ACT = ReferenceData.load(Path.of("data")).ukPremisesAct();

  @TempDir Path dir;

  @Test
  void theThresholdsAreThoseOfTheActAsEnacted() {
    assertThat(ACT.qualifyingPremises().value()).isEqualTo(200);
    assertThat(ACT.enhancedPremises().value()).isEqualTo(800);
    assertThat(ACT.qualifyingEvent().value()).isEqualTo(800);
    assertThat(ACT.qualifyingPremises().provision()).startsWith("s.2(2)(c)");
    assertThat(ACT.enhancedPremises().provision()).startsWith("s.2(3)(a)");
    assertThat(ACT.qualifyingEvent().provision()).startsWith("s.3(1)(d)");
    assertThat(ACT.countries()).containsExactly("GB");
  }

  @Test
  void commencementIsNotBeforeApril2027AndNoDayIsAppointed() {
    assertThat(ACT.commencement().notBefore()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(ACT.commencement().appointed()).isNull();
    assertThat(ACT.commencement().source()).contains("not be before April 2027");
  }

  @Test
  void scheduleOneHasItsSeventeenUsesAndTheFourAlwaysStandardOnes() {
    assertThat(ACT.uses().keySet()).containsExactlyElementsOf(range(1, 17));
    List<Integer> standard =
        ACT.uses().values().stream().filter(Use::alwaysStandard).map(Use::paragraph).toList();
    assertThat(standard).containsExactly(9, 13, 14, 15);
    List<Integer> eventsExcluded =
        ACT.uses().values().stream()
            .filter(u -> !u.eventsExcludedBy().isEmpty())
            .map(Use::paragraph)
            .toList();
    assertThat(eventsExcluded).containsExactly(9, 13, 14, 15);
    assertThat(ACT.uses().get(16).alwaysStandard()).as("higher education has no cap").isFalse();
  }

  @Test
  void everyVenueTypeHasARowWithADecisionAndASource() {
    assertThat(ACT.venueTypes().keySet()).containsExactly(VenueType.values());
    for (VenueUse v : ACT.venueTypes().values()) {
      assertThat(v.decision()).as(v.type().code()).isNotBlank();
      assertThat(v.source()).as(v.type().code()).isNotBlank();
    }
  }

  @Test
  void theVenueTypesTheBriefNamesReadAsTheirScheduleOneUses() {
    assertThat(paragraph(VenueType.STADIUM)).isEqualTo(4);
    assertThat(paragraph(VenueType.CONCERT_HALL)).isEqualTo(3);
    assertThat(paragraph(VenueType.RELIGIOUS_SITE)).isEqualTo(9);
    assertThat(paragraph(VenueType.SCHOOL)).isEqualTo(14);
    assertThat(paragraph(VenueType.UNIVERSITY)).isEqualTo(16);
    assertThat(paragraph(VenueType.HOSPITAL)).isEqualTo(10);
    assertThat(paragraph(VenueType.TRANSIT_STATION)).isEqualTo(11);
    assertThat(paragraph(VenueType.AIRPORT)).isEqualTo(12);
    assertThat(paragraph(VenueType.CONFERENCE_CENTRE)).isEqualTo(6);
    assertThat(paragraph(VenueType.BUSINESS_OFFICE)).isNull();
    assertThat(ACT.venueTypes().get(VenueType.PUBLIC_SPACE).building())
        .isEqualTo(UkPremisesAct.Building.NO);
    assertThat(ACT.venueTypes().get(VenueType.AIRPORT).excludedBy())
        .isEqualTo("Schedule 2 para 4(a)");
  }

  @Test
  void everyEventTypeHasARow() {
    assertThat(ACT.eventTypes().keySet()).containsExactly(EventType.values());
    assertThat(ACT.eventTypes().get(EventType.WEDDING).publicAccess())
        .isEqualTo(UkPremisesAct.Access.NO);
    assertThat(ACT.eventTypes().get(EventType.NONE).event()).isFalse();
  }

  @Test
  void everyDutyHasASectionATierAndASourceAndEveryRequirementOfTheActIsThere() {
    for (Duty d : ACT.duties()) {
      assertThat(d.section()).as(d.id()).startsWith("s.");
      assertThat(d.source()).as(d.id()).isNotBlank();
      assertThat(d.tiers()).as(d.id()).isNotEmpty().doesNotContain(MartynsLawTier.OUT_OF_SCOPE);
    }
    assertThat(ACT.duties().stream().map(Duty::section))
        .contains(
            "s.5(3)(a)",
            "s.5(3)(b)",
            "s.5(3)(c)",
            "s.5(3)(d)",
            "s.6(3)(a)",
            "s.6(3)(b)",
            "s.6(3)(c)",
            "s.6(3)(d)",
            "s.7",
            "s.8",
            "s.9",
            "s.10");
    for (Duty d : ACT.duties()) {
      boolean enhancedOnly =
          d.section().startsWith("s.6") || d.section().equals("s.7") || d.section().equals("s.10");
      assertThat(d.tiers().contains(MartynsLawTier.STANDARD)).as(d.id()).isEqualTo(!enhancedOnly);
      assertThat(d.tiers())
          .as(d.id())
          .contains(MartynsLawTier.ENHANCED, MartynsLawTier.QUALIFYING_EVENT);
    }
  }

  // ------------------------------------------------------------------ an edited copy

  @Test
  void aCopyWithoutAVenueTypeRowIsRefusedNamingIt() throws IOException {
    copyOfData();
    dropLines(UkPremisesActTables.VENUE_TYPES, "stadium,", "other,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "uk_premises_venue_types.csv: no row for venue types stadium, other; every venue"
                + " type needs one (docs/scenario-format.md lists them)");
  }

  @Test
  void aDutyWithoutASourceIsRefusedWithItsLine() throws IOException {
    copyOfData();
    replaceLine(
        UkPremisesActTables.DUTIES,
        2,
        "evacuation,s.5(3)(a),procedures for evacuating people,standard,evacuation_plan,,");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage("uk_premises_duties.csv:2: column 'source': is empty");
  }

  @Test
  void anUnknownMeasureInADutyIsRefusedWithTheValidOnes() throws IOException {
    copyOfData();
    replaceLine(
        UkPremisesActTables.DUTIES,
        2,
        "evacuation,s.5(3)(a),procedures for evacuating people,standard,evac_plan,,s.5");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "uk_premises_duties.csv:2: column 'shown_by': unknown value 'evac_plan';"
                + " expected one of hostile_vehicle_mitigation,");
  }

  @Test
  void aThresholdThatIsNotANumberIsRefused() throws IOException {
    copyOfData();
    List<String> lines = Files.readAllLines(dir.resolve(UkPremisesActTables.ACT));
    int line = indexOf(lines, "enhanced_premises_min,") + 1;
    replaceLine(
        UkPremisesActTables.ACT, line, "enhanced_premises_min,eight hundred,s.2(3)(a),test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "uk_premises_act.csv:"
                + line
                + ": column 'value': expected a whole number of people, got 'eight hundred'");
  }

  @Test
  void aVenueTypeReferringToAParagraphThatIsNotThereIsRefused() throws IOException {
    copyOfData();
    List<String> lines = Files.readAllLines(dir.resolve(UkPremisesActTables.VENUE_TYPES));
    int line = indexOf(lines, "hotel,") + 1;
    replaceLine(UkPremisesActTables.VENUE_TYPES, line, "hotel,18,yes,,,a hotel,test");
    assertThatThrownBy(() -> ReferenceData.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "uk_premises_venue_types.csv:"
                + line
                + ": column 'paragraph': no Schedule 1 paragraph 18 in uk_premises_uses.csv");
  }

  @Test
  void aChangedThresholdInACopyIsWhatTheDataSays() throws IOException {
    // s.32: regulations may lower 200 to no less than 100; an analyst tries that out with --data
    copyOfData();
    List<String> lines = Files.readAllLines(dir.resolve(UkPremisesActTables.ACT));
    int line = indexOf(lines, "qualifying_premises_min,") + 1;
    replaceLine(UkPremisesActTables.ACT, line, "qualifying_premises_min,100,s.2(2)(c),test");
    assertThat(ReferenceData.load(dir).ukPremisesAct().qualifyingPremises().value()).isEqualTo(100);
  }

  // ------------------------------------------------------------------ helpers

  private static Integer paragraph(VenueType t) {
    return ACT.venueTypes().get(t).paragraph();
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private void copyOfData() throws IOException {
    for (String f : ReferenceSnapshot.FILES) {
      Files.copy(Path.of("data", f), dir.resolve(f));
    }
  }

  private void replaceLine(String file, int line, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
    lines.set(line - 1, text);
    Files.write(dir.resolve(file), lines);
  }

  private void dropLines(String file, String... prefixes) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
    lines.removeIf(l -> List.of(prefixes).stream().anyMatch(l::startsWith));
    Files.write(dir.resolve(file), lines);
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
