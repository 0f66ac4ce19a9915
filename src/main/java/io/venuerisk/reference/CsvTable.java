package io.venuerisk.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.venuerisk.model.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads one data/*.csv file with a header row, reporting bad rows by file and line. */
final class CsvTable {
  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvTable() {}

  /** A row with its line number, so converters can name the line of a bad value. */
  record Row(String file, long line, Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      if (v == null) {
        throw new InputException(file, line, 0, null, "missing column '" + column + "'");
      }
      return v.trim();
    }

    InputException error(String column, String problem) {
      return new InputException(file, line, 0, "column '" + column + "'", problem);
    }
  }

  static <T> List<T> read(String file, InputStream in, Function<Row, T> converter) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<T> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        MAPPER
            .readerForMapOf(String.class)
            .with(schema)
            .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .readValues(in)) {
      while (it.hasNext()) {
        // read before next(): the parser then sits where the row starts. After next() it has
        // passed the row's line break, one line too far (and further after a multi-line cell).
        long line = it.getCurrentLocation().getLineNr();
        Map<String, String> values = it.next();
        out.add(converter.apply(new Row(file, line, values)));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw InputException.of(file, e.getMessage().lines().findFirst().orElse(""));
    }
    return out;
  }
}
