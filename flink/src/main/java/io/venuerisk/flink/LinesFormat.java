package io.venuerisk.flink;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a file of threat-level changes line by line (each line a context document on one line,
 * docs/flink.md), numbering lines and skipping blank ones; a line longer than {@code limit} is
 * rejected on its own.
 */
final class LinesFormat extends SimpleStreamFormat<RawRecord> {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int limit;

  LinesFormat(String file, int limit) {
    this.file = file;
    this.limit = limit;
  }

  @Override
  public StreamFormat.Reader<RawRecord> createReader(
      Configuration config, FSDataInputStream stream) {
    InputStream in = new BufferedInputStream(stream, 1 << 16);
    return new StreamFormat.Reader<>() {
      private long line;
      private long record;
      private boolean eof;

      @Override
      public RawRecord read() throws IOException {
        while (!eof) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
          boolean any = false;
          boolean tooLong = false;
          int b;
          while ((b = in.read()) >= 0 && b != '\n') {
            any = true;
            if (buf.size() < limit) {
              buf.write(b);
            } else {
              tooLong = true;
            }
          }
          if (b < 0) {
            eof = true;
            if (!any) {
              return null;
            }
          }
          line++;
          byte[] bytes = buf.toByteArray();
          int n = bytes.length;
          if (n > 0 && bytes[n - 1] == '\r') {
            n--;
          }
          if (!tooLong
              && new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            continue;
          }
          record++;
          if (tooLong) {
            return RawRecord.rejected(
                file,
                record,
                line,
                file
                    + ":"
                    + line
                    + ": line longer than "
                    + limit
                    + " bytes; expected one context document per line");
          }
          return RawRecord.of(file, record, line, java.util.Arrays.copyOf(bytes, n));
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return TypeInformation.of(RawRecord.class);
  }
}
