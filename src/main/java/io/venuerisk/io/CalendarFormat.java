package io.venuerisk.io;

import java.io.IOException;
import java.io.InputStream;
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
    int i =
        head.length >= 3
                && (head[0] & 0xff) == 0xEF
                && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF
            ? 3
            : 0;
    while (i < head.length
        && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '[';
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
