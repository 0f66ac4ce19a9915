package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.venuerisk.model.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one calendar file is read: values as spreadsheets and calendar apps write them, each reading
 * that is not the contract's own spelling counted and reported once per file ("warning: 12 records:
 * venue.type 'Public Space' read as public_space"), never silently; anything ambiguous is still an
 * error. A scenario file ({@code assess}) is read without one: strictly, as the contract says.
 *
 * <p>Dates: ISO {@code 2027-06-05}, and also {@code 2027-6-5}, Excel date serials (1900 date
 * system) and {@code D/M/YYYY} or {@code M/D/YYYY}. The order of a slashed date comes from {@code
 * --date-order}, else from the file (a date with a day above 12 settles it for every date in the
 * file, found by {@link #forFile} before the file is read), else a date's own day above 12; a file
 * whose slashed dates could all be read either way, or that holds dates in both orders, is refused
 * with one error.
 */
public final class Reading {
  /** The order of day and month in a slashed date. */
  public enum DateOrder {
    dmy("day/month/year"),
    mdy("month/day/year");

    final String words;

    DateOrder(String words) {
      this.words = words;
    }
  }

  /** The Jackson attribute the deserializers find the reading under. */
  static final String ATTRIBUTE = "venue-risk.reading";

  private final DateOrder given;
  private final String option;
  private final String file;
  private final boolean survey;
  private DateOrder found;
  private final Map<String, Tally> tally = new LinkedHashMap<>();

  // what a survey of the file saw: the first date of each kind, with its record
  private String dayFirst;
  private String monthFirst;
  private String either;
  long surveyed;

  private Reading(DateOrder given, String option, String file, boolean survey) {
    this.given = given;
    this.option = option;
    this.file = file;
    this.survey = survey;
  }

  /**
   * A run's reading, before any file.
   *
   * @param given the date order the user gave, or null
   * @param option how the user gives the date order, for messages: {@code --date-order} on the
   *     command line, {@code dateOrder=} in the API
   */
  public static Reading of(DateOrder given, String option) {
    return new Reading(given, option, null, false);
  }

  /** "--date-order dmy", or "dateOrder=dmy" in the API. */
  String option(DateOrder order) {
    return option + (option.endsWith("=") ? "" : " ") + order.name();
  }

  DateOrder order() {
    return given != null ? given : found;
  }

  boolean surveying() {
    return survey;
  }

  /** The order the user gave; null when the file or the date settles it. */
  DateOrder given() {
    return given;
  }

  private static final Pattern SLASHED =
      Pattern.compile("(?<![0-9/])[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?![0-9/])");

  /**
   * The json to read one file with: this run's reading, for that file, with the order of its
   * slashed dates settled. A file with slashed dates and no {@code --date-order} is read once
   * beforehand to find a date that settles the order.
   *
   * @throws InputException when the file's slashed dates cannot settle the order (each could be
   *     read either way, or some are day first and others month first) and none was given
   */
  public static ScenarioJson forFile(
      ScenarioJson json, VenueRegistry venues, CalendarFormat format, Path path, String name) {
    Reading run = json.reading();
    if (run == null) {
      return json;
    }
    Reading r = new Reading(run.given, run.option, name, false);
    if (run.given != null || format == CalendarFormat.ics || !slashed(path)) {
      return json.withReading(r);
    }
    Reading survey = new Reading(null, run.option, name, true);
    ScenarioJson surveying = json.withReading(survey);
    try (InputStream in = Files.newInputStream(path)) {
      format
          .reader(surveying, venues)
          .read(
              name,
              in,
              new CalendarReader.Sink() {
                @Override
                public void scenario(io.venuerisk.model.Scenario scenario, long record, long line) {
                  survey.surveyed++;
                }

                @Override
                public void rejected(InputException error) {
                  survey.surveyed++;
                }
              });
    } catch (IOException | InputException e) {
      // the file is read again for real, and that reading says what is wrong with it
    }
    r.found = survey.settle(name);
    return json.withReading(r);
  }

  /**
   * Whether the file holds anything like a slashed date: most calendars do not, and are not read
   * twice.
   */
  private static boolean slashed(Path path) {
    byte[] buf = new byte[1 << 16];
    String carry = "";
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        String chunk = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        if (SLASHED.matcher(chunk).find()) {
          return true;
        }
        carry = chunk.substring(Math.max(0, chunk.length() - 12));
      }
    } catch (IOException e) {
      return false; // the reading proper reports it
    }
    return false;
  }

  /** A slashed date seen by a survey. */
  void saw(String text, int first, int second) {
    String where = "'" + text + "' (record " + (surveyed + 1) + ")";
    if (first > 12 && second <= 12) {
      if (dayFirst == null) {
        dayFirst = where;
      }
    } else if (second > 12 && first <= 12) {
      if (monthFirst == null) {
        monthFirst = where;
      }
    } else if (first <= 12 && second <= 12 && either == null) {
      either = where;
    }
  }

  private DateOrder settle(String name) {
    if (dayFirst != null && monthFirst != null) {
      throw InputException.of(
          name,
          "dates in both orders: "
              + dayFirst
              + " can only be day/month/year and "
              + monthFirst
              + " only month/day/year; write them one way, or give "
              + option
              + " to read them one way (the others are rejected)");
    }
    if (dayFirst != null) {
      return DateOrder.dmy;
    }
    if (monthFirst != null) {
      return DateOrder.mdy;
    }
    if (either != null) {
      throw InputException.of(
          name,
          "dates such as "
              + either
              + " could be day/month/year or month/day/year, and no date in the file has a day"
              + " above 12 to tell: add "
              + option(DateOrder.dmy)
              + " or "
              + option(DateOrder.mdy));
    }
    return null;
  }

  /**
   * Counts a value read in another spelling than the contract's.
   *
   * @param key what is the same about the readings counted together
   * @param words the reading, as the warning says it: "'Public Space' read as public_space"
   */
  synchronized void normalised(String field, String key, String words) {
    if (survey) {
      return;
    }
    tally.computeIfAbsent(field + "\u0000" + key, k -> new Tally(field, words)).n++;
  }

  /** The file's warnings, one per kind of reading: "cal.csv: 12 records: venue.type: ...". */
  public synchronized List<InputException> warnings() {
    List<InputException> out = new ArrayList<>();
    for (Tally t : tally.values()) {
      out.add(
          InputException.of(
              file,
              t.n
                  + (t.n == 1 ? " record: " : " records: ")
                  + (t.field == null ? "" : t.field + ": ")
                  + t.words));
    }
    return out;
  }

  private static final class Tally {
    final String field;
    final String words;
    long n;

    Tally(String field, String words) {
      this.field = field;
      this.words = words;
    }
  }

  /**
   * The dotted path of the value the parser is on ({@code venue.type}, {@code security.measures}).
   */
  static String path(JsonParser p) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.addFirst(c.getCurrentName());
      }
    }
    return parts.isEmpty() ? null : String.join(".", parts);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
