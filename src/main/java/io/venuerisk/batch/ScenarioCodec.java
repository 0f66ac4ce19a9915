package io.venuerisk.batch;

import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ScenarioContext;
import io.venuerisk.model.Security;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as a run file of {@link SpillSort} holds it: every field, unknowns kept unknown, so
 * that what is read back scores exactly as what was written. The scenarios are already validated;
 * this is not a format anyone else reads.
 */
final class ScenarioCodec {
  private ScenarioCodec() {}

  /** A scenario and its place in the input. */
  record Numbered(long seq, Scenario scenario) {}

  static final SpillSort.Codec<Numbered> NUMBERED =
      new SpillSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Numbered n) throws IOException {
          out.writeLong(n.seq());
          ScenarioCodec.write(out, n.scenario());
        }

        @Override
        public Numbered read(DataInputStream in) throws IOException {
          long seq = in.readLong();
          return new Numbered(seq, ScenarioCodec.read(in));
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

  static void write(DataOutputStream out, Scenario s) throws IOException {
    string(out, s.id());
    string(out, s.name());
    out.writeLong(s.date().toEpochDay());
    out.writeLong(s.endDate().toEpochDay());
    time(out, s.startTime());
    time(out, s.endTime());
    Venue v = s.venue();
    string(out, v.id());
    string(out, v.name());
    out.writeByte(v.type().ordinal());
    flag(out, v.indoor());
    count(out, v.capacity());
    string(out, v.city());
    string(out, v.country());
    EventInfo e = s.event();
    out.writeByte(e.type().ordinal());
    count(out, e.expectedAttendance());
    flag(out, e.internationalProfile());
    flag(out, e.entryChecks());
    Profile p = s.profile();
    out.writeByte(p.communities().size());
    for (Community c : p.communities()) {
      out.writeByte(c.ordinal());
    }
    flag(out, p.westernInterest());
    flag(out, p.westernAttendees());
    flag(out, p.officials());
    flag(out, p.securityForces());
    flag(out, p.aidAgencies());
    flag(out, p.israeliInterest());
    code(out, p.officialsRank());
    List<Measure> measures = s.security().measures();
    out.writeByte(measures.size());
    for (Measure m : measures) {
      out.writeByte(m.ordinal());
    }
    List<MeasureQuality> qualities = s.security().qualities();
    out.writeByte(qualities.size());
    for (MeasureQuality q : qualities) {
      out.writeByte(q.measure().ordinal());
      code(out, q.placement());
      flag(out, q.exercised());
    }
    string(out, s.context().threatLevel());
  }

  static Scenario read(DataInputStream in) throws IOException {
    String id = string(in);
    String name = string(in);
    LocalDate date = LocalDate.ofEpochDay(in.readLong());
    LocalDate end = LocalDate.ofEpochDay(in.readLong());
    LocalTime startTime = time(in);
    LocalTime endTime = time(in);
    Venue venue =
        new Venue(
            string(in),
            string(in),
            VenueType.values()[in.readByte()],
            flag(in),
            count(in),
            string(in),
            string(in));
    EventInfo event =
        new EventInfo(EventType.values()[in.readByte()], count(in), flag(in), flag(in));
    int nc = in.readByte();
    List<Community> communities = new ArrayList<>(nc);
    for (int i = 0; i < nc; i++) {
      communities.add(Community.values()[in.readByte()]);
    }
    Profile profile =
        new Profile(
            communities,
            flag(in),
            flag(in),
            flag(in),
            flag(in),
            flag(in),
            flag(in),
            code(in, OfficialsRank.values()));
    int nm = in.readByte();
    List<Measure> measures = new ArrayList<>(nm);
    for (int i = 0; i < nm; i++) {
      measures.add(Measure.values()[in.readByte()]);
    }
    int nq = in.readByte();
    List<MeasureQuality> qualities = new ArrayList<>(nq);
    for (int i = 0; i < nq; i++) {
      qualities.add(
          new MeasureQuality(
              Measure.values()[in.readByte()], code(in, Placement.values()), flag(in)));
    }
    String level = string(in);
    return new Scenario(
        id,
        name,
        date,
        end,
        startTime,
        endTime,
        venue,
        event,
        profile,
        new Security(measures, qualities),
        level == null ? null : new ScenarioContext(level));
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = in.readNBytes(n);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void flag(DataOutputStream out, Boolean b) throws IOException {
    out.writeByte(b == null ? 2 : b ? 1 : 0);
  }

  private static Boolean flag(DataInputStream in) throws IOException {
    int b = in.readByte();
    return b == 2 ? null : b == 1;
  }

  /** A vocabulary value as its ordinal, -1 when unknown. */
  private static void code(DataOutputStream out, Enum<?> e) throws IOException {
    out.writeByte(e == null ? -1 : e.ordinal());
  }

  private static <E extends Enum<E>> E code(DataInputStream in, E[] values) throws IOException {
    int b = in.readByte();
    return b < 0 ? null : values[b];
  }

  /** A time of day as its minute, -1 when not given. */
  private static void time(DataOutputStream out, LocalTime t) throws IOException {
    out.writeShort(t == null ? -1 : t.toSecondOfDay() / 60);
  }

  private static LocalTime time(DataInputStream in) throws IOException {
    int minute = in.readShort();
    return minute < 0 ? null : LocalTime.ofSecondOfDay(minute * 60L);
  }

  private static void count(DataOutputStream out, Integer n) throws IOException {
    out.writeInt(n == null ? -1 : n);
  }

  private static Integer count(DataInputStream in) throws IOException {
    int n = in.readInt();
    return n < 0 ? null : n;
  }
}
