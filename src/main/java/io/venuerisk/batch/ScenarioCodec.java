package io.venuerisk.batch;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Scenario;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A scenario as a run file of {@link SpillSort} holds it: the scenario mapper's own form of it
 * ({@link ScenarioJson#configure}), in CBOR, so that every field of the record, unknowns kept
 * unknown, is written and read back as a scenario file holds it, and scores exactly as what was
 * written. Each record is its position in the input, then the length of its CBOR, then the CBOR.
 */
final class ScenarioCodec {
  private static final CBORMapper CBOR = ScenarioJson.configure(CBORMapper.builder());
  private static final ObjectWriter WRITER = CBOR.writerFor(Scenario.class);
  private static final ObjectReader READER = CBOR.readerFor(Scenario.class);

  private ScenarioCodec() {}

  /** A scenario and its place in the input. */
  record Numbered(long seq, Scenario scenario) {}

  static final SpillSort.Codec<Numbered> NUMBERED =
      new SpillSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Numbered n) throws IOException {
          byte[] cbor = WRITER.writeValueAsBytes(n.scenario());
          out.writeLong(n.seq());
          out.writeInt(cbor.length);
          out.write(cbor);
        }

        @Override
        public Numbered read(DataInputStream in) throws IOException {
          long seq = in.readLong();
          byte[] cbor = new byte[in.readInt()];
          in.readFully(cbor);
          return new Numbered(seq, READER.readValue(cbor));
        }

        @Override
        public long size(Numbered n) {
          // what a scenario holds in memory, roughly: the strings and a few dozen small objects
          Scenario s = n.scenario();
          return 400
              + 2L
                  * (len(s.id())
                      + len(s.name())
                      + len(s.venue().name())
                      + len(s.city())
                      + len(s.venue().id()));
        }
      };

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }
}
