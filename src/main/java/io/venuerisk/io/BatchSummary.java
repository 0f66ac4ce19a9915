package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Finding;
import io.venuerisk.model.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a batch scored, for the summary on stderr and the head of the Markdown and HTML reports.
 * Counts cover every scored event; {@code shown} is how many rows the report lists after {@code
 * --min-tier} and {@code --top}. Memory grows with the number of days, of rules and of distinct
 * notes, not of events; rejected records are kept in a temporary file ({@link Rejections}).
 *
 * <p>A reason (a rule of likelihood or consequence) is <em>shared</em> when it holds for at least
 * {@link #SHARED_PERCENT}% of the scored events of a calendar of two or more: it does not set an
 * event apart, so the reports list it once at the top and leave it out of the rows.
 */
public final class BatchSummary {
  private final int[] tiers = new int[Tier.values().length];
  private final TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
  private long events;
  private long rejected;
  private long shown;
  private String inputs = "";
  private Rejections rejections = new Rejections();

  /** A reason held by at least this share of the events is the calendar's, not the event's. */
  public static final int SHARED_PERCENT = 90;

  /** Per rule: events, lowest and highest points. */
  private final TreeMap<String, double[]> rules = new TreeMap<>();

  /** Per table-coverage note: events. */
  private final TreeMap<String, long[]> notes = new TreeMap<>();

  private long withFacts;
  private Set<String> shared;
  private List<String> noteOrder;

  /**
   * Counts the event's reasons and notes (called on the scoring threads, once for every scored
   * event).
   */
  public synchronized void facts(Assessment a) {
    withFacts++;
    for (Finding f : CalendarRow.reasons(a)) {
      double[] r = rules.get(f.rule());
      if (r == null) {
        rules.put(f.rule(), new double[] {1, f.points(), f.points()});
      } else {
        r[0]++;
        r[1] = Math.min(r[1], f.points());
        r[2] = Math.max(r[2], f.points());
      }
    }
    for (String n : a.notes()) {
      notes.computeIfAbsent(n, k -> new long[1])[0]++;
    }
    shared = null;
    noteOrder = null;
  }

  /** Whether the rule holds for so many of the events that it sets none apart. */
  public synchronized boolean shared(String rule) {
    return sharedRules().contains(rule);
  }

  /** The shared rules in id order. */
  public synchronized Set<String> sharedRules() {
    if (shared == null) {
      Set<String> s = new HashSet<>();
      if (withFacts >= 2) {
        for (Map.Entry<String, double[]> e : rules.entrySet()) {
          if (e.getValue()[0] * 100 >= withFacts * (double) SHARED_PERCENT) {
            s.add(e.getKey());
          }
        }
      }
      shared = s;
    }
    return shared;
  }

  /** A shared rule's events, lowest and highest points, in rule id order. */
  public synchronized Map<String, double[]> sharedDetail() {
    Map<String, double[]> out = new TreeMap<>();
    for (String r : sharedRules()) {
      out.put(r, rules.get(r).clone());
    }
    return out;
  }

  /** Events counted by {@link #facts}: the base of the shares. */
  public synchronized long withFacts() {
    return withFacts;
  }

  /** Each distinct table-coverage note, in text order; a row refers to one by its place + 1. */
  public synchronized List<String> notes() {
    if (noteOrder == null) {
      noteOrder = new ArrayList<>(notes.keySet());
    }
    return noteOrder;
  }

  /** How many events a note applies to. */
  public synchronized long noteCount(String note) {
    long[] n = notes.get(note);
    return n == null ? 0 : n[0];
  }

  /** The note's number in {@link #notes}, from 1. */
  public synchronized int noteNumber(String note) {
    return Collections.binarySearch(notes(), note) + 1;
  }

  /** The rejected records, for the reports that list them. */
  public Rejections rejections() {
    return rejections;
  }

  public void rejections(Rejections r) {
    rejections = r;
  }

  public void count(LocalDate day, Tier tier) {
    events++;
    tiers[tier.ordinal()]++;
    byDay.computeIfAbsent(day, d -> new int[Tier.values().length])[tier.ordinal()]++;
  }

  public void rejected(long n) {
    rejected = n;
  }

  public void shown(long n) {
    shown = n;
  }

  public void inputs(String names) {
    inputs = names;
  }

  public long events() {
    return events;
  }

  public long rejected() {
    return rejected;
  }

  public long shown() {
    return shown;
  }

  public String inputs() {
    return inputs;
  }

  public int count(Tier t) {
    return tiers[t.ordinal()];
  }

  /** Events per tier by start day, earliest first. */
  public Map<LocalDate, int[]> byDay() {
    return Collections.unmodifiableMap(byDay);
  }

  /** "SEVERE 3, HIGH 20, ELEVATED 28, MODERATE 0, LOW 0". */
  public String tiers() {
    StringBuilder sb = new StringBuilder();
    Tier[] all = Tier.values();
    for (int i = all.length - 1; i >= 0; i--) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(all[i].name()).append(' ').append(tiers[i]);
    }
    return sb.toString();
  }
}
