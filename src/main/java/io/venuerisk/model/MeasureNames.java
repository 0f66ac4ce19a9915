package io.venuerisk.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every measure in plain words (data/measures.csv): one name for each measure, and the names that
 * differ in a country, which replace it for venues there.
 */
public record MeasureNames(Map<Measure, MeasureName> names, Map<String, MeasureName> byCountry) {
  public MeasureNames {
    names = Map.copyOf(names);
    byCountry = Map.copyOf(byCountry);
  }

  /** From the table's rows: a row without a country is the default; every measure needs one. */
  public static MeasureNames of(List<MeasureName> defaults, Map<String, MeasureName> byCountry) {
    Map<Measure, MeasureName> m = new EnumMap<>(Measure.class);
    for (MeasureName n : defaults) {
      m.put(n.measure(), n);
    }
    return new MeasureNames(m, byCountry);
  }

  /** The measure's name for a venue in this country (ISO alpha-2; null for none). */
  public MeasureName of(Measure measure, String country) {
    if (country != null) {
      MeasureName n = byCountry.get(key(measure, country));
      if (n != null) {
        return n;
      }
    }
    MeasureName n = names.get(measure);
    // the loader requires a row for every measure; a code for a table that lacks one
    return n != null ? n : new MeasureName(measure, measure.code().replace('_', ' '), null, null);
  }

  public static String key(Measure measure, String country) {
    return measure.code() + "@" + country;
  }
}
