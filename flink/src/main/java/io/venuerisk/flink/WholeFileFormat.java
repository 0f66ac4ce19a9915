package io.venuerisk.flink;

import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.ScenarioLines;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a calendar that is not JSON Lines (CSV, a JSON array, iCalendar with a venue registry) with
 * the reader {@code batch} uses for it, so the same records are accepted, completed, expanded and
 * rejected with the same messages. Those readers take a whole file (a JSON array has one top-level
 * value; iCalendar groups a recurring event's VEVENTs; a CSV's header names every column), so one
 * task reads the file to its end before any record goes on: each record is spooled to a temporary
 * file on the task manager, as one line of JSON Lines ({@link ScenarioLines}, already bound and
 * complete) or as the message that rejects it, and then handed out in file order. Memory stays
 * flat; the file is not splittable. On recovery Flink reads the file again and skips the records
 * already handed out.
 */
final class WholeFileFormat extends SimpleStreamFormat<RawRecord> {
  private static final long serialVersionUID = 1L;
  private static final byte SCENARIO = 0;
  private static final byte REJECTED = 1;
  private static final byte WARNING = 2;

  private final String file;
  private final long index;
  private final CalendarFormat format;
  private final Registry venues;

  /**
   * @param file the file as the user named it, for messages
   * @param index its place among the inputs: a later file's versions of an event win
   * @param venues the venue registry, or null
   */
  WholeFileFormat(String file, int index, CalendarFormat format, Registry venues) {
    this.file = file;
    this.index = index;
    this.format = format;
    this.venues = venues;
  }

  @Override
  public StreamFormat.Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream)
      throws IOException {
    Path spool = Files.createTempFile("venue-risk-flink-", ".records");
    try {
      try (stream;
          DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16))) {
        spool(stream, out);
      }
      return new Spooled(
          spool, new DataInputStream(new BufferedInputStream(Files.newInputStream(spool))));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
  }

  /** Reads the whole file with batch's reader into the spool. */
  private void spool(FSDataInputStream stream, DataOutputStream out) throws IOException {
    CalendarReader reader =
        format.reader(Engines.json(), venues == null ? null : Engines.venues(venues));
    try {
      reader.read(
          file,
          stream,
          new CalendarReader.Sink() {
            @Override
            public void scenario(Scenario scenario, long record, long line) {
              write(out, SCENARIO, record, line, ScenarioLines.bytes(scenario));
            }

            @Override
            public void rejected(InputException error) {
              write(out, REJECTED, error.record(), error.line(), message(error));
            }

            @Override
            public void warning(InputException warning) {
              write(out, WARNING, warning.record(), warning.line(), message(warning));
            }
          });
    } catch (InputException e) {
      // not a calendar of this format at all: one message for the file, as batch says it
      write(out, REJECTED, 0, e.line(), message(e));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static byte[] message(InputException e) {
    return e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void write(DataOutputStream out, byte kind, long record, long line, byte[] b) {
    try {
      out.writeByte(kind);
      out.writeLong(record);
      out.writeLong(line);
      out.writeInt(b.length);
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands out the spooled records in file order; removes the spool when closed. */
  private final class Spooled implements StreamFormat.Reader<RawRecord> {
    private final Path spool;
    private final DataInputStream in;
    private long n;

    Spooled(Path spool, DataInputStream in) {
      this.spool = spool;
      this.in = in;
    }

    @Override
    public RawRecord read() throws IOException {
      byte kind;
      try {
        kind = in.readByte();
      } catch (EOFException e) {
        return null;
      }
      long record = in.readLong();
      long line = in.readLong();
      byte[] b = in.readNBytes(in.readInt());
      return switch (kind) {
        case SCENARIO -> {
          RawRecord r = RawRecord.of(file, record, line, b);
          r.bound = true;
          // occurrences of one recurring event share a record number: number what is handed out
          r.seq = (index << 40) | ++n;
          yield r;
        }
        case REJECTED ->
            RawRecord.rejected(
                file, record, line, new String(b, java.nio.charset.StandardCharsets.UTF_8));
        default -> {
          RawRecord r = RawRecord.of(file, record, line, null);
          r.warning = new String(b, java.nio.charset.StandardCharsets.UTF_8);
          yield r;
        }
      };
    }

    @Override
    public void close() throws IOException {
      try {
        in.close();
      } finally {
        Files.deleteIfExists(spool);
      }
    }
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return TypeInformation.of(RawRecord.class);
  }

  /** A venue registry as the client read and checked it: its name and its bytes. */
  record Registry(String name, byte[] bytes) implements java.io.Serializable {}
}
