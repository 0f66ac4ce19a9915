package io.venuerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.io.ScenarioLines;
import io.venuerisk.io.ScenarioTree;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: one calendar written in every input format (and a venue registry for iCalendar). */
final class CalendarFiles {
  static final ObjectMapper JSON = new ObjectMapper();

  private CalendarFiles() {}

  /** The scenario as the JSON Lines writer writes it: every known fact of the contract. */
  static ObjectNode tree(Scenario s) throws IOException {
    return (ObjectNode) JSON.readTree(ScenarioLines.line(s));
  }

  /** Writes cal.json, cal.jsonl, cal.csv, cal.ics and venues.json into dir. */
  static void writeAll(List<Scenario> cal, Path dir) throws IOException {
    ArrayNode arr = JSON.createArrayNode();
    StringBuilder jsonl = new StringBuilder();
    List<String> paths = ScenarioTree.paths();
    StringBuilder csv = new StringBuilder(String.join(",", paths)).append('\n');
    ArrayNode venues = JSON.createArrayNode();
    StringBuilder ics =
        new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    int n = 0;
    for (Scenario s : cal) {
      ObjectNode t = tree(s);
      arr.add(t);
      jsonl.append(JSON.writeValueAsString(t)).append('\n');
      List<String> cells = new ArrayList<>();
      for (String path : paths) {
        cells.add(csvCell(cellText(t.at("/" + path.replace('.', '/')))));
      }
      csv.append(String.join(",", cells)).append('\n');
      ObjectNode venue = ((ObjectNode) t.get("venue")).deepCopy();
      // a venue given in full on every row is one registry venue: the same venue, as it was
      String vid =
          venue.has("id")
              ? venue.get("id").asText()
              : sameVenue(venues, venue).orElse("venue-" + (++n));
      if (!containsId(venues, vid)) {
        venue.put("id", vid);
        venues.add(venue);
      }
      ics.append("BEGIN:VEVENT\r\nUID:")
          .append(s.id())
          .append("\r\nDTSTAMP:20260101T000000Z\r\n")
          .append("SUMMARY:")
          .append(icsText(s.name()))
          .append("\r\n")
          .append(dates(s))
          .append("CATEGORIES:")
          .append(s.eventType().code())
          .append("\r\nLOCATION:")
          .append(vid)
          .append("\r\n");
      for (String path : paths) {
        if (path.startsWith("event.") && !path.equals("event.type")
            || path.startsWith("profile.")
            || path.startsWith("security.")) {
          String v = cellText(t.at("/" + path.replace('.', '/')));
          if (!v.isEmpty()) {
            ics.append("X-VENUE-RISK-")
                .append(path.replace('.', '-').toUpperCase())
                .append(':')
                .append(v.replace(";", "\\;"))
                .append("\r\n");
          }
        }
      }
      ics.append("END:VEVENT\r\n");
    }
    ics.append("END:VCALENDAR\r\n");
    Files.writeString(
        dir.resolve("cal.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
    Files.writeString(dir.resolve("cal.jsonl"), jsonl);
    Files.writeString(dir.resolve("cal.csv"), csv);
    Files.writeString(dir.resolve("cal.ics"), ics);
    Files.writeString(dir.resolve("venues.json"), JSON.writeValueAsString(venues));
  }

  /**
   * The calendar as a spreadsheet in a decimal-comma locale saves it (Excel's "CSV UTF-8" in
   * Germany or France): a byte order mark, CRLF line ends, {@code delimiter} between cells, TRUE
   * and FALSE, text cells in quotes (lists keep their {@code ;} inside the quotes) and numbers
   * bare. The venue is written out in full, so no registry is needed.
   */
  static void writeSpreadsheetCsv(List<Scenario> cal, Path file, char delimiter)
      throws IOException {
    List<String> paths = ScenarioTree.paths();
    StringBuilder csv = new StringBuilder("\uFEFF");
    String sep = String.valueOf(delimiter);
    csv.append(String.join(sep, paths.stream().map(p -> "\"" + p + "\"").toList())).append("\r\n");
    for (Scenario s : cal) {
      ObjectNode t = tree(s);
      List<String> cells = new ArrayList<>();
      for (String path : paths) {
        JsonNode n = t.at("/" + path.replace('.', '/'));
        if (n.isBoolean()) {
          cells.add(n.asBoolean() ? "TRUE" : "FALSE");
        } else if (n.isNumber() || n.isMissingNode() || n.isNull() || n.isArray() && n.isEmpty()) {
          cells.add(cellText(n));
        } else {
          cells.add("\"" + cellText(n).replace("\"", "\"\"") + "\"");
        }
      }
      csv.append(String.join(sep, cells)).append("\r\n");
    }
    Files.writeString(file, csv);
  }

  /**
   * DTSTART and DTEND: all-day, or date-times (floating, the venue's local time) for an event with
   * both times. Times alone in a day are what this helper writes; one time without the other is
   * left out of the .ics.
   */
  private static String dates(Scenario s) {
    if (!s.timed()) {
      return "DTSTART;VALUE=DATE:"
          + s.date().toString().replace("-", "")
          + "\r\nDTEND;VALUE=DATE:"
          + s.endDate().plusDays(1).toString().replace("-", "")
          + "\r\n";
    }
    return "DTSTART:" + dateTime(s.startMinute()) + "\r\nDTEND:" + dateTime(s.endMinute()) + "\r\n";
  }

  private static String dateTime(long minute) {
    return java.time.LocalDateTime.ofEpochSecond(minute * 60, 0, java.time.ZoneOffset.UTC)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
  }

  private static java.util.Optional<String> sameVenue(ArrayNode venues, ObjectNode venue) {
    for (JsonNode v : venues) {
      ObjectNode without = ((ObjectNode) v).deepCopy();
      without.remove("id");
      if (without.equals(venue)) {
        return java.util.Optional.of(v.get("id").asText());
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean containsId(ArrayNode venues, String id) {
    for (JsonNode v : venues) {
      if (v.get("id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static String cellText(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(x -> parts.add(x.asText()));
      return String.join(";", parts);
    }
    return n.asText();
  }

  private static String csvCell(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  private static String icsText(String v) {
    return v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,");
  }
}
