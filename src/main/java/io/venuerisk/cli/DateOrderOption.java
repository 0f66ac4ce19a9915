package io.venuerisk.cli;

import io.venuerisk.io.Reading;
import io.venuerisk.io.ScenarioJson;
import picocli.CommandLine.Option;

/**
 * {@code --date-order dmy|mdy}, on every command that reads calendars: the order of a slashed date
 * such as 5/6/2027, when the file does not settle it (docs/batch.md, "Dates").
 */
final class DateOrderOption {
  @Option(
      names = "--date-order",
      paramLabel = "ORDER",
      description =
          "Read slashed dates (5/6/2027) as dmy (day/month/year) or mdy (month/day/year)."
              + " Default: the order a date with a day above 12 in the file shows; a file whose"
              + " slashed dates could all be read either way is refused.")
  Reading.DateOrder dateOrder;

  /** The json that reads calendars as spreadsheets write them, in this order. */
  ScenarioJson calendars(ScenarioJson json) {
    return json.withReading(Reading.of(dateOrder, "--date-order"));
  }
}
