package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code convert}: calendars of any format {@code batch} reads, read by the same readers (so the
 * same records are accepted, completed from the venue registry, expanded and rejected, with the
 * same messages), written as scenario JSON Lines ({@link ScenarioLines}) for other pipelines: the
 * Flink job, {@code POST /api/batch}, anything that reads one scenario per line.
 */
public final class CalendarConversion {
  private CalendarConversion() {}

  /** A calendar file and the format it is read as. */
  public record Input(Path path, CalendarFormat format) {}

  /** What a conversion did. */
  public record Counts(long written, long rejected, long warnings) {}

  /**
   * Writes every record of {@code inputs}, in order, one line each.
   *
   * @param rejected receives each record that cannot be read, as batch reports it
   * @param warned receives each warning (a recurring event cut at the expansion window)
   * @throws InputException when a file cannot be read as a calendar at all
   * @throws IOException when {@code out} cannot be written
   */
  public static Counts toJsonLines(
      ScenarioJson json,
      VenueRegistry venues,
      List<Input> inputs,
      Writer out,
      Consumer<InputException> rejected,
      Consumer<InputException> warned)
      throws IOException {
    long[] n = new long[3];
    for (Input in : inputs) {
      String file = in.path().toString();
      ScenarioJson fileJson = Reading.forFile(json, venues, in.format(), in.path(), file);
      try (InputStream stream = Files.newInputStream(in.path())) {
        in.format()
            .reader(fileJson, venues)
            .read(
                file,
                stream,
                new CalendarReader.Sink() {
                  @Override
                  public void scenario(Scenario scenario, long record, long line) {
                    try {
                      out.write(ScenarioLines.line(scenario));
                      out.write('\n');
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    n[0]++;
                  }

                  @Override
                  public void rejected(InputException error) {
                    n[1]++;
                    rejected.accept(error);
                  }

                  @Override
                  public void warning(InputException warning) {
                    n[2]++;
                    warned.accept(warning);
                  }
                });
        if (fileJson.reading() != null) {
          for (InputException w : fileJson.reading().warnings()) {
            n[2]++;
            warned.accept(w);
          }
        }
      } catch (NoSuchFileException e) {
        throw InputException.of(file, "no such file");
      } catch (UncheckedIOException e) {
        throw e.getCause(); // writing the output failed
      } catch (IOException e) {
        throw InputException.of(file, "cannot read: " + e.getMessage());
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }
}
