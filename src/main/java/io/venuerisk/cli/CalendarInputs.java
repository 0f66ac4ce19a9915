package io.venuerisk.cli;

import io.venuerisk.io.CalendarFormat;
import io.venuerisk.model.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The calendar files of {@code batch} and {@code convert}, checked the same way with the same
 * words: the format from the extension or {@code --input-format}, a file that exists and can be
 * read, and a venue registry when iCalendar is among them.
 */
final class CalendarInputs {
  private CalendarInputs() {}

  /**
   * @throws ParameterException for an extension that names no format (exit code 2)
   */
  static CalendarFormat format(CommandLine cl, Path f, CalendarFormat given) {
    if (Files.isDirectory(f)) {
      // before the extension: a folder has none, and "cannot tell the format" would mislead
      throw folder(f);
    }
    if (given != null) {
      return given;
    }
    return CalendarFormat.of(f)
        .orElseThrow(
            () ->
                new ParameterException(
                    cl,
                    "cannot tell the format of "
                        + f
                        + " from its extension; expected .json, .jsonl, .csv or .ics, or give --input-format"));
  }

  /** "X is a folder: give a calendar file ...", for a folder where a calendar file belongs. */
  static InputException folder(Path f) {
    String shown = f.toString().replaceAll("/+$", "");
    return InputException.of(
        f.toString(),
        "is a folder: give a calendar file (.json, .jsonl, .csv or .ics), or every calendar in it"
            + " as "
            + shown
            + "/*.csv");
  }

  /**
   * @param regular whether the file must be a regular file (batch may read it twice)
   * @throws InputException for a file that is missing or cannot be read (exit code 3)
   */
  static void readable(Path f, boolean regular) {
    if (!Files.exists(f)) {
      throw InputException.of(f.toString(), "no such file");
    }
    if (Files.isDirectory(f)) {
      throw folder(f);
    }
    if (regular && !Files.isRegularFile(f)) {
      throw InputException.of(
          f.toString(),
          "not a regular file; batch reads calendar files"
              + " (it may read them twice, see docs/batch.md)");
    }
    if (!Files.isReadable(f)) {
      throw InputException.of(f.toString(), "permission denied");
    }
  }

  /**
   * @throws ParameterException when iCalendar is among the formats and no registry is given
   */
  static void venuesFor(CommandLine cl, List<CalendarFormat> formats, Path venues) {
    if (venues == null && formats.contains(CalendarFormat.ics)) {
      throw new ParameterException(
          cl,
          "iCalendar events name their venue in LOCATION: give the venue registry with --venues FILE");
    }
  }
}
