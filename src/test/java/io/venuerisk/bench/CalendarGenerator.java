package io.venuerisk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a synthetic JSON Lines calendar for the batch benchmark (docs/benchmarks.md, "Batch").
 *
 * <ul>
 *   <li>sparse (the default): {@code N} events in date order, 250 a day spread over 200 cities in
 *       12 countries (1.25 per city and day), one in ten lasting two or three days;
 *   <li>{@code --dense}: 1,000 events a day over 20 cities (50 per city and day, 200 venues each),
 *       written in no particular order (a fixed shuffle), as a registry sorted by anything but date
 *       would be.
 * </ul>
 *
 * Events per city and day stay the same at any N, so cost per event should too. The same N and kind
 * always give the same file.
 *
 * <p>The yes/no fields: by default an event states {@code venue.indoor}, {@code
 * event.internationalProfile}, {@code profile.westernAttendees} and {@code profile.officials} and
 * leaves the other four profile flags unknown. {@code --flags-stated} also states those four, as no
 * (the value an unknown flag is scored with), so the results are the same with no uncertainty band
 * to compute; {@code --flags-unknown} leaves all eight unknown. Both change only those fields.
 *
 * <p>{@code java -cp target-batch/test-classes:target-batch/venue-risk.jar
 * io.venuerisk.bench.CalendarGenerator 100000 /tmp/calendar-100k.jsonl [--dense]
 * [--flags-stated|--flags-unknown]}
 */
public final class CalendarGenerator {
  static final int PER_DAY = 250;
  static final String[] COUNTRIES = {
    "DE", "FR", "GB", "AT", "BE", "NL", "IT", "ES", "US", "TR", "PK", "JP"
  };
  static final String[] VENUE_TYPES = {
    "stadium",
    "arena",
    "concert_hall",
    "theatre",
    "nightclub",
    "religious_site",
    "university",
    "market",
    "public_space",
    "hotel",
    "restaurant_bar",
    "shopping_centre",
    "conference_centre",
    "tourist_site",
    "transit_station"
  };
  static final String[] EVENT_TYPES = {
    "concert",
    "sporting_event",
    "religious_service",
    "festival",
    "market",
    "conference",
    "education",
    "wedding",
    "parade",
    "exhibition",
    "nightlife",
    "commemoration"
  };
  static final String[] COMMUNITIES = {"christian", "jewish", "shia", "sunni", "hindu", "other"};
  static final String[] MEASURES = {
    "hostile_vehicle_mitigation",
    "bag_search",
    "metal_detectors",
    "access_control",
    "police_presence",
    "cctv",
    "staff_training",
    "evacuation_plan",
    "armed_security",
    "medical_response"
  };

  private CalendarGenerator() {}

  /** Events a day, cities and venues per city of the dense calendar. */
  static final int DENSE_PER_DAY = 1000;

  static final int DENSE_CITIES = 20;
  static final int DENSE_VENUES = 200;

  /** Which yes/no fields an event states (see the class comment). */
  enum Flags {
    DEFAULT,
    STATED,
    UNKNOWN
  }

  public static void main(String[] args) throws IOException {
    long n = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    boolean dense = false;
    Flags flags = Flags.DEFAULT;
    for (int a = 2; a < args.length; a++) {
      switch (args[a]) {
        case "--dense" -> dense = true;
        case "--flags-stated" -> flags = Flags.STATED;
        case "--flags-unknown" -> flags = Flags.UNKNOWN;
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      if (dense) {
        writeDense(Math.toIntExact(n), w, flags);
      } else {
        write(n, w, flags);
      }
    }
  }

  public static void write(long n, Writer w) throws IOException {
    write(n, w, Flags.DEFAULT);
  }

  static void write(long n, Writer w, Flags flags) throws IOException {
    Random r = new Random(42);
    JsonFactory f = new JsonFactory();
    for (long i = 0; i < n; i++) {
      event(f, w, r, i, PER_DAY, 200, 40, flags);
    }
  }

  /** Event {@code i} is the same whatever its place in the file: its own seed, then a shuffle. */
  public static void writeDense(int n, Writer w) throws IOException {
    writeDense(n, w, Flags.DEFAULT);
  }

  static void writeDense(int n, Writer w, Flags flags) throws IOException {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random shuffle = new Random(42);
    for (int i = n - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    JsonFactory f = new JsonFactory();
    for (int i : order) {
      event(
          f, w, new Random(0x5eed_0000L + i), i, DENSE_PER_DAY, DENSE_CITIES, DENSE_VENUES, flags);
    }
  }

  private static void event(
      JsonFactory f, Writer w, Random r, long i, int perDay, int cities, int venues, Flags flags)
      throws IOException {
    boolean stated = flags != Flags.UNKNOWN;
    LocalDate first = LocalDate.of(2024, 1, 1);
    LocalDate day = first.plusDays(i / perDay);
    int city = r.nextInt(cities);
    int venue = r.nextInt(venues);
    int attendance = r.nextInt(4) == 0 ? 1000 + r.nextInt(60000) : 50 + r.nextInt(3000);
    try (JsonGenerator g = f.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("id", "ev-" + i);
      g.writeStringField("name", "Generated event " + i);
      g.writeStringField("date", day.toString());
      if (r.nextInt(10) == 0) {
        g.writeStringField("endDate", day.plusDays(1 + r.nextInt(2)).toString());
      }
      g.writeObjectFieldStart("venue");
      g.writeStringField("id", "c" + city + "-v" + venue);
      g.writeStringField("name", "Venue " + venue);
      g.writeStringField("type", VENUE_TYPES[(city + venue) % VENUE_TYPES.length]);
      if (stated) {
        g.writeBooleanField("indoor", venue % 3 != 0);
      }
      g.writeNumberField("capacity", attendance + r.nextInt(1000));
      g.writeStringField("city", "City " + city);
      g.writeStringField("country", COUNTRIES[city % COUNTRIES.length]);
      g.writeEndObject();
      g.writeObjectFieldStart("event");
      g.writeStringField("type", EVENT_TYPES[r.nextInt(EVENT_TYPES.length)]);
      g.writeNumberField("expectedAttendance", attendance);
      boolean international = r.nextInt(20) == 0; // drawn either way: the next fields stay the same
      if (stated) {
        g.writeBooleanField("internationalProfile", international);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("profile");
      g.writeArrayFieldStart("communities");
      g.writeString(COMMUNITIES[r.nextInt(COMMUNITIES.length)]);
      g.writeEndArray();
      boolean westerners = r.nextBoolean();
      boolean officials = r.nextInt(10) == 0;
      if (stated) {
        g.writeBooleanField("westernAttendees", westerners);
        g.writeBooleanField("officials", officials);
      }
      if (flags == Flags.STATED) {
        g.writeBooleanField("westernInterest", false);
        g.writeBooleanField("securityForces", false);
        g.writeBooleanField("aidAgencies", false);
        g.writeBooleanField("israeliInterest", false);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("security");
      g.writeArrayFieldStart("measures");
      int m = r.nextInt(5);
      for (int k = 0; k < m; k++) {
        g.writeString(MEASURES[(int) ((i + k * 3) % MEASURES.length)]);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    w.write('\n');
  }
}
