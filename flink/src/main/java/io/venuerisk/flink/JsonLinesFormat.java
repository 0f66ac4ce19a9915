package io.venuerisk.flink;

import io.venuerisk.io.JsonLinesCalendar;
import io.venuerisk.model.InputException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSON Lines calendar file into records, numbered and checked exactly as {@code batch}
 * reads it ({@link JsonLinesCalendar#records}); binding happens downstream, on every task. A file
 * is one split read by one task (not splittable: record and line numbers count from its start); on
 * recovery Flink skips the records already read.
 */
final class JsonLinesFormat extends SimpleStreamFormat<RawRecord> {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long index;

  /**
   * @param file the file as the user named it, for the messages of rejected records
   * @param index its place among the inputs: a later file's versions of an event win
   */
  JsonLinesFormat(String file, int index) {
    this.file = file;
    this.index = index;
  }

  @Override
  public StreamFormat.Reader<RawRecord> createReader(
      Configuration config, FSDataInputStream stream) {
    JsonLinesCalendar.Records records = Engines.calendar().records(file, stream);
    return new StreamFormat.Reader<>() {
      private boolean refused;

      @Override
      public RawRecord read() {
        if (refused) {
          return null;
        }
        JsonLinesCalendar.Record r;
        try {
          if (!records.next()) {
            return null;
          }
          r = records.copy();
        } catch (InputException e) {
          // not JSON Lines at all (an array, pretty-printed JSON): one message for the file
          refused = true;
          return RawRecord.rejected(file, 0, e.line(), e.getMessage());
        }
        if (r.error() != null) {
          return RawRecord.rejected(file, r.record(), r.line(), r.error().getMessage());
        }
        RawRecord raw = RawRecord.of(file, r.record(), r.line(), r.bytes());
        raw.seq = (index << 40) | r.record();
        return raw;
      }

      @Override
      public void close() throws java.io.IOException {
        stream.close();
      }
    };
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return TypeInformation.of(RawRecord.class);
  }
}
