package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.HebrewCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.venuerisk.model.ObservanceKind;
import io.venuerisk.reference.ObservanceCalendar.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * data/observances.csv is exactly what {@link ObservanceCalendar} computes, and the computation
 * agrees with dates known independently of it. To regenerate the file, run ObservanceCalendar's
 * main (see data/README.md).
 */
class ObservancesDataTest {

  private static final Path FILE = Path.of("data/observances.csv");

  private static List<String> fileLines() throws IOException {
    // readAllLines tolerates CRLF checkouts.
    return Files.readAllLines(FILE, StandardCharsets.UTF_8);
  }

  private static List<Row> computed() {
    return ObservanceCalendar.compute(ObservanceCalendar.FIRST_YEAR, ObservanceCalendar.LAST_YEAR);
  }

  private static Row only(String kind, int startYear) {
    List<Row> rows =
        computed().stream()
            .filter(r -> r.kind().equals(kind) && r.start().getYear() == startYear)
            .toList();
    assertThat(rows).as("%s starting in %d", kind, startYear).hasSize(1);
    return rows.get(0);
  }

  // -------------------------------------------------- the file

  @Test
  void theDataFileIsExactlyWhatTheCalendarComputes() throws IOException {
    assertThat(fileLines())
        .as("data/observances.csv is stale: regenerate it with ObservanceCalendar.main")
        .containsExactlyElementsOf(
            ObservanceCalendar.csvLines(
                ObservanceCalendar.FIRST_YEAR, ObservanceCalendar.LAST_YEAR));
  }

  @Test
  void everyRecordHasFiveFieldsAndNoCommentLines() throws IOException {
    List<String> lines = fileLines();
    assertThat(lines.get(0)).isEqualTo("kind,name,start,end,source");
    assertThat(lines).noneMatch(l -> l.startsWith("#")).noneMatch(String::isBlank);
    assertThat(lines).allSatisfy(l -> assertThat(ObservanceCalendar.Csv.parse(l)).hasSize(5));
  }

  @Test
  void theKindsAreExactlyTheObservanceKindVocabulary() {
    Set<String> vocabulary =
        Arrays.stream(ObservanceKind.values())
            .map(ObservanceKind::code)
            .collect(Collectors.toSet());
    assertThat(computed().stream().map(Row::kind).collect(Collectors.toSet()))
        .isEqualTo(vocabulary);
  }

  /**
   * The first year of each anniversary: the year after the day it remembers (Soleimani was killed
   * on 3 Jan 2020; the attacks of Kabul airport on 26 Aug 2021, on Israel on 7 Oct 2023, of the
   * Istanbul church on 28 Jan 2024 and of Crocus City Hall on 22 Mar 2024).
   */
  private static final Map<String, Integer> FIRST_ANNIVERSARY =
      Map.of(
          "soleimani_anniversary", 2021,
          "kabul_airport_anniversary", 2022,
          "october_7_anniversary", 2024,
          "istanbul_church_anniversary", 2025,
          "crocus_anniversary", 2025);

  @Test
  void theFileCoversEveryYearFrom2005To2035() {
    assertThat(ObservanceCalendar.FIRST_YEAR).isEqualTo(2005);
    assertThat(ObservanceCalendar.LAST_YEAR).isEqualTo(2035);
  }

  @Test
  void everyKindOccursInEveryYearOfTheRangeFromItsFirstYear() {
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      int year = y;
      Set<String> kinds =
          computed().stream()
              .filter(r -> r.start().getYear() == year)
              .map(Row::kind)
              .collect(Collectors.toSet());
      Set<String> expected =
          Arrays.stream(ObservanceKind.values())
              .map(ObservanceKind::code)
              .filter(k -> year >= FIRST_ANNIVERSARY.getOrDefault(k, ObservanceCalendar.FIRST_YEAR))
              .collect(Collectors.toSet());
      assertThat(kinds).as("kinds starting in %d", y).isEqualTo(expected);
    }
    assertThat(ObservanceKind.values())
        .as("every anniversary kind has its first year here")
        .filteredOn(k -> k.code().endsWith("_anniversary"))
        .extracting(ObservanceKind::code)
        .containsExactlyInAnyOrderElementsOf(FIRST_ANNIVERSARY.keySet());
  }

  @Test
  void rowsAreSortedByStartThenKindAndEndOnOrAfterTheirStart() {
    List<Row> rows = computed();
    for (int i = 1; i < rows.size(); i++) {
      Row a = rows.get(i - 1);
      Row b = rows.get(i);
      assertThat(
              a.start().isBefore(b.start())
                  || (a.start().equals(b.start()) && a.kind().compareTo(b.kind()) <= 0))
          .as("%s before %s", a, b)
          .isTrue();
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.end()).isAfterOrEqualTo(r.start()));
  }

  // -------------------------------------------------- Christian calendar

  @Test
  void easterSundayFollowsTheGregorianComputus() {
    assertThat(ObservanceCalendar.easterSunday(2024)).isEqualTo("2024-03-31");
    assertThat(ObservanceCalendar.easterSunday(2025)).isEqualTo("2025-04-20");
    assertThat(ObservanceCalendar.easterSunday(2026)).isEqualTo("2026-04-05");
    assertThat(ObservanceCalendar.easterSunday(2027)).isEqualTo("2027-03-28");
    assertThat(ObservanceCalendar.easterSunday(2030)).isEqualTo("2030-04-21");
    assertThat(ObservanceCalendar.easterSunday(2035)).isEqualTo("2035-03-25");
  }

  @Test
  void easterRunsFromGoodFridayToEasterMonday() {
    Row easter = only("easter", 2026);
    assertThat(easter.start()).isEqualTo("2026-04-03");
    assertThat(easter.start().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(easter.end()).isEqualTo("2026-04-06");
    assertThat(easter.end().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void orthodoxEasterSundayFollowsTheJulianComputus() {
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2024)).isEqualTo("2024-05-05");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2025)).isEqualTo("2025-04-20");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2026)).isEqualTo("2026-04-12");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2027)).isEqualTo("2027-05-02");
    assertThat(only("orthodox_easter", 2026).start()).isEqualTo("2026-04-10");
  }

  @Test
  void bothEastersAlwaysFallOnASunday() {
    for (int y = 1990; y <= 2099; y++) {
      assertThat(ObservanceCalendar.easterSunday(y).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(ObservanceCalendar.orthodoxEasterSunday(y).getDayOfWeek())
          .isEqualTo(DayOfWeek.SUNDAY);
      assertThat(ObservanceCalendar.orthodoxEasterSunday(y))
          .isAfterOrEqualTo(ObservanceCalendar.easterSunday(y));
    }
  }

  @Test
  void theChristmasMarketSeasonOpensOnTheMondayBeforeFirstAdvent() {
    assertThat(ObservanceCalendar.firstSundayOfAdvent(2024)).isEqualTo("2024-12-01");
    assertThat(ObservanceCalendar.firstSundayOfAdvent(2026)).isEqualTo("2026-11-29");
    Row season = only("christmas_market_season", 2026);
    assertThat(season.start()).isEqualTo("2026-11-23");
    assertThat(season.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(season.end()).isEqualTo("2026-12-24");
  }

  @Test
  void newYearsEveEndsOnNewYearsDayOfTheFollowingYear() {
    Row nye = only("new_years_eve", 2035);
    assertThat(nye.start()).isEqualTo("2035-12-31");
    assertThat(nye.end()).isEqualTo("2036-01-01");
  }

  @Test
  void theNewOrleansAttackOnNewYearsDay2025FallsInNewYearsEve2024() {
    Row nye = only("new_years_eve", 2024);
    assertThat(LocalDate.parse("2025-01-01")).isBetween(nye.start(), nye.end());
  }

  @Test
  void theComputusesHoldOverTheWholeRange() {
    // the Gregorian computus holds for every Gregorian year; the Julian one converts with +13 days
    // from 1900 to 2099 only, and orthodoxEasterSunday refuses other years
    assertThat(ObservanceCalendar.FIRST_YEAR).isGreaterThanOrEqualTo(1900);
    assertThat(ObservanceCalendar.LAST_YEAR).isLessThanOrEqualTo(2099);
    assertThat(ObservanceCalendar.easterSunday(2005)).isEqualTo("2005-03-27");
    assertThat(ObservanceCalendar.easterSunday(2008)).isEqualTo("2008-03-23");
    assertThat(ObservanceCalendar.easterSunday(2011)).isEqualTo("2011-04-24");
    assertThat(ObservanceCalendar.easterSunday(2019)).isEqualTo("2019-04-21");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2005)).isEqualTo("2005-05-01");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2010)).isEqualTo("2010-04-04");
    assertThat(ObservanceCalendar.orthodoxEasterSunday(2021)).isEqualTo("2021-05-02");
  }

  @Test
  void attacksOfTheEarlierYearsFallInTheRowsOfTheirDay() {
    // the Sri Lanka Easter Sunday bombings of 21 Apr 2019
    Row easter = only("easter", 2019);
    assertThat(LocalDate.parse("2019-04-21")).isBetween(easter.start(), easter.end());
    // the Christmas market attacks of Berlin (19 Dec 2016) and Strasbourg (11 Dec 2018)
    Row berlin = only("christmas_market_season", 2016);
    assertThat(LocalDate.parse("2016-12-19")).isBetween(berlin.start(), berlin.end());
    Row strasbourg = only("christmas_market_season", 2018);
    assertThat(LocalDate.parse("2018-12-11")).isBetween(strasbourg.start(), strasbourg.end());
  }

  // -------------------------------------------------- Hebrew calendar

  @Test
  void hanukkah2026BeginsAtSundownOnTheFourthOfDecember() {
    Row hanukkah = only("hanukkah", 2026);
    assertThat(hanukkah.start()).isEqualTo("2026-12-05");
    assertThat(hanukkah.end()).isEqualTo("2026-12-12");
    assertThat(hanukkah.source()).contains("sundown the evening before");
  }

  @Test
  void hanukkahLastsEightDays() {
    assertThat(computed().stream().filter(r -> r.kind().equals("hanukkah")))
        .allSatisfy(r -> assertThat(r.end()).isEqualTo(r.start().plusDays(7)));
    assertThat(ObservanceCalendar.hanukkahFirstDay(2024)).isEqualTo("2024-12-26");
    assertThat(ObservanceCalendar.hanukkahFirstDay(2025)).isEqualTo("2025-12-15");
  }

  @Test
  void theBondiAttackOnTheFirstNightOfHanukkah2025FellOnTheEveOfTheFirstFullDay() {
    // 14 Dec 2025 was the first night (candle-lighting); the row starts on the first full day.
    Row hanukkah = only("hanukkah", 2025);
    assertThat(hanukkah.start().minusDays(1)).isEqualTo("2025-12-14");
  }

  @Test
  void passover2026BeginsOnTheSecondOfApril() {
    assertThat(ObservanceCalendar.passoverFirstDay(2026)).isEqualTo("2026-04-02");
    Row passover = only("passover", 2026);
    assertThat(passover.start()).isEqualTo("2026-04-02");
    assertThat(passover.end()).isEqualTo("2026-04-09");
    assertThat(ObservanceCalendar.passoverFirstDay(2024)).isEqualTo("2024-04-23");
    assertThat(ObservanceCalendar.passoverFirstDay(2025)).isEqualTo("2025-04-13");
  }

  @Test
  void theHebrewDatesOfTheEarlierYearsAreTheKnownOnes() {
    assertThat(ObservanceCalendar.passoverFirstDay(2005)).isEqualTo("2005-04-24");
    assertThat(ObservanceCalendar.hanukkahFirstDay(2005)).isEqualTo("2005-12-26");
    assertThat(only("rosh_hashanah", 2005).start()).isEqualTo("2005-10-04");
    assertThat(only("yom_kippur", 2005).start()).isEqualTo("2005-10-13");
    assertThat(ObservanceCalendar.passoverFirstDay(2016)).isEqualTo("2016-04-23");
    assertThat(only("yom_kippur", 2023).start()).isEqualTo("2023-09-25");
    assertThat(ObservanceCalendar.hanukkahFirstDay(2023)).isEqualTo("2023-12-08");
  }

  @Test
  void theHebrewCalendarKeepsItsPostponementRulesOverTheWholeRange() {
    // an independent check of ICU4J's Hebrew calendar in every year of the range: Rosh Hashanah
    // never falls on a Sunday, Wednesday or Friday, so the first day of Passover never on a
    // Monday, Wednesday or Friday
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      assertThat(only("rosh_hashanah", y).start().getDayOfWeek())
          .as("Rosh Hashanah %d", y)
          .isIn(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY);
      assertThat(only("passover", y).start().getDayOfWeek())
          .as("Passover %d", y)
          .isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }
  }

  // -------------------------------------------------- Hijri calendar

  @Test
  void ramadan2026StartsOnTheEighteenthOrNineteenthOfFebruary() {
    assertThat(ObservanceCalendar.ramadanFirstDay(2026))
        .isIn(LocalDate.parse("2026-02-18"), LocalDate.parse("2026-02-19"));
    Row ramadan = only("ramadan", 2026);
    assertThat(ramadan.source())
        .isEqualTo("ICU4J Umm al-Qura; local observance may differ by ±1 day (moon sighting)");
    assertThat(ramadan.name()).isEqualTo("Ramadan 1447 AH (2026)");
  }

  @Test
  void ramadanAndEidAlFitr2024MatchTheDatesObservedInSaudiArabia() {
    Row ramadan = only("ramadan", 2024);
    assertThat(ramadan.start()).isEqualTo("2024-03-11");
    assertThat(ramadan.end()).isEqualTo("2024-04-09");
    assertThat(only("eid_al_fitr", 2024).start()).isEqualTo("2024-04-10");
  }

  @Test
  void ramadanLasts29Or30DaysAndEidAlFitrFollowsIt() {
    List<Row> rows = computed();
    List<Row> ramadans = rows.stream().filter(r -> r.kind().equals("ramadan")).toList();
    List<Row> eids = rows.stream().filter(r -> r.kind().equals("eid_al_fitr")).toList();
    for (Row ramadan : ramadans) {
      long days = ramadan.end().toEpochDay() - ramadan.start().toEpochDay() + 1;
      assertThat(days).as(ramadan.name()).isBetween(29L, 30L);
      assertThat(eids)
          .as(ramadan.name())
          .anySatisfy(e -> assertThat(e.start()).isEqualTo(ramadan.end().plusDays(1)));
    }
  }

  @Test
  void everyHijriYearOfTheRangeIsInsideIcusUmmAlQuraTable() throws ReflectiveOperationException {
    // outside its table (AH 1300-1600 in ICU4J 76.1) ICU falls back to an arithmetic estimate
    int first = icuUmmAlQura("UMALQURA_YEAR_START");
    int last = icuUmmAlQura("UMALQURA_YEAR_END");
    assertThat(computed().stream().filter(r -> r.name().contains(" AH (")))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              int hijri = Integer.parseInt(r.name().replaceAll(".* (\\d+) AH \\(.*", "$1"));
              assertThat(hijri).as(r.name()).isBetween(first, last);
            });
  }

  private static int icuUmmAlQura(String field) throws ReflectiveOperationException {
    java.lang.reflect.Field f = com.ibm.icu.util.IslamicCalendar.class.getDeclaredField(field);
    f.setAccessible(true);
    return f.getInt(null);
  }

  @Test
  void theHijriDatesOfTheEarlierYearsMatchThoseObservedInSaudiArabia() {
    Row ramadan2005 = only("ramadan", 2005);
    assertThat(ramadan2005.start()).isEqualTo("2005-10-04");
    assertThat(only("eid_al_fitr", 2005).start()).isEqualTo("2005-11-03");
    assertThat(only("ramadan", 2010).start()).isEqualTo("2010-08-11");
    assertThat(only("eid_al_fitr", 2010).start()).isEqualTo("2010-09-10");
    assertThat(only("ramadan", 2015).start()).isEqualTo("2015-06-18");
    assertThat(only("eid_al_fitr", 2015).start()).isEqualTo("2015-07-17");
    assertThat(only("ramadan", 2020).start()).isEqualTo("2020-04-24");
    assertThat(only("eid_al_fitr", 2020).start()).isEqualTo("2020-05-24");
    assertThat(only("ramadan", 2023).start()).isEqualTo("2023-03-23");
    assertThat(only("eid_al_adha", 2023).start()).isEqualTo("2023-06-28");
    // Eid al-Adha fell twice in 2006, in January and on the last day of December
    assertThat(
            computed().stream()
                .filter(r -> r.kind().equals("eid_al_adha") && r.start().getYear() == 2006)
                .map(Row::start))
        .containsExactly(LocalDate.parse("2006-01-10"), LocalDate.parse("2006-12-31"));
  }

  @Test
  void ramadanBeginsTwiceIn2030() {
    assertThat(
            computed().stream()
                .filter(r -> r.kind().equals("ramadan") && r.start().getYear() == 2030))
        .hasSize(2);
  }

  @Test
  void theCrocusCityHallAttackFellDuringRamadan2024() {
    Row ramadan = only("ramadan", 2024);
    assertThat(LocalDate.parse("2024-03-22")).isBetween(ramadan.start(), ramadan.end());
  }

  @Test
  void theSoleimaniAnniversaryStartsInTheYearAfterHisDeath() {
    // killed on 3 Jan 2020: the day itself is not an anniversary
    assertThat(computed())
        .noneMatch(r -> r.kind().equals("soleimani_anniversary") && r.start().getYear() <= 2020);
    assertThat(only("soleimani_anniversary", 2021).start()).isEqualTo("2021-01-03");
  }

  @Test
  void theKermanBombingFellOnTheSoleimaniAnniversaryOf2024NotOf2023() {
    Row anniversary = only("soleimani_anniversary", 2024);
    assertThat(anniversary.start()).isEqualTo("2024-01-03").isEqualTo(anniversary.end());
    assertThat(anniversary.source()).contains("Kerman bombing 3 Jan 2024 (guide says 2023)");
  }

  // -------------------------------------------------- Jewish high holidays and festivals

  @Test
  void theHighHolidaysOf5785FellOnTheirKnownDates() {
    Row roshHashanah = only("rosh_hashanah", 2024);
    assertThat(roshHashanah.start()).isEqualTo("2024-10-03");
    assertThat(roshHashanah.end()).isEqualTo("2024-10-04");
    assertThat(only("yom_kippur", 2024).start()).isEqualTo("2024-10-12");
    Row sukkot = only("sukkot", 2024);
    assertThat(sukkot.start()).isEqualTo("2024-10-17");
    assertThat(sukkot.end()).isEqualTo("2024-10-25"); // Simchat Torah outside Israel
    assertThat(only("rosh_hashanah", 2025).start()).isEqualTo("2025-09-23");
    assertThat(only("yom_kippur", 2025).start()).isEqualTo("2025-10-02");
    assertThat(only("yom_kippur", 2026).start()).isEqualTo("2026-09-21");
  }

  @Test
  void purimFallsInAdarTwoInALeapYearAndShavuotSevenWeeksAfterPassover() {
    assertThat(only("purim", 2024).start()).isEqualTo("2024-03-24"); // 5784 is a leap year
    assertThat(only("purim", 2025).start()).isEqualTo("2025-03-14");
    Row shavuot = only("shavuot", 2024);
    assertThat(shavuot.start()).isEqualTo("2024-06-12");
    assertThat(shavuot.end()).isEqualTo("2024-06-13");
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      // 6 Sivan is the 50th day counted from the second day of Passover
      assertThat(ChronoUnit.DAYS.between(only("passover", y).start(), only("shavuot", y).start()))
          .as("Passover to Shavuot %d", y)
          .isEqualTo(50);
      // Purim is a month (29 or 30 days) before Passover's eve
      assertThat(ChronoUnit.DAYS.between(only("purim", y).start(), only("passover", y).start()))
          .as("Purim to Passover %d", y)
          .isEqualTo(30);
    }
  }

  @Test
  void theHighHolidaysKeepTheirOrderAndSpacingEveryYear() {
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      LocalDate rh = only("rosh_hashanah", y).start();
      assertThat(rh.getMonth()).as("Rosh Hashanah %d", y).isIn(Month.SEPTEMBER, Month.OCTOBER);
      assertThat(only("yom_kippur", y).start()).isEqualTo(rh.plusDays(9));
      Row sukkot = only("sukkot", y);
      assertThat(sukkot.start()).isEqualTo(rh.plusDays(14));
      assertThat(sukkot.end()).isEqualTo(rh.plusDays(22));
    }
  }

  @Test
  void theSeventhOfOctober2023AttackFellOnSheminiAtzeretWhichTheSukkotRowsInclude() {
    assertThat(ObservanceCalendar.hebrewDate(5784, HebrewCalendar.TISHRI, 22))
        .isEqualTo("2023-10-07");
    Row anniversary = only("october_7_anniversary", 2024);
    assertThat(anniversary.start()).isEqualTo("2024-10-07").isEqualTo(anniversary.end());
    assertThat(anniversary.name()).isEqualTo("7 October anniversary 2024 (1st)");
    assertThat(only("october_7_anniversary", 2035).name()).endsWith("(12th)");
  }

  // -------------------------------------------------- Muharram and Arbaeen

  @Test
  void theFirstTenDaysOfMuharramEndOnAshuraAndArbaeenFollowsFortyDaysLater() {
    List<Row> rows = computed();
    for (Row m : rows.stream().filter(r -> r.kind().equals("muharram")).toList()) {
      assertThat(ChronoUnit.DAYS.between(m.start(), m.end())).as(m.name()).isEqualTo(9);
      assertThat(rows)
          .as(m.name())
          .anySatisfy(
              a -> {
                assertThat(a.kind()).isEqualTo("ashura");
                assertThat(a.start()).isEqualTo(m.end());
              });
      // 10 Muharram to 20 Safar: 39 or 40 days, as Muharram has 29 or 30
      assertThat(rows)
          .as(m.name())
          .anySatisfy(
              a -> {
                assertThat(a.kind()).isEqualTo("arbaeen");
                assertThat(ChronoUnit.DAYS.between(m.end(), a.start())).isBetween(39L, 40L);
              });
    }
    Row muharram = only("muharram", 2024);
    assertThat(muharram.start()).isEqualTo("2024-07-07");
    assertThat(muharram.end()).isEqualTo("2024-07-16");
    assertThat(only("arbaeen", 2024).source()).contains("Umm al-Qura", "moon sighting");
  }

  // -------------------------------------------------- Good Friday and anniversaries

  @Test
  void goodFridayIsTheFirstDayOfEveryEasterRow() {
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      Row goodFriday = only("good_friday", y);
      assertThat(goodFriday.start())
          .isEqualTo(only("easter", y).start())
          .isEqualTo(goodFriday.end());
      assertThat(goodFriday.start().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }
  }

  @Test
  void anAttackIsNotItsOwnAnniversary() {
    // a precedent scenario dated on the attack must not score the memory of that attack
    assertThat(computed())
        .noneMatch(
            r ->
                r.kind().equals("crocus_anniversary")
                    && r.start().equals(LocalDate.parse("2024-03-22")))
        .noneMatch(
            r -> r.kind().equals("istanbul_church_anniversary") && r.start().getYear() == 2024);
    assertThat(only("crocus_anniversary", 2025).name())
        .isEqualTo("Crocus City Hall anniversary 2025 (1st)");
    assertThat(only("istanbul_church_anniversary", 2025).start()).isEqualTo("2025-01-28");
    assertThat(only("kabul_airport_anniversary", 2024).name())
        .isEqualTo("Kabul airport anniversary 2024 (3rd)");
    assertThat(computed())
        .noneMatch(r -> r.kind().equals("kabul_airport_anniversary") && r.start().getYear() == 2021)
        .noneMatch(r -> r.kind().equals("october_7_anniversary") && r.start().getYear() == 2023);
    assertThat(only("kabul_airport_anniversary", 2022).name())
        .isEqualTo("Kabul airport anniversary 2022 (1st)");
    assertThat(only("kabul_airport_anniversary", 2031).name()).endsWith("(10th)");
    assertThat(only("kabul_airport_anniversary", 2033).name()).endsWith("(12th)");
  }

  // -------------------------------------------------- published dates (Diwali, Vaisakhi)

  @Test
  void diwaliAndVaisakhiComeFromThePublishedTablesForEveryYearAndSayWhere() {
    for (int y = ObservanceCalendar.FIRST_YEAR; y <= ObservanceCalendar.LAST_YEAR; y++) {
      assertThat(only("diwali", y).start()).isEqualTo(ObservanceCalendar.DIWALI_DATES.get(y));
      assertThat(only("vaisakhi", y).start()).isEqualTo(ObservanceCalendar.VAISAKHI_DATES.get(y));
      assertThat(only("diwali", y).source()).startsWith("published date: timeanddate.com");
      assertThat(only("vaisakhi", y).source()).startsWith("published date: timeanddate.com");
    }
  }

  @Test
  void everyPublishedDiwaliFallsOnTheEveOrDayOfTheAutumnNewMoon() {
    // no library computes Diwali, but its main day is the new-moon day (Amavasya) of the lunar
    // month that ends between mid-October and mid-November: check each published date against
    // the new moons of ICU4J's Chinese calendar, whose months begin on the new-moon day in
    // Beijing time (the same day as in India, or the day after)
    for (var e : ObservanceCalendar.DIWALI_DATES.entrySet()) {
      LocalDate d = e.getValue();
      assertThat(d)
          .as("Diwali %d", e.getKey())
          .isBetween(LocalDate.of(e.getKey(), 10, 14), LocalDate.of(e.getKey(), 11, 16));
      assertThat(daysToNextNewMoonInBeijing(d)).as("Diwali %s to the new moon", d).isBetween(0, 2);
    }
  }

  @Test
  void everyPublishedVaisakhiIsTheThirteenthOrFourteenthOfApril() {
    // the sun's sidereal entry into Aries drifts about six hours a year over a four-year cycle
    for (var e : ObservanceCalendar.VAISAKHI_DATES.entrySet()) {
      LocalDate d = e.getValue();
      assertThat(d.getMonth()).as("Vaisakhi %d", e.getKey()).isEqualTo(Month.APRIL);
      assertThat(d.getDayOfMonth()).as("Vaisakhi %d", e.getKey()).isIn(13, 14);
    }
  }

  private static int daysToNextNewMoonInBeijing(LocalDate d) {
    ChineseCalendar c = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    c.setTimeInMillis(d.toEpochDay() * 86_400_000L + 12 * 3_600_000L);
    int day = c.get(Calendar.DAY_OF_MONTH);
    return day == 1 ? 0 : c.getActualMaximum(Calendar.DAY_OF_MONTH) - day + 1;
  }
}
