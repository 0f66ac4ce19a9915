package io.venuerisk.flink;

import io.venuerisk.model.ThreatLevelPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared national threat level in force over some days: a {@link ThreatLevelPeriod} as a Flink
 * POJO, for broadcast state and for the requests that carry it to the scoring operator.
 */
public class ThreatRow {
  /** {@link #to} of a level still in force. */
  public static final long OPEN = Long.MAX_VALUE;

  public String country;
  public String system;
  public String level;
  public int rank;

  /** First day in force, as an epoch day. */
  public long from;

  /** Last day in force, as an epoch day, or {@link #OPEN}. */
  public long to;

  public String source;
  public String declaredIn;

  public ThreatRow() {}

  static ThreatRow of(ThreatLevelPeriod p) {
    ThreatRow r = new ThreatRow();
    r.country = p.country();
    r.system = p.system();
    r.level = p.level();
    r.rank = p.rank();
    r.from = p.startDay();
    r.to = p.endDay();
    r.source = p.source();
    r.declaredIn = p.declaredIn();
    return r;
  }

  ThreatLevelPeriod period() {
    return new ThreatLevelPeriod(
        country,
        system,
        level,
        rank,
        LocalDate.ofEpochDay(from),
        to == OPEN ? null : LocalDate.ofEpochDay(to),
        source,
        declaredIn);
  }

  private ThreatRow days(long first, long last) {
    ThreatRow r = of(period());
    r.from = first;
    r.to = last;
    return r;
  }

  /**
   * True if an event in {@code country} from day {@code start} to {@code end} is on a day of this
   * row.
   */
  boolean covers(String eventCountry, long start, long end) {
    return country.equals(eventCountry) && start <= to && end >= from;
  }

  /**
   * The declared levels after a change: the new row sets its country's level on its days, replacing
   * what earlier changes said for those days (an earlier row is cut around it), so the latest
   * change wins, as a stream of changes means. The result never holds two rows of one country on
   * one day, so {@code ReferenceData.withDeclared} reads it as written.
   */
  static ThreatRow[] apply(ThreatRow[] rows, ThreatRow change) {
    List<ThreatRow> out = new ArrayList<>(rows.length + 2);
    for (ThreatRow r : rows) {
      if (!r.covers(change.country, change.from, change.to)) {
        out.add(r);
        continue;
      }
      if (r.from < change.from) {
        out.add(r.days(r.from, change.from - 1));
      }
      if (change.to != OPEN && r.to > change.to) {
        out.add(r.days(change.to + 1, r.to));
      }
    }
    out.add(change);
    return out.toArray(new ThreatRow[0]);
  }

  /**
   * The rows a change touches: itself and every earlier row of its country that it cuts. An event
   * on a day of any of them may score otherwise after the change (a cut row's last day is part of a
   * result), so these are the events to score again.
   */
  static List<ThreatRow> touched(ThreatRow[] rows, ThreatRow change) {
    List<ThreatRow> out = new ArrayList<>();
    out.add(change);
    for (ThreatRow r : rows) {
      if (r.covers(change.country, change.from, change.to)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The same rows, as a cache key: equal text, equal rows. */
  static String key(ThreatRow[] rows) {
    StringBuilder sb = new StringBuilder();
    for (ThreatRow r : rows) {
      sb.append(r.country)
          .append('|')
          .append(r.level)
          .append('|')
          .append(r.rank)
          .append('|')
          .append(r.from)
          .append('|')
          .append(r.to)
          .append('|')
          .append(r.system)
          .append('|')
          .append(r.source)
          .append('|')
          .append(r.declaredIn)
          .append('\n');
    }
    return sb.toString();
  }
}
