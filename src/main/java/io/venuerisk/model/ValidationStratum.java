package io.venuerisk.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reference fact from data/validation_strata.csv: one stratum {@code validate} reports apart. A
 * {@code region} stratum holds the cases whose country is listed in {@code countries} or, failing
 * that, whose guide region is in {@code regions} (the one stratum with neither takes every other
 * country); a {@code period} stratum holds the cases dated from {@code from} to {@code to},
 * inclusive, either end open when null.
 *
 * @param dimension {@value #REGION} or {@value #PERIOD}, or {@value #ALL} for the whole case set
 * @param id the stratum's code, such as {@code khorasan} or {@code forward}
 * @param name how a report names it
 */
public record ValidationStratum(
    String dimension,
    String id,
    String name,
    Set<IskRegion> regions,
    List<String> countries,
    LocalDate from,
    LocalDate to,
    String source) {
  public static final String REGION = "region";
  public static final String PERIOD = "period";
  public static final String ALL = "all";

  /** Every case: the stratum the overall figures are computed on. */
  public static final ValidationStratum EVERY_CASE =
      new ValidationStratum(ALL, ALL, "All cases", Set.of(), List.of(), null, null, "");

  public ValidationStratum {
    // an EnumSet: any order it is listed in is the vocabulary's, the same on every run
    regions = regions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(regions));
    countries = List.copyOf(countries);
  }

  /** Whether a day falls in this period stratum's days. */
  public boolean covers(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }
}
