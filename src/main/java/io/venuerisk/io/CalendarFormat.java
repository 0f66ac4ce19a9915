package io.venuerisk.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The calendar formats {@code batch} reads (docs/scenario-format.md, "Calendars"). */
public enum CalendarFormat {
  json,
  jsonl,
  csv,
  ics;

  /** The format a file name's extension names, if any. */
  public static Optional<CalendarFormat> of(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "json" -> Optional.of(json);
      case "jsonl", "ndjson" -> Optional.of(jsonl);
      case "csv" -> Optional.of(csv);
      case "ics", "ical", "icalendar" -> Optional.of(ics);
      default -> Optional.empty();
    };
  }

  /**
   * Whether a file given where one scenario is expected is a calendar: by its extension (.jsonl,
   * .csv, .ics), or a .json file (or one without a calendar extension) whose content opens a JSON
   * array. Reads at most a few bytes; a missing or unreadable file is not a calendar here (reading
   * it as a scenario says why).
   */
  public static Optional<CalendarFormat> calendarIn(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Optional<CalendarFormat> byName = of(file);
    if (byName.isPresent() && byName.get() != json) {
      return byName;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return opensArray(in.readNBytes(4096)) ? Optional.of(json) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether JSON text opens an array: '[' after any byte-order mark and JSON white space. */
  public static boolean opensArray(byte[] head) {
    int i = firstByte(head, head.length);
    return i < head.length && head[i] == '[';
  }

  /** Where the content starts: after a UTF-8 byte order mark and blanks (line breaks included). */
  private static int firstByte(byte[] head, int length) {
    int i =
        length >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    while (i < length
        && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i;
  }

  /**
   * The format the first bytes of a file look like, whatever its name says: a JSON array ({@code
   * [}), JSON Lines (a JSON object, <code>{</code>), iCalendar ({@code BEGIN:VCALENDAR}), or CSV (a
   * header line whose first cell is a scenario field path, such as {@code id}). Empty when it looks
   * like none of them; a reader then reports what is wrong in its own terms.
   */
  public static Optional<CalendarFormat> looksLike(byte[] head, int length) {
    int i = firstByte(head, length);
    if (i >= length) {
      return Optional.empty();
    }
    if (head[i] == '[') {
      return Optional.of(json);
    }
    if (head[i] == '{') {
      return Optional.of(jsonl);
    }
    int end = i;
    while (end < length && head[end] != '\n' && head[end] != '\r') {
      end++;
    }
    String first = new String(head, i, end - i, StandardCharsets.UTF_8);
    if (first.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
      return Optional.of(ics);
    }
    char delimiter = CsvCalendar.delimiter(head, i);
    int cut = first.indexOf(delimiter);
    String cell = (cut < 0 ? first : first.substring(0, cut)).strip();
    if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
      cell = cell.substring(1, cell.length() - 1).strip();
    }
    return cell.equals(CsvCalendar.COMMENT) || ScenarioTree.canonical(cell).isPresent()
        ? Optional.of(csv)
        : Optional.empty();
  }

  /**
   * Why a file cannot be read as this format when its content looks like another: "the file holds a
   * CSV calendar (its first line is a header row), not JSON Lines; name it .csv or give
   * --input-format csv". Said once for the file, since every record of it would be rejected.
   */
  public String holds(CalendarFormat found) {
    return "the file holds "
        + found.describe()
        + switch (found) {
          case json -> " (it opens with '[')";
          case jsonl -> " (its first line is a JSON object)";
          case csv -> " (its first line is a header row of scenario fields)";
          case ics -> " (it opens with BEGIN:VCALENDAR)";
        }
        + ", not "
        + describe()
        + "; name it "
        + found.extension()
        + " or give --input-format "
        + found.name();
  }

  /** The extension that names this format. */
  public String extension() {
    return "." + name();
  }

  /** The format in words, for messages: "a CSV calendar". */
  public String describe() {
    return switch (this) {
      case json -> "a JSON array of scenarios";
      case jsonl -> "a JSON Lines calendar";
      case csv -> "a CSV calendar";
      case ics -> "an iCalendar file";
    };
  }

  /** A reader for this format. */
  public CalendarReader reader(ScenarioJson json, VenueRegistry venues) {
    return switch (this) {
      case json -> new JsonArrayCalendar(json, venues);
      case jsonl -> new JsonLinesCalendar(json, venues);
      case csv -> new CsvCalendar(json, venues);
      case ics -> new ICalendarCalendar(json, venues);
    };
  }
}
