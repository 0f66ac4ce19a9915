package io.venuerisk.io;

import io.venuerisk.model.Tier;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch scored, for the summary on stderr and the head of the Markdown and HTML reports.
 * Counts cover every scored event; {@code shown} is how many rows the report lists after {@code
 * --min-tier} and {@code --top}. Memory grows with the number of days, not of events.
 */
public final class BatchSummary {
  private final int[] tiers = new int[Tier.values().length];
  private final TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
  private long events;
  private long rejected;
  private long shown;
  private String inputs = "";

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
