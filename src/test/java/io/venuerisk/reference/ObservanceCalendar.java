package io.venuerisk.reference;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.HebrewCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generator of {@code data/observances.csv}: every occurrence of each observance kind whose first
 * day falls in a range of Gregorian years, computed from first principles so that the file can be
 * regenerated and verified (see {@link ObservancesDataTest}).
 *
 * <ul>
 *   <li>Western Easter: Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 *   <li>Orthodox Easter: Meeus's Julian algorithm, converted to the Gregorian calendar by adding 13
 *       days (valid 1900-2099).
 *   <li>Hanukkah, Passover, Rosh Hashanah, Yom Kippur, Sukkot, Purim, Shavuot: ICU4J {@link
 *       HebrewCalendar}.
 *   <li>Ramadan, Eid al-Fitr, Eid al-Adha, Ashura, the first ten days of Muharram, Arbaeen: ICU4J
 *       {@link IslamicCalendar} with {@link IslamicCalendar.CalculationType#ISLAMIC_UMALQURA}.
 *   <li>Diwali and Vaisakhi: no library computes them (they follow Indian almanac rules on the
 *       local time of a new moon and of the sun's sidereal entry into Aries), so the dates are the
 *       published ones of {@link #DIWALI_DATES} and {@link #VAISAKHI_DATES}, cited on every row and
 *       checked for plausibility by {@link ObservancesDataTest}.
 *   <li>The rest are fixed Gregorian dates, anniversaries or derived from Easter and Advent.
 * </ul>
 *
 * <p>Rows are {@code kind,name,start,end,source}; start and end are the first and last day,
 * inclusive. A row belongs to the range when its start falls in it (so New Year's Eve of the last
 * year ends on 1 January of the year after). Rows are sorted by start, then kind code.
 *
 * <p>Run {@code main} to print the CSV, or {@code main <path>} to write it.
 */
public final class ObservanceCalendar {

  public static final int FIRST_YEAR = 2005;
  public static final int LAST_YEAR = 2035;
  public static final String HEADER = "kind,name,start,end,source";

  static final String SRC_FIXED = "fixed date";
  static final String SRC_ADVENT =
      "computed: Advent rule (Monday before First Advent Sunday to 24 December)";
  static final String SRC_ORTHODOX_CHRISTMAS = "fixed date (Julian 25 December)";
  static final String SRC_EASTER = "computed: Gregorian computus (Meeus/Jones/Butcher)";
  static final String SRC_ORTHODOX_EASTER = "computed: Julian computus (Meeus) + 13 days";
  static final String SRC_HANUKKAH =
      "ICU4J HebrewCalendar: 25 Kislev to 2/3 Tevet; begins at sundown the evening before start";
  static final String SRC_PASSOVER =
      "ICU4J HebrewCalendar: 15-22 Nisan (diaspora 8 days); begins at sundown the evening before start";
  static final String UMM_AL_QURA_CAVEAT =
      "ICU4J Umm al-Qura; local observance may differ by ±1 day (moon sighting)";

  /** Soleimani was killed on 3 January 2020; the anniversaries start in 2021. */
  static final int SOLEIMANI_DEATH_YEAR = 2020;

  static final String SRC_SOLEIMANI =
      "fixed date; anniversary of 3 Jan 2020; Kerman bombing 3 Jan 2024 (guide says 2023)";

  static final String SRC_GOOD_FRIDAY =
      "computed: Gregorian computus (Meeus/Jones/Butcher), Easter Sunday - 2 days";
  static final String SRC_ROSH_HASHANAH =
      "ICU4J HebrewCalendar: 1-2 Tishri; begins at sundown the evening before start";
  static final String SRC_YOM_KIPPUR =
      "ICU4J HebrewCalendar: 10 Tishri; begins at sundown the evening before start";
  static final String SRC_SUKKOT =
      "ICU4J HebrewCalendar: 15-23 Tishri (Sukkot, Shemini Atzeret, Simchat Torah; diaspora);"
          + " begins at sundown the evening before start";
  static final String SRC_PURIM =
      "ICU4J HebrewCalendar: 14 Adar (Adar II in a leap year); begins at sundown the evening before start";
  static final String SRC_SHAVUOT =
      "ICU4J HebrewCalendar: 6-7 Sivan (diaspora); begins at sundown the evening before start";
  static final String SRC_OCTOBER_7 =
      "fixed date; anniversary of the attack on Israel of 7 Oct 2023 that began the Israel-Gaza war (ISK-M3)";
  static final String SRC_CROCUS =
      "fixed date; anniversary of the Crocus City Hall attack of 22 Mar 2024 (ISK-D3, ISK-E4)";
  static final String SRC_KABUL =
      "fixed date; anniversary of the Kabul airport attack of 26 Aug 2021 (ISK-D3, ISK-E8)";
  static final String SRC_ISTANBUL =
      "fixed date; anniversary of the Santa Maria church attack in Istanbul of 28 Jan 2024 (ISK-E5)";
  static final String SRC_DIWALI =
      "published date: timeanddate.com, Diwali in India (web.archive.org snapshot of 18 Jan 2025,"
          + " as tabulated in the python-holidays library); main day (Lakshmi Puja); regional"
          + " observance can differ by a day";
  static final String SRC_VAISAKHI =
      "published date: timeanddate.com, Vaisakhi in India (web.archive.org snapshot of 21 Jan 2025,"
          + " as tabulated in the python-holidays library); the solar new year, 13 or 14 April";

  /** Diwali (Lakshmi Puja) in India as published; month and day by year. */
  static final java.util.Map<Integer, LocalDate> DIWALI_DATES =
      published(
          2005, 11, 1, 2006, 10, 21, 2007, 11, 9, 2008, 10, 28, 2009, 10, 17, 2010, 11, 5, 2011, 10,
          26, 2012, 11, 13, 2013, 11, 3, 2014, 10, 23, 2015, 11, 11, 2016, 10, 30, 2017, 10, 19,
          2018, 11, 7, 2019, 10, 27, 2020, 11, 14, 2021, 11, 4, 2022, 10, 24, 2023, 11, 12, 2024,
          10, 31, 2025, 10, 20, 2026, 11, 8, 2027, 10, 29, 2028, 10, 17, 2029, 11, 5, 2030, 10, 26,
          2031, 11, 14, 2032, 11, 2, 2033, 10, 22, 2034, 11, 10, 2035, 10, 30);

  /** Vaisakhi in India as published. */
  static final java.util.Map<Integer, LocalDate> VAISAKHI_DATES =
      published(
          2005, 4, 14, 2006, 4, 14, 2007, 4, 14, 2008, 4, 13, 2009, 4, 14, 2010, 4, 14, 2011, 4, 14,
          2012, 4, 13, 2013, 4, 13, 2014, 4, 14, 2015, 4, 14, 2016, 4, 13, 2017, 4, 14, 2018, 4, 14,
          2019, 4, 14, 2020, 4, 13, 2021, 4, 14, 2022, 4, 14, 2023, 4, 14, 2024, 4, 13, 2025, 4, 13,
          2026, 4, 14, 2027, 4, 14, 2028, 4, 13, 2029, 4, 14, 2030, 4, 14, 2031, 4, 14, 2032, 4, 13,
          2033, 4, 14, 2034, 4, 14, 2035, 4, 14);

  /** Julian day number of 1970-01-01, the epoch of {@link LocalDate#toEpochDay()}. */
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private ObservanceCalendar() {}

  private static java.util.Map<Integer, LocalDate> published(int... yearMonthDay) {
    java.util.Map<Integer, LocalDate> out = new java.util.TreeMap<>();
    for (int i = 0; i < yearMonthDay.length; i += 3) {
      out.put(
          yearMonthDay[i], LocalDate.of(yearMonthDay[i], yearMonthDay[i + 1], yearMonthDay[i + 2]));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** "1st", "2nd", "3rd", "4th" ... */
  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        mod100 >= 11 && mod100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  /** One CSV row. */
  public record Row(String kind, String name, LocalDate start, LocalDate end, String source) {

    public String[] fields() {
      return new String[] {kind, name, start.toString(), end.toString(), source};
    }

    public String toCsv() {
      return Csv.line(fields());
    }
  }

  /** Every row whose start falls in {@code fromYear..toYear} (inclusive), sorted. */
  public static List<Row> compute(int fromYear, int toYear) {
    List<Row> rows = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      gregorianRows(y, rows);
    }
    // Hebrew and Hijri years do not line up with Gregorian ones: walk a generous range of their
    // years and keep what starts inside the Gregorian range. (A Hijri month can start twice in one
    // Gregorian year, e.g. Ramadan in January and December 2030.)
    for (int hy = fromYear + 3759; hy <= toYear + 3762; hy++) {
      hebrewRows(hy, rows);
    }
    int firstHijri = (int) Math.floor((fromYear - 622) * 33.0 / 32.0) - 2;
    int lastHijri = (int) Math.ceil((toYear - 622) * 33.0 / 32.0) + 2;
    for (int h = firstHijri; h <= lastHijri; h++) {
      hijriRows(h, rows);
    }
    rows.removeIf(r -> r.start().getYear() < fromYear || r.start().getYear() > toYear);
    rows.sort(Comparator.comparing(Row::start).thenComparing(Row::kind).thenComparing(Row::name));
    return List.copyOf(rows);
  }

  /** {@link #compute} as string arrays ({@code kind,name,start,end,source}). */
  public static List<String[]> rows(int fromYear, int toYear) {
    return compute(fromYear, toYear).stream().map(Row::fields).toList();
  }

  /** The CSV file's lines, header first. */
  public static List<String> csvLines(int fromYear, int toYear) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    compute(fromYear, toYear).forEach(r -> lines.add(r.toCsv()));
    return lines;
  }

  /** The whole CSV file, {@code \n}-terminated lines. */
  public static String csv(int fromYear, int toYear) {
    return String.join("\n", csvLines(fromYear, toYear)) + "\n";
  }

  public static void main(String[] args) throws IOException {
    String text = csv(FIRST_YEAR, LAST_YEAR);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
    } else {
      System.out.print(text);
    }
  }

  // ---------------------------------------------------------------- Gregorian / Christian

  private static void gregorianRows(int y, List<Row> rows) {
    LocalDate advent = firstSundayOfAdvent(y);
    rows.add(
        new Row(
            "christmas_market_season",
            "Christmas market season " + y,
            advent.minusDays(6),
            LocalDate.of(y, 12, 24),
            SRC_ADVENT));
    rows.add(
        new Row(
            "christmas",
            "Christmas " + y,
            LocalDate.of(y, 12, 24),
            LocalDate.of(y, 12, 26),
            SRC_FIXED));
    rows.add(
        new Row(
            "new_years_eve",
            "New Year's Eve " + y + "/" + String.format("%02d", (y + 1) % 100),
            LocalDate.of(y, 12, 31),
            LocalDate.of(y + 1, 1, 1),
            SRC_FIXED));
    rows.add(
        new Row(
            "orthodox_christmas",
            "Orthodox Christmas " + y,
            LocalDate.of(y, 1, 6),
            LocalDate.of(y, 1, 7),
            SRC_ORTHODOX_CHRISTMAS));
    LocalDate easter = easterSunday(y);
    rows.add(new Row("easter", "Easter " + y, easter.minusDays(2), easter.plusDays(1), SRC_EASTER));
    LocalDate orthodox = orthodoxEasterSunday(y);
    rows.add(
        new Row(
            "orthodox_easter",
            "Orthodox Easter " + y,
            orthodox.minusDays(2),
            orthodox.plusDays(1),
            SRC_ORTHODOX_EASTER));
    // Soleimani was killed on 3 January 2020, so the first anniversary is in 2021; unlike the
    // anniversaries of attacks below, the name carries no ordinal
    if (y > SOLEIMANI_DEATH_YEAR) {
      LocalDate soleimani = LocalDate.of(y, 1, 3);
      rows.add(
          new Row(
              "soleimani_anniversary",
              "Soleimani anniversary " + y,
              soleimani,
              soleimani,
              SRC_SOLEIMANI));
    }
    LocalDate goodFriday = easter.minusDays(2);
    rows.add(new Row("good_friday", "Good Friday " + y, goodFriday, goodFriday, SRC_GOOD_FRIDAY));
    // anniversaries start with the first one: the day of an attack is not its own anniversary,
    // so that a precedent scenario dated on the attack does not score its own memory
    anniversary(
        rows, "october_7_anniversary", "7 October anniversary", y, 10, 7, 2023, SRC_OCTOBER_7);
    anniversary(
        rows, "crocus_anniversary", "Crocus City Hall anniversary", y, 3, 22, 2024, SRC_CROCUS);
    anniversary(
        rows, "kabul_airport_anniversary", "Kabul airport anniversary", y, 8, 26, 2021, SRC_KABUL);
    anniversary(
        rows,
        "istanbul_church_anniversary",
        "Istanbul church anniversary",
        y,
        1,
        28,
        2024,
        SRC_ISTANBUL);
    LocalDate diwali = DIWALI_DATES.get(y);
    if (diwali != null) {
      rows.add(new Row("diwali", "Diwali " + y, diwali, diwali, SRC_DIWALI));
    }
    LocalDate vaisakhi = VAISAKHI_DATES.get(y);
    if (vaisakhi != null) {
      rows.add(new Row("vaisakhi", "Vaisakhi " + y, vaisakhi, vaisakhi, SRC_VAISAKHI));
    }
  }

  private static void anniversary(
      List<Row> rows,
      String kind,
      String label,
      int y,
      int month,
      int day,
      int eventYear,
      String source) {
    if (y <= eventYear) {
      return;
    }
    LocalDate d = LocalDate.of(y, month, day);
    rows.add(new Row(kind, label + " " + y + " (" + ordinal(y - eventYear) + ")", d, d, source));
  }

  /** First Sunday of Advent: the Sunday from 27 November to 3 December. */
  public static LocalDate firstSundayOfAdvent(int year) {
    return LocalDate.of(year, Month.NOVEMBER, 27)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
  }

  /** Western Easter Sunday, Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /**
   * Orthodox Easter Sunday as a Gregorian date: Meeus's Julian algorithm gives the Julian-calendar
   * date, and the Julian calendar runs 13 days behind the Gregorian from 1 March 1900 to 28
   * February 2100.
   */
  public static LocalDate orthodoxEasterSunday(int year) {
    if (year < 1900 || year > 2099) {
      throw new IllegalArgumentException("the +13 day offset holds for 1900-2099 only: " + year);
    }
    int a = year % 4;
    int b = year % 7;
    int c = year % 19;
    int d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31;
    int day = ((d + e + 114) % 31) + 1;
    // The Julian date (year, month, day) falls in March-May, so plain field arithmetic is safe.
    return LocalDate.of(year, month, day).plusDays(13);
  }

  // ---------------------------------------------------------------- Hebrew calendar (ICU4J)

  private static void hebrewRows(int hebrewYear, List<Row> rows) {
    LocalDate hanukkah = hebrewDate(hebrewYear, HebrewCalendar.KISLEV, 25);
    rows.add(
        new Row(
            "hanukkah",
            "Hanukkah " + hebrewYear + " (" + hanukkah.getYear() + ")",
            hanukkah,
            hanukkah.plusDays(7),
            SRC_HANUKKAH));
    LocalDate passover = hebrewDate(hebrewYear, HebrewCalendar.NISAN, 15);
    LocalDate lastDay = hebrewDate(hebrewYear, HebrewCalendar.NISAN, 22);
    rows.add(
        new Row(
            "passover",
            "Passover " + hebrewYear + " (" + passover.getYear() + ")",
            passover,
            lastDay,
            SRC_PASSOVER));
    hebrewRow(
        rows,
        "rosh_hashanah",
        "Rosh Hashanah",
        hebrewYear,
        HebrewCalendar.TISHRI,
        1,
        2,
        SRC_ROSH_HASHANAH);
    hebrewRow(
        rows,
        "yom_kippur",
        "Yom Kippur",
        hebrewYear,
        HebrewCalendar.TISHRI,
        10,
        10,
        SRC_YOM_KIPPUR);
    hebrewRow(rows, "sukkot", "Sukkot", hebrewYear, HebrewCalendar.TISHRI, 15, 23, SRC_SUKKOT);
    // ICU's ADAR is Adar in a common year and Adar II in a leap year: Purim either way
    hebrewRow(rows, "purim", "Purim", hebrewYear, HebrewCalendar.ADAR, 14, 14, SRC_PURIM);
    hebrewRow(rows, "shavuot", "Shavuot", hebrewYear, HebrewCalendar.SIVAN, 6, 7, SRC_SHAVUOT);
  }

  private static void hebrewRow(
      List<Row> rows,
      String kind,
      String label,
      int hebrewYear,
      int month,
      int firstDay,
      int lastDay,
      String source) {
    LocalDate start = hebrewDate(hebrewYear, month, firstDay);
    rows.add(
        new Row(
            kind,
            label + " " + hebrewYear + " (" + start.getYear() + ")",
            start,
            hebrewDate(hebrewYear, month, lastDay),
            source));
  }

  /** First full (Gregorian) day of Hanukkah, 25 Kislev, in the given Gregorian year. */
  public static LocalDate hanukkahFirstDay(int gregorianYear) {
    return hebrewDate(gregorianYear + 3761, HebrewCalendar.KISLEV, 25);
  }

  /** First full (Gregorian) day of Passover, 15 Nisan, in the given Gregorian year. */
  public static LocalDate passoverFirstDay(int gregorianYear) {
    return hebrewDate(gregorianYear + 3760, HebrewCalendar.NISAN, 15);
  }

  /**
   * The Gregorian day on which the given Hebrew date is in daylight. ICU month constants are fixed
   * (ADAR_1 only exists in leap years), so KISLEV and NISAN are valid in every year.
   */
  static LocalDate hebrewDate(int year, int month, int day) {
    HebrewCalendar cal = new HebrewCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    cal.setLenient(false);
    cal.clear();
    cal.set(Calendar.YEAR, year);
    cal.set(Calendar.MONTH, month);
    cal.set(Calendar.DAY_OF_MONTH, day);
    return toLocalDate(cal);
  }

  // ---------------------------------------------------------------- Hijri calendar (ICU4J)

  private static void hijriRows(int h, List<Row> rows) {
    LocalDate ramadan = hijriDate(h, IslamicCalendar.RAMADAN, 1);
    LocalDate shawwal = hijriDate(h, IslamicCalendar.SHAWWAL, 1);
    rows.add(
        new Row(
            "ramadan",
            "Ramadan " + h + " AH (" + ramadan.getYear() + ")",
            ramadan,
            shawwal.minusDays(1),
            UMM_AL_QURA_CAVEAT));
    rows.add(
        new Row(
            "eid_al_fitr",
            "Eid al-Fitr " + h + " AH (" + shawwal.getYear() + ")",
            shawwal,
            hijriDate(h, IslamicCalendar.SHAWWAL, 3),
            "1-3 Shawwal; " + UMM_AL_QURA_CAVEAT));
    LocalDate adha = hijriDate(h, IslamicCalendar.DHU_AL_HIJJAH, 10);
    rows.add(
        new Row(
            "eid_al_adha",
            "Eid al-Adha " + h + " AH (" + adha.getYear() + ")",
            adha,
            hijriDate(h, IslamicCalendar.DHU_AL_HIJJAH, 13),
            "10-13 Dhu al-Hijjah; " + UMM_AL_QURA_CAVEAT));
    LocalDate ashura = hijriDate(h, IslamicCalendar.MUHARRAM, 10);
    rows.add(
        new Row(
            "ashura",
            "Ashura " + h + " AH (" + ashura.getYear() + ")",
            ashura,
            ashura,
            "10 Muharram; " + UMM_AL_QURA_CAVEAT));
    LocalDate muharram = hijriDate(h, IslamicCalendar.MUHARRAM, 1);
    rows.add(
        new Row(
            "muharram",
            "Muharram 1-10, " + h + " AH (" + muharram.getYear() + ")",
            muharram,
            ashura,
            "1-10 Muharram, ending on Ashura; " + UMM_AL_QURA_CAVEAT));
    LocalDate arbaeen = hijriDate(h, IslamicCalendar.SAFAR, 20);
    rows.add(
        new Row(
            "arbaeen",
            "Arbaeen " + h + " AH (" + arbaeen.getYear() + ")",
            arbaeen,
            arbaeen,
            "20 Safar; " + UMM_AL_QURA_CAVEAT));
  }

  /** First day of Ramadan (Umm al-Qura) in the given Gregorian year; the first if there are two. */
  public static LocalDate ramadanFirstDay(int gregorianYear) {
    return compute(gregorianYear, gregorianYear).stream()
        .filter(r -> r.kind().equals("ramadan"))
        .map(Row::start)
        .findFirst()
        .orElseThrow();
  }

  /** The Gregorian day on which the given Hijri (Umm al-Qura) date is in daylight. */
  static LocalDate hijriDate(int year, int month, int day) {
    IslamicCalendar cal = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    cal.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
    cal.setLenient(false);
    cal.clear();
    cal.set(Calendar.YEAR, year);
    cal.set(Calendar.MONTH, month);
    cal.set(Calendar.DAY_OF_MONTH, day);
    return toLocalDate(cal);
  }

  private static LocalDate toLocalDate(Calendar cal) {
    return LocalDate.ofEpochDay(cal.get(Calendar.JULIAN_DAY) - JULIAN_DAY_OF_EPOCH);
  }

  // ---------------------------------------------------------------- CSV (RFC 4180)

  /** Minimal RFC 4180 writer and reader, enough for the reference data files. */
  public static final class Csv {
    private Csv() {}

    public static String field(String s) {
      if (s.indexOf(',') >= 0
          || s.indexOf('"') >= 0
          || s.indexOf('\n') >= 0
          || s.indexOf('\r') >= 0) {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
      return s;
    }

    public static String line(String... fields) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(field(fields[i]));
      }
      return sb.toString();
    }

    /** Splits one record (no embedded line breaks) into its fields. */
    public static List<String> parse(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              cur.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            cur.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("unterminated quoted field: " + line);
      }
      out.add(cur.toString());
      return out;
    }
  }
}
