package io.venuerisk.reference;

import io.venuerisk.model.EventType;
import io.venuerisk.model.InputException;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Measure;
import io.venuerisk.model.UkPremisesAct;
import io.venuerisk.model.UkPremisesAct.Access;
import io.venuerisk.model.UkPremisesAct.Building;
import io.venuerisk.model.UkPremisesAct.Commencement;
import io.venuerisk.model.UkPremisesAct.Duty;
import io.venuerisk.model.UkPremisesAct.EventAccess;
import io.venuerisk.model.UkPremisesAct.Threshold;
import io.venuerisk.model.UkPremisesAct.Use;
import io.venuerisk.model.UkPremisesAct.VenueUse;
import io.venuerisk.model.VenueType;
import io.venuerisk.model.Vocabulary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the five data/uk_premises_*.csv files into {@link UkPremisesAct}, checking that they are
 * complete: every venue type and event type has its row, every duty a section, a tier and a source,
 * and each threshold the Act names is there. A bad value is named by file, line and column.
 */
public final class UkPremisesActTables {
  public static final String ACT = "uk_premises_act.csv";
  public static final String USES = "uk_premises_uses.csv";
  public static final String VENUE_TYPES = "uk_premises_venue_types.csv";
  public static final String EVENT_TYPES = "uk_premises_event_types.csv";
  public static final String DUTIES = "uk_premises_duties.csv";

  public static final List<String> FILES = List.of(ACT, USES, VENUE_TYPES, EVENT_TYPES, DUTIES);

  private static final List<String> KEYS =
      List.of(
          "jurisdiction",
          "qualifying_premises_min",
          "enhanced_premises_min",
          "qualifying_event_min",
          "commencement_not_before",
          "commencement_date");

  private UkPremisesActTables() {}

  static UkPremisesAct read(ReferenceData.Tables tables) {
    Map<String, CsvTable.Row> facts = new LinkedHashMap<>();
    for (CsvTable.Row r : tables.read(ACT, r -> r)) {
      String key = r.get("key");
      if (!KEYS.contains(key)) {
        throw r.error(
            "key", "unknown key '" + key + "'; expected one of " + String.join(", ", KEYS));
      }
      if (facts.put(key, r) != null) {
        throw r.error("key", "'" + key + "' appears twice");
      }
      source(r);
    }
    for (String key : KEYS) {
      if (!facts.containsKey(key)) {
        throw InputException.of(ACT, "no row for '" + key + "'");
      }
    }
    Set<String> countries = new LinkedHashSet<>();
    for (String c : facts.get("jurisdiction").get("value").split(";")) {
      if (!c.isBlank()) {
        countries.add(c.trim());
      }
    }
    Threshold premises = threshold(facts.get("qualifying_premises_min"));
    Threshold enhanced = threshold(facts.get("enhanced_premises_min"));
    Threshold event = threshold(facts.get("qualifying_event_min"));
    if (enhanced.value() < premises.value()) {
      throw facts
          .get("enhanced_premises_min")
          .error(
              "value",
              enhanced.value()
                  + " is below qualifying_premises_min ("
                  + premises.value()
                  + "): enhanced duty premises are qualifying premises with more people");
    }
    CsvTable.Row notBefore = facts.get("commencement_not_before");
    CsvTable.Row appointed = facts.get("commencement_date");
    Commencement commencement =
        new Commencement(date(notBefore, false), date(appointed, true), notBefore.get("source"));

    Map<Integer, Use> uses = new TreeMap<>();
    for (Use u : tables.read(USES, UkPremisesActTables::use)) {
      if (uses.put(u.paragraph(), u) != null) {
        throw InputException.of(USES, "paragraph " + u.paragraph() + " appears twice");
      }
    }

    Map<VenueType, VenueUse> venues = new EnumMap<>(VenueType.class);
    for (CsvTable.Row r : tables.read(VENUE_TYPES, r -> r)) {
      VenueUse v = venueUse(r, uses);
      if (venues.put(v.type(), v) != null) {
        throw r.error("venue_type", "'" + v.type().code() + "' appears twice");
      }
    }
    complete(VENUE_TYPES, "venue type", VenueType.values(), venues.keySet());

    Map<EventType, EventAccess> events = new EnumMap<>(EventType.class);
    for (CsvTable.Row r : tables.read(EVENT_TYPES, r -> r)) {
      EventAccess e = eventAccess(r);
      if (events.put(e.type(), e) != null) {
        throw r.error("event_type", "'" + e.type().code() + "' appears twice");
      }
    }
    complete(EVENT_TYPES, "event type", EventType.values(), events.keySet());

    List<Duty> duties = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (CsvTable.Row r : tables.read(DUTIES, r -> r)) {
      Duty d = duty(r);
      if (!ids.add(d.id())) {
        throw r.error("id", "'" + d.id() + "' appears twice");
      }
      duties.add(d);
    }
    for (MartynsLawTier t : MartynsLawTier.values()) {
      boolean any = duties.stream().anyMatch(d -> d.tiers().contains(t));
      if (t != MartynsLawTier.OUT_OF_SCOPE && !any) {
        throw InputException.of(DUTIES, "no duty for tier '" + t.code() + "'");
      }
    }
    return new UkPremisesAct(
        countries, premises, enhanced, event, commencement, uses, venues, events, duties);
  }

  private static Threshold threshold(CsvTable.Row r) {
    String v = r.get("value");
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw r.error("value", "expected a whole number of people, got '" + v + "'");
    }
    if (n < 1) {
      throw r.error("value", "expected 1 or more people, got " + n);
    }
    return new Threshold(n, required(r, "provision"), r.get("source"));
  }

  private static LocalDate date(CsvTable.Row r, boolean optional) {
    String v = r.get("value");
    if (v.isEmpty() && optional) {
      return null;
    }
    try {
      // as ReferenceData does: LocalDate.of for plain YYYY-MM-DD spares a cold start the
      // formatter machinery
      return ReferenceData.isoDay(v)
          ? LocalDate.of(
              Integer.parseInt(v.substring(0, 4)),
              Integer.parseInt(v.substring(5, 7)),
              Integer.parseInt(v.substring(8, 10)))
          : LocalDate.parse(v);
    } catch (DateTimeException e) {
      throw r.error("value", "expected an ISO date YYYY-MM-DD, got '" + v + "'");
    }
  }

  private static Use use(CsvTable.Row r) {
    String p = r.get("paragraph");
    int paragraph = paragraph(r, "paragraph", p);
    return new Use(
        paragraph,
        required(r, "use"),
        r.get("standard_by"),
        r.get("events_excluded_by"),
        r.get("note"),
        source(r));
  }

  private static VenueUse venueUse(CsvTable.Row r, Map<Integer, Use> uses) {
    VenueType type = vocab(r, "venue_type", VenueType.class);
    String p = r.get("paragraph");
    Integer paragraph = null;
    if (!p.isEmpty()) {
      paragraph = paragraph(r, "paragraph", p);
      if (!uses.containsKey(paragraph)) {
        throw r.error("paragraph", "no Schedule 1 paragraph " + paragraph + " in " + USES);
      }
    }
    Building building = vocab(r, "building", Building.class);
    String excludedBy = r.get("excluded_by");
    String eventsExcludedBy = r.get("events_excluded_by");
    if (excludedBy.isEmpty() && !eventsExcludedBy.isEmpty()) {
      throw r.error(
          "events_excluded_by",
          "events are excluded only at excluded premises; give excluded_by too");
    }
    return new VenueUse(
        type,
        paragraph,
        building,
        excludedBy,
        eventsExcludedBy,
        required(r, "decision"),
        source(r));
  }

  private static EventAccess eventAccess(CsvTable.Row r) {
    EventType type = vocab(r, "event_type", EventType.class);
    String e = r.get("event");
    if (!e.equals("true") && !e.equals("false")) {
      throw r.error("event", "expected true or false, got '" + e + "'");
    }
    boolean event = e.equals("true");
    String p = r.get("public");
    Access access;
    if (!event) {
      if (!p.isEmpty()) {
        throw r.error("public", "must be empty when event is false (there is no event to attend)");
      }
      access = Access.UNKNOWN;
    } else {
      access = vocab(r, "public", Access.class);
    }
    return new EventAccess(type, event, access, required(r, "decision"), source(r));
  }

  private static Duty duty(CsvTable.Row r) {
    String id = required(r, "id");
    String section = required(r, "section");
    if (!section.startsWith("s.")) {
      throw r.error(
          "section", "expected a section of the Act such as s.5(3)(a), got '" + section + "'");
    }
    Set<MartynsLawTier> tiers = EnumSet.noneOf(MartynsLawTier.class);
    for (String t : list(r.get("tiers"))) {
      MartynsLawTier tier = vocabValue(r, "tiers", t, MartynsLawTier.class);
      if (tier == MartynsLawTier.OUT_OF_SCOPE) {
        throw r.error("tiers", "out_of_scope carries no duties");
      }
      tiers.add(tier);
    }
    if (tiers.isEmpty()) {
      throw r.error(
          "tiers",
          "expected the tiers that carry the duty, such as standard;enhanced;qualifying_event");
    }
    List<Measure> shownBy = new ArrayList<>();
    for (String m : list(r.get("shown_by"))) {
      Measure measure = vocabValue(r, "shown_by", m, Measure.class);
      if (shownBy.contains(measure)) {
        throw r.error("shown_by", "'" + m + "' appears twice");
      }
      shownBy.add(measure);
    }
    return new Duty(
        id, section, required(r, "title"), tiers, shownBy, r.get("condition"), source(r));
  }

  private static void complete(String file, String what, Vocabulary[] all, Set<?> present) {
    List<String> missing = new ArrayList<>();
    for (Vocabulary v : all) {
      if (!present.contains(v)) {
        missing.add(v.code());
      }
    }
    if (!missing.isEmpty()) {
      throw InputException.of(
          file,
          "no row for "
              + what
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + "; every "
              + what
              + " needs one (docs/scenario-format.md lists them)");
    }
  }

  private static int paragraph(CsvTable.Row r, String column, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw r.error(column, "expected a Schedule 1 paragraph number, got '" + v + "'");
  }

  private static String required(CsvTable.Row r, String column) {
    String v = r.get(column);
    if (v.isEmpty()) {
      throw r.error(column, "is empty");
    }
    return v;
  }

  private static String source(CsvTable.Row r) {
    return required(r, "source");
  }

  private static List<String> list(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split(";")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E vocab(CsvTable.Row r, String column, Class<E> type) {
    return vocabValue(r, column, r.get(column), type);
  }

  private static <E extends Enum<E>> E vocabValue(
      CsvTable.Row r, String column, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> codes = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        codes.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw r.error(
          column, "unknown value '" + value + "'; expected one of " + String.join(", ", codes));
    }
  }
}
