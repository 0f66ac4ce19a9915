package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.InputStream;

/**
 * Reads one calendar file record by record, in file order, and hands each to a {@link Sink}: a
 * scenario bound and validated exactly as {@link ScenarioJson} binds a scenario file, or the {@link
 * InputException} that says why the record was rejected (file, line or record number, field,
 * reason). A bad record never stops the others.
 */
public interface CalendarReader {
  /**
   * @throws InputException when the file cannot be read as a calendar of this format at all (before
   *     its first record): the whole batch stops, since nothing of it can be trusted
   */
  void read(String file, InputStream in, Sink sink);

  /** Receives the records of a calendar in file order. */
  interface Sink {
    /**
     * @param record 1-based number of the record in its file
     * @param line the line it starts on, 0 if the format does not say
     */
    void scenario(Scenario scenario, long record, long line);

    /** A record that cannot be scored; the error names file, line or record, field and reason. */
    void rejected(InputException error);

    /**
     * A record read with a caveat the user must see, placed as an error is: a recurring iCalendar
     * event whose occurrences go on past the expansion window (its occurrences within it are handed
     * over as usual). Only the iCalendar reader warns; a sink for the other formats alone may leave
     * this out.
     */
    default void warning(InputException warning) {}
  }

  /** The error placed at a record: its own line if it has one, else the record's first line. */
  public static InputException place(InputException e, long record, long line, long lineOffset) {
    long at = e.line() > 0 ? e.line() + lineOffset : line;
    long column = e.line() > 0 ? e.column() : 0;
    return new InputException(e.file(), at, column, record, e.field(), e.problem());
  }
}
