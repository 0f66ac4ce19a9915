package io.venuerisk.io;

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
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
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
