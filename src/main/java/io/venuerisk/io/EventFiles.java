package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a file of events whatever it holds: one scenario (any extension but those of calendars, or
 * a .json file that holds one object) or a calendar read by the batch readers, whole. For
 * review-sized inputs ({@code diff}, {@code validate}); {@code batch} streams instead.
 */
public final class EventFiles {
  private EventFiles() {}

  /**
   * @param registry the venue registry an .ics calendar needs, or null
   * @param bad receives each record a calendar rejects; the others are still returned
   * @param warned receives each warning (a recurring event cut at the expansion window)
   * @throws InputException when the file cannot be read at all, or is an .ics without a registry
   */
  public static List<Scenario> read(
      ScenarioJson json,
      VenueRegistry registry,
      Path f,
      Consumer<InputException> bad,
      Consumer<InputException> warned) {
    CalendarFormat fmt = CalendarFormat.of(f).orElse(null);
    if (fmt == null || (fmt == CalendarFormat.json && CalendarFormat.calendarIn(f).isEmpty())) {
      return List.of(ScenarioFiles.read(json.withReading(null), f)); // a scenario file: strict
    }
    if (fmt == CalendarFormat.ics && registry == null) {
      throw InputException.of(
          f.toString(),
          "iCalendar events name their venue in LOCATION: give the venue registry with --venues FILE");
    }
    List<Scenario> out = new ArrayList<>();
    ScenarioJson fileJson = Reading.forFile(json, registry, fmt, f, f.toString());
    try (InputStream in = Files.newInputStream(f)) {
      fmt.reader(fileJson, registry)
          .read(
              f.toString(),
              in,
              new CalendarReader.Sink() {
                @Override
                public void scenario(Scenario scenario, long record, long line) {
                  out.add(scenario);
                }

                @Override
                public void rejected(InputException error) {
                  bad.accept(error);
                }

                @Override
                public void warning(InputException warning) {
                  warned.accept(warning);
                }
              });
      if (fileJson.reading() != null) {
        fileJson.reading().warnings().forEach(warned);
      }
    } catch (NoSuchFileException e) {
      throw InputException.of(f.toString(), "no such file");
    } catch (IOException e) {
      throw InputException.of(f.toString(), "cannot read: " + e.getMessage());
    }
    return out;
  }
}
