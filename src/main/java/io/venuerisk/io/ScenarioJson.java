package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.EventType;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureQuality;
import io.venuerisk.model.Nearest;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.Profile;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Security;
import io.venuerisk.model.Venue;
import io.venuerisk.model.VenueType;
import io.venuerisk.model.Vocabulary;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds scenario JSON to {@link Scenario} and validates it against the contract of
 * docs/scenario-format.md, turning every problem into one {@link InputException} that names the
 * file, line, column and field, what was expected and the nearest valid value.
 */
public final class ScenarioJson {
  private final ObjectReader reader;
  private final ReferenceData data;
  private final Reading reading;

  /** Reads scenarios strictly, as the contract says (a scenario file). */
  public ScenarioJson(ReferenceData data) {
    this(data, null);
  }

  private ScenarioJson(ReferenceData data, Reading reading) {
    this.data = data;
    this.reading = reading;
    ObjectReader r = mapper().readerFor(Scenario.class);
    this.reader = reading == null ? r : r.withAttribute(Reading.ATTRIBUTE, reading);
  }

  /**
   * Reads calendars: values as spreadsheets write them, each such reading counted in {@code
   * reading} and reported (see {@link Reading}).
   */
  public ScenarioJson withReading(Reading reading) {
    return new ScenarioJson(data, reading);
  }

  /** The reading of calendar values, or null for strict reading. */
  public Reading reading() {
    return reading;
  }

  /** A reader of scenarios with this json's reading, for a calendar's records. */
  ObjectReader objectReader() {
    return reader;
  }

  /** The configured mapper, also used to read venue registries. */
  public static ObjectMapper mapper() {
    return configure(JsonMapper.builder());
  }

  /**
   * A mapper of another format (the batch's sort files are CBOR) configured as {@link #mapper()}:
   * it reads with the same checks and writes a scenario in the same shape, so every field of the
   * contract goes through it and back.
   */
  public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder) {
    SimpleModule vocab = new SimpleModule("venue-risk-vocabularies");
    vocab.addDeserializer(
        VenueType.class, new VocabularyDeserializer<>(VenueType.class, "venue type"));
    vocab.addDeserializer(
        EventType.class, new VocabularyDeserializer<>(EventType.class, "event type"));
    vocab.addDeserializer(
        Community.class, new VocabularyDeserializer<>(Community.class, "community"));
    vocab.addDeserializer(Measure.class, new VocabularyDeserializer<>(Measure.class, "measure"));
    vocab.addDeserializer(
        Placement.class, new VocabularyDeserializer<>(Placement.class, "placement"));
    vocab.addDeserializer(
        OfficialsRank.class, new VocabularyDeserializer<>(OfficialsRank.class, "officials rank"));
    vocab.addDeserializer(Security.class, new SecurityDeserializer());
    vocab.addSerializer(Security.class, new SecuritySerializer());
    vocab.addDeserializer(LocalDate.class, new DateDeserializer());
    vocab.addDeserializer(LocalTime.class, new TimeDeserializer());
    // ISO forms, which the deserializers read back: 2026-12-20, 18:30
    vocab.addSerializer(LocalDate.class, ToStringSerializer.instance);
    vocab.addSerializer(LocalTime.class, ToStringSerializer.instance);
    vocab.addDeserializer(Integer.class, new CountDeserializer());
    vocab.addDeserializer(Boolean.class, new YesNoDeserializer());
    M mapper =
        builder
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // the record components are the contract; an accessor such as israeliPresence() is
            // a reading of them for the rules, not a field
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .addModule(vocab)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
                .maxStringLength(Limits.MAX_JSON_STRING_LENGTH)
                .maxNumberLength(20)
                .build());
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /** Reads one scenario file. */
  public Scenario read(String file, byte[] bytes) {
    return read(file, bytes, bytes.length);
  }

  /** Reads one scenario from the first {@code length} bytes of a buffer the caller reuses. */
  public Scenario read(String file, byte[] bytes, int length) {
    Text.check(file, bytes, length);
    try {
      Scenario s = reader.readValue(bytes, 0, length);
      if (s == null) {
        throw InputException.of(file, "expected a JSON object with the scenario, found null");
      }
      return validate(file, s);
    } catch (IOException e) {
      throw translate(file, e);
    }
  }

  /** Reads one scenario from a JSON Lines line. */
  public Scenario readLine(String file, String line) {
    try {
      Scenario s = reader.readValue(line);
      if (s == null) {
        throw InputException.of(file, "expected a JSON object with the scenario, found null");
      }
      return validate(file, s);
    } catch (IOException e) {
      throw translate(file, e);
    }
  }

  /**
   * Checks the contract's semantic rules that JSON binding cannot: required fields, ranges, dates.
   */
  public Scenario validate(String file, Scenario s) {
    require(file, s.id(), "id", "a non-empty string naming the scenario");
    require(file, s.name(), "name", "a non-empty string");
    text(file, s.id(), "id");
    text(file, s.name(), "name");
    if (s.date() == null) {
      throw missing(file, "date", "an ISO-8601 date such as 2026-12-20");
    }
    if (s.endDate().isBefore(s.date())) {
      throw new InputException(
          file,
          0,
          0,
          "endDate",
          "ends "
              + s.endDate()
              + ", before the event starts ("
              + s.date()
              + "); expected "
              + s.date()
              + " or later");
    }
    long days = ChronoUnit.DAYS.between(s.date(), s.endDate()) + 1;
    if (days > Limits.MAX_EVENT_DAYS) {
      throw new InputException(
          file,
          0,
          0,
          "endDate",
          "the event lasts "
              + days
              + " days; at most "
              + Limits.MAX_EVENT_DAYS
              + " (split a season into one scenario per event)");
    }
    Venue v = s.venue();
    if (v == null) {
      throw missing(file, "venue", "an object with at least type and country");
    }
    if (v.type() == null) {
      throw missing(file, "venue.type", "one of " + codes(VenueType.values()));
    }
    if (v.country() == null) {
      throw missing(file, "venue.country", "an ISO 3166-1 alpha-2 code such as DE");
    }
    if (data.country(v.country()).isEmpty() && reading != null) {
      // gb, UK, United Kingdom, DEU: one country each (data/countries.csv and its aliases)
      Optional<io.venuerisk.model.Country> c =
          Text.invisibleIn(v.country()).isPresent()
              ? Optional.empty()
              : data.suggestCountry(v.country());
      if (c.isPresent()) {
        reading.normalised(
            "venue.country",
            "country\u0000" + v.country(),
            "'" + v.country() + "' read as " + c.get().code());
        v =
            new Venue(
                v.id(), v.name(), v.type(), v.indoor(), v.capacity(), v.city(), c.get().code());
        s = s.withVenue(v);
      }
    }
    if (data.country(v.country()).isEmpty()) {
      String country = v.country();
      String hint =
          data.suggestCountry(v.country())
              .map(c -> "; nearest: " + c.code() + " (" + c.name() + ")")
              .orElse("; see data/countries.csv");
      throw new InputException(
          file,
          0,
          0,
          "venue.country",
          Text.invisibleIn(country)
              .map(
                  what ->
                      "country code '"
                          + Text.visible(country)
                          + "' "
                          + what
                          + ", which cannot be seen; remove it")
              .orElse(
                  "unknown country code '"
                      + v.country()
                      + "'; expected an ISO 3166-1 alpha-2 code"
                      + hint));
    }
    String level = s.context().threatLevel();
    if (level != null) {
      require(
          file,
          level,
          "context.threatLevel",
          "a level of the country's own system, such as SEVERE (GB) or urgence_attentat (FR)");
      text(file, level, "context.threatLevel");
      ThreatLevelInput.resolve(
          data.threatLevels(), v.country(), level, file, 0, 0, "context.threatLevel");
    }
    text(file, v.name(), "venue.name");
    text(file, v.city(), "venue.city");
    text(file, v.id(), "venue.id");
    EventInfo e = s.event();
    if (e == null) {
      throw missing(file, "event", "an object with at least type and expectedAttendance");
    }
    if (e.type() == null) {
      throw missing(file, "event.type", "one of " + codes(EventType.values()));
    }
    if (e.expectedAttendance() == null && v.capacity() == null) {
      throw missing(
          file,
          "event.expectedAttendance",
          "a whole number of people (or give venue.capacity); one of the two is required");
    }
    if (e.expectedAttendance() == null && v.capacity() == 0) {
      // a capacity of 0 is an empty cell or a placeholder, not a venue nobody can enter: scoring
      // it as an event of 0 people would hide every crowd rule
      throw new InputException(
          file,
          0,
          0,
          "venue.capacity",
          "is 0 and event.expectedAttendance is not given, so the event would have no one at it;"
              + " give event.expectedAttendance (a whole number of people) or the venue's real capacity");
    }
    Profile p = s.profile();
    if (p.officialsRank() != null && Boolean.FALSE.equals(p.officials())) {
      // a rank of officials who are not there contradicts the file: neither can be scored
      throw new InputException(
          file,
          0,
          0,
          "profile.officialsRank",
          "officialsRank needs officials: true (profile.officials is false);"
              + " remove officialsRank or set officials to true");
    }
    if (p.communities().size() > Limits.MAX_LIST_ENTRIES) {
      throw new InputException(
          file,
          0,
          0,
          "profile.communities",
          p.communities().size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    Security sec = s.security();
    if (sec.measures().size() > Limits.MAX_LIST_ENTRIES) {
      throw new InputException(
          file,
          0,
          0,
          "security.measures",
          sec.measures().size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    return s;
  }

  private static void require(String file, String value, String field, String expected) {
    if (value == null) {
      throw missing(file, field, expected);
    }
    if (value.isBlank()) {
      throw new InputException(file, 0, 0, field, "is empty; expected " + expected);
    }
  }

  /**
   * At most {@link Limits#MAX_STRING_LENGTH} characters, and no half of a surrogate pair: a JSON
   * escape of U+D800 to U+DFFF without its other half names no character, so no UTF-8 output (a
   * report, the batch's sort files) can write it.
   */
  private static void text(String file, String value, String field) {
    if (value == null) {
      return;
    }
    if (value.length() > Limits.MAX_STRING_LENGTH) {
      throw new InputException(
          file, 0, 0, field, value.length() + " characters; at most " + Limits.MAX_STRING_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InputException(
            file,
            0,
            0,
            field,
            String.format(
                Locale.ROOT,
                "holds \\u%04X, half of a surrogate pair, which is no character; give the whole"
                    + " pair or remove it",
                (int) c));
      }
    }
  }

  private static InputException missing(String file, String field, String expected) {
    return new InputException(file, 0, 0, field, "required field is missing; expected " + expected);
  }

  static String codes(Vocabulary[] values) {
    return Arrays.stream(values).map(Vocabulary::code).collect(Collectors.joining(", "));
  }

  /** Turns a Jackson failure into one line a user can act on. */
  static InputException translate(String file, IOException e) {
    if (e instanceof JsonMappingException jme && jme.getCause() instanceof InputException ie) {
      return ie;
    }
    long line = 0;
    long col = 0;
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      JsonLocation loc = jpe.getLocation();
      line = Math.max(0, loc.getLineNr());
      col = Math.max(0, loc.getColumnNr());
    }
    String field = e instanceof JsonMappingException jme ? path(jme) : null;
    String problem;
    if (e instanceof UnrecognizedPropertyException upe) {
      List<String> known = new ArrayList<>();
      if (upe.getKnownPropertyIds() != null) {
        upe.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
      }
      known.sort(null);
      String hint = Nearest.of(upe.getPropertyName(), known).map(n -> "; nearest: " + n).orElse("");
      problem =
          "unknown field '"
              + upe.getPropertyName()
              + "'; valid fields here: "
              + String.join(", ", known)
              + hint;
      field = parentPath(field);
    } else if (e instanceof InvalidFormatException ife
        && ife.getCause() == null
        && ife.getOriginalMessage() != null
        && ife.getOriginalMessage().startsWith("venue-risk:")) {
      problem = ife.getOriginalMessage().substring("venue-risk:".length());
    } else if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
      problem = vie.getCause().getMessage();
    } else if (e instanceof MismatchedInputException mie) {
      problem = mismatch(mie);
    } else if (e instanceof StreamConstraintsException
        || e.getCause() instanceof StreamConstraintsException) {
      StreamConstraintsException sce =
          e instanceof StreamConstraintsException s ? s : (StreamConstraintsException) e.getCause();
      problem = PlainWords.limit(sce.getOriginalMessage());
    } else if (e instanceof JsonProcessingException jpe) {
      problem = PlainWords.json(jpe.getOriginalMessage());
    } else if (e instanceof java.io.CharConversionException) {
      problem = PlainWords.json(e.getMessage());
    } else {
      problem = "cannot read: " + e.getMessage();
    }
    return new InputException(file, line, col, field, problem);
  }

  private static String mismatch(MismatchedInputException mie) {
    String msg = firstLine(mie.getOriginalMessage());
    Class<?> target = mie.getTargetType();
    String expected;
    if (target == null) {
      expected = "a different value";
    } else if (target == Integer.class || target == int.class) {
      expected = "a whole number";
    } else if (target == Boolean.class || target == boolean.class) {
      expected = "true or false";
    } else if (target == String.class) {
      expected = "a string";
    } else if (List.class.isAssignableFrom(target)) {
      expected = "a JSON array";
    } else if (target.isRecord()) {
      expected = "a JSON object";
    } else {
      expected = "a " + target.getSimpleName();
    }
    if (msg.contains("Duplicate field")) {
      return PlainWords.json(msg);
    }
    if (msg.contains("No content to map") || msg.contains("end-of-input")) {
      return "the file ends before the scenario is complete (empty or truncated JSON)";
    }
    if (msg.contains("Trailing token")) {
      return "unexpected content after the scenario object; expected end of file";
    }
    return "wrong type; expected " + expected;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String parentPath(String path) {
    if (path == null) {
      return null;
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? null : path.substring(0, dot);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.strip().lines().findFirst().orElse("");
    // Jackson appends source excerpts and its internal reference chain after the first sentence
    for (String tail : new String[] {" at [Source", " (through reference chain"}) {
      int cut = line.indexOf(tail);
      if (cut > 0) {
        line = line.substring(0, cut);
      }
    }
    return line;
  }

  /**
   * Lower_snake_case vocabulary values; unknown ones fail with the valid values and the nearest.
   */
  static final class VocabularyDeserializer<E extends Enum<E> & Vocabulary>
      extends JsonDeserializer<E> {
    private final Class<E> type;
    private final String what;
    private final List<String> codes;

    VocabularyDeserializer(Class<E> type, String what) {
      this.type = type;
      this.what = what;
      this.codes = Arrays.stream(type.getEnumConstants()).map(Vocabulary::code).toList();
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:wrong type; expected a "
                + what
                + " string, one of "
                + String.join(", ", codes),
            p.getText(),
            type);
      }
      String text = p.getText();
      for (E e : type.getEnumConstants()) {
        if (e.code().equals(text)) {
          return e;
        }
      }
      Reading reading = (Reading) ctxt.getAttribute(Reading.ATTRIBUTE);
      if (reading != null) {
        // case, spaces and hyphens: 'Public Space' and 'bag-search' can mean one code only
        String folded = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        for (E e : type.getEnumConstants()) {
          if (e.code().equals(folded)) {
            reading.normalised(
                Reading.path(p), "code\u0000" + text, "'" + text + "' read as " + e.code());
            return e;
          }
        }
      }
      throw InvalidFormatException.from(
          p, "venue-risk:" + unknownCode(what, text, codes), text, type);
    }
  }

  /**
   * {@code security}: its {@code measures}, each a measure code ({@code "cctv"}) or an object
   * saying how the measure is deployed ({@code {"measure": "bag_search", "placement": "entry",
   * "exercised": true}}, placement and exercised optional). Bound by hand because the record's
   * {@code qualities} are not a field of their own: they are read from, and written back into, the
   * measures they describe.
   */
  static final class SecurityDeserializer extends JsonDeserializer<Security> {
    static final String MEASURES = "measures";
    static final List<Object> FIELDS = List.of(MEASURES);
    static final List<Object> ITEM_FIELDS = List.of("measure", "placement", "exercised");

    @Override
    public Security deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (Security) ctxt.handleUnexpectedToken(Security.class, p);
      }
      List<Measure> measures = null;
      List<MeasureQuality> qualities = new ArrayList<>();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        p.nextToken();
        if (!name.equals(MEASURES)) {
          // from() puts the field on the exception's path itself
          throw UnrecognizedPropertyException.from(p, Security.class, name, FIELDS);
        }
        try {
          if (p.currentToken() == JsonToken.VALUE_NULL) {
            measures = null;
          } else if (p.currentToken() != JsonToken.START_ARRAY) {
            ctxt.handleUnexpectedToken(List.class, p);
          } else {
            measures = new ArrayList<>();
            qualities = measures(p, ctxt, measures);
          }
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, Security.class, name);
        }
      }
      return new Security(measures, qualities);
    }

    /** The array's items into {@code out}; the qualities the items state. */
    private static List<MeasureQuality> measures(
        JsonParser p, DeserializationContext ctxt, List<Measure> out) throws IOException {
      List<MeasureQuality> qualities = new ArrayList<>();
      java.util.Map<Measure, Integer> first = new java.util.EnumMap<>(Measure.class);
      java.util.Set<Measure> stated = java.util.EnumSet.noneOf(Measure.class);
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        try {
          MeasureQuality q = item(p, ctxt);
          Integer before = first.putIfAbsent(q.measure(), i);
          if (before != null && (q.stated() || stated.contains(q.measure()))) {
            // two entries for one measure, one saying how it is deployed: which one holds?
            throw InvalidFormatException.from(
                p,
                "venue-risk:"
                    + q.measure().code()
                    + " is listed twice (also at security.measures["
                    + before
                    + "]); list a measure once when you say how it is deployed",
                q.measure().code(),
                Measure.class);
          }
          out.add(q.measure());
          if (q.stated()) {
            stated.add(q.measure());
            qualities.add(q);
          }
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, out, i);
        }
      }
      return qualities;
    }

    private static MeasureQuality item(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) {
        return MeasureQuality.usual(ctxt.readValue(p, Measure.class));
      }
      if (t != JsonToken.START_OBJECT) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:wrong type; expected a measure string such as bag_search, or an object"
                + " such as {\"measure\": \"bag_search\", \"placement\": \"entry\","
                + " \"exercised\": true}",
            t == JsonToken.VALUE_NULL ? null : p.getText(),
            Measure.class);
      }
      Measure measure = null;
      Placement placement = null;
      Boolean exercised = null;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken v = p.nextToken();
        if (!ITEM_FIELDS.contains(name)) {
          throw UnrecognizedPropertyException.from(p, MeasureQuality.class, name, ITEM_FIELDS);
        }
        try {
          switch (name) {
            case "measure" ->
                measure = v == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Measure.class);
            case "placement" ->
                placement = v == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Placement.class);
            case "exercised" ->
                exercised = v == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Boolean.class);
            default -> throw new IllegalStateException(name);
          }
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, MeasureQuality.class, name);
        }
      }
      if (measure == null) {
        throw JsonMappingException.wrapWithPath(
            InvalidFormatException.from(
                p,
                "venue-risk:required field is missing; expected one of " + codes(Measure.values()),
                null,
                Measure.class),
            MeasureQuality.class,
            "measure");
      }
      return new MeasureQuality(measure, placement, exercised);
    }
  }

  /**
   * {@code security} as a scenario file writes it and {@link SecurityDeserializer} reads it: each
   * measure its code, or an object with its placement and exercised when the scenario says how it
   * is deployed.
   */
  static final class SecuritySerializer extends StdSerializer<Security> {
    SecuritySerializer() {
      super(Security.class);
    }

    @Override
    public void serialize(Security s, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartObject();
      g.writeArrayFieldStart(SecurityDeserializer.MEASURES);
      for (Measure m : s.measures()) {
        MeasureQuality q = s.quality(m);
        if (q.stated()) {
          provider.defaultSerializeValue(q, g);
        } else {
          provider.defaultSerializeValue(m, g);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * "unknown venue type 'x'; expected one of ...; nearest: y", or for a value with a character a
   * reader cannot see, the character named: "venue type 'public\\u200b_space' holds a zero-width
   * space (U+200B); ...".
   */
  static String unknownCode(String what, String text, List<String> codes) {
    Optional<String> invisible = Text.invisibleIn(text);
    String seen =
        text.codePoints()
            .filter(c -> !Text.invisible(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    String hint = Nearest.of(seen, codes).map(n -> "; nearest: " + n).orElse("");
    if (invisible.isPresent()) {
      return what
          + " '"
          + Text.visible(text)
          + "' "
          + invisible.get()
          + ", which cannot be seen; remove it"
          + hint;
    }
    return "unknown "
        + what
        + " '"
        + text
        + "'; expected one of "
        + String.join(", ", codes)
        + hint;
  }

  /**
   * ISO-8601 calendar dates within the supported years; in a calendar ({@link Reading}) also dates
   * as spreadsheets write them: {@code 2027-6-5}, {@code 5/6/2027} in the file's date order and
   * Excel date serials.
   */
  static final class DateDeserializer extends JsonDeserializer<LocalDate> {
    private static final java.util.regex.Pattern UNPADDED =
        java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
    private static final java.util.regex.Pattern SLASHED =
        java.util.regex.Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    private static final java.util.regex.Pattern SERIAL =
        java.util.regex.Pattern.compile("[0-9]{1,6}(\\.[0-9]+)?");

    /** Day 0 of Excel's 1900 date system, for serials after its 29 February 1900. */
    static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    static final long FIRST_SERIAL =
        ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(Limits.MIN_YEAR, 1, 1));
    static final long LAST_SERIAL =
        ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(Limits.MAX_YEAR, 12, 31));

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      String text =
          t == JsonToken.VALUE_STRING
                  || t == JsonToken.VALUE_NUMBER_INT
                  || t == JsonToken.VALUE_NUMBER_FLOAT
              ? p.getText().strip()
              : null;
      Reading reading = (Reading) ctxt.getAttribute(Reading.ATTRIBUTE);
      LocalDate d = null;
      if (t == JsonToken.VALUE_STRING) {
        try {
          d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          d = null;
        }
      }
      if (d == null && reading != null && text != null) {
        d = lenient(p, reading, text);
      }
      if (d == null) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:'"
                + p.getText()
                + "' is not a date; expected ISO-8601 YYYY-MM-DD such as 2026-12-20"
                + (reading == null
                    ? ""
                    : ", D/M/YYYY, M/D/YYYY or an Excel date serial from "
                        + FIRST_SERIAL
                        + " ("
                        + Limits.MIN_YEAR
                        + "-01-01) to "
                        + LAST_SERIAL
                        + " ("
                        + Limits.MAX_YEAR
                        + "-12-31)"),
            p.getText(),
            LocalDate.class);
      }
      if (d.getYear() < Limits.MIN_YEAR || d.getYear() > Limits.MAX_YEAR) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:"
                + d
                + " is outside the supported years "
                + Limits.MIN_YEAR
                + "-"
                + Limits.MAX_YEAR,
            text,
            LocalDate.class);
      }
      return d;
    }

    /** A date as a spreadsheet writes it, or null when the text is none of them. */
    private static LocalDate lenient(JsonParser p, Reading reading, String text)
        throws IOException {
      String field = Reading.path(p);
      java.util.regex.Matcher m = UNPADDED.matcher(text);
      if (m.matches()) {
        LocalDate d = date(m.group(1), m.group(2), m.group(3));
        if (d != null) {
          reading.normalised(
              field, "unpadded", "'" + text + "' read as " + d + " (a date without leading zeros)");
        }
        return d;
      }
      m = SLASHED.matcher(text);
      if (m.matches()) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        if (reading.surveying()) {
          reading.saw(text, first, second);
          return LocalDate.of(Limits.MIN_YEAR, 1, 1); // a survey only looks at the order
        }
        Reading.DateOrder order = reading.order();
        if (order == null) {
          // no order given and none from the file (its survey was not run): the date's own
          order =
              first > 12 && second <= 12
                  ? Reading.DateOrder.dmy
                  : second > 12 && first <= 12 ? Reading.DateOrder.mdy : null;
          if (order == null && first <= 12 && second <= 12) {
            throw InvalidFormatException.from(
                p,
                "venue-risk:'"
                    + text
                    + "' could be day/month/year or month/day/year: add "
                    + reading.option(Reading.DateOrder.dmy)
                    + " or "
                    + reading.option(Reading.DateOrder.mdy),
                text,
                LocalDate.class);
          }
          if (order == null) {
            return null;
          }
        }
        LocalDate d =
            order == Reading.DateOrder.dmy
                ? date(m.group(3), m.group(2), m.group(1))
                : date(m.group(3), m.group(1), m.group(2));
        if (d == null) {
          Reading.DateOrder other =
              order == Reading.DateOrder.dmy ? Reading.DateOrder.mdy : Reading.DateOrder.dmy;
          LocalDate swapped =
              other == Reading.DateOrder.dmy
                  ? date(m.group(3), m.group(2), m.group(1))
                  : date(m.group(3), m.group(1), m.group(2));
          throw InvalidFormatException.from(
              p,
              "venue-risk:'"
                  + text
                  + "' is not a date in "
                  + order.words
                  + " order"
                  + (reading.given() != null ? " (" + reading.option(order) + ")" : "")
                  + (swapped == null
                      ? ""
                      : "; it looks like " + other.words + ": give " + reading.option(other)),
              text,
              LocalDate.class);
        }
        reading.normalised(
            field, order.name(), "read as " + order.words + " ('" + text + "' as " + d + ")");
        return d;
      }
      m = SERIAL.matcher(text);
      if (m.matches()) {
        if (m.group(1) != null) {
          throw InvalidFormatException.from(
              p,
              "venue-risk:'"
                  + text
                  + "' is an Excel date serial with a time of day; format the column as a date"
                  + " (the day alone)",
              text,
              LocalDate.class);
        }
        long serial = Long.parseLong(text);
        if (serial < FIRST_SERIAL || serial > LAST_SERIAL) {
          return null;
        }
        LocalDate d = EXCEL_EPOCH.plusDays(serial);
        reading.normalised(
            field,
            "serial",
            "read as an Excel date serial, 1900 date system ('" + text + "' as " + d + ")");
        return d;
      }
      return null;
    }

    private static LocalDate date(String year, String month, String day) {
      try {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      } catch (java.time.DateTimeException | NumberFormatException e) {
        return null;
      }
    }
  }

  /** Local times of day, strictly {@code HH:MM} on the 24-hour clock. */
  static final class TimeDeserializer extends JsonDeserializer<LocalTime> {
    private static final java.util.regex.Pattern HH_MM =
        java.util.regex.Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");

    @Override
    public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getText();
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        java.util.regex.Matcher m = HH_MM.matcher(text);
        if (m.matches()) {
          return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
      }
      String hint = nearestTime(text).map(n -> "; nearest: " + n).orElse("");
      throw InvalidFormatException.from(
          p,
          "venue-risk:'"
              + text
              + "' is not a time; expected HH:MM on the 24-hour clock, such as 19:30"
              + hint,
          text,
          LocalTime.class);
    }
  }

  /**
   * The HH:MM a time written another way most likely means: {@code 9:30}, {@code 9.30}, {@code
   * 0930}, {@code 19h30}, {@code 7:30pm}, {@code 19:30:00}; 24:00 is 00:00 (the midnight that ends
   * the day, as an end time), and an hour or minute past the clock is the last one on it. Empty
   * when the text holds no digits.
   */
  static java.util.Optional<String> nearestTime(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace(".", "");
    List<String> runs = new ArrayList<>();
    java.util.regex.Matcher d = java.util.regex.Pattern.compile("[0-9]+").matcher(t);
    while (d.find()) {
      runs.add(d.group());
    }
    if (runs.isEmpty() || runs.get(0).length() > 4) {
      return java.util.Optional.empty();
    }
    int h;
    int m;
    String first = runs.get(0);
    if (runs.size() == 1 && first.length() > 2) {
      h = Integer.parseInt(first.substring(0, first.length() - 2));
      m = Integer.parseInt(first.substring(first.length() - 2));
    } else {
      h = Integer.parseInt(first);
      m = runs.size() > 1 && runs.get(1).length() <= 2 ? Integer.parseInt(runs.get(1)) : 0;
    }
    if (t.endsWith("pm") && h < 12) {
      h += 12;
    } else if (t.endsWith("am") && h == 12) {
      h = 0;
    }
    if (h == 24 && m == 0) {
      h = 0;
    }
    return java.util.Optional.of(
        String.format(Locale.ROOT, "%02d:%02d", Math.min(h, 23), Math.min(m, 59)));
  }

  /** Head counts: whole, not negative, not absurd. */
  static final class CountDeserializer extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:" + p.getText() + " is not a whole number; expected a count of people",
            p.getText(),
            Integer.class);
      }
      Reading reading = (Reading) ctxt.getAttribute(Reading.ATTRIBUTE);
      if (t == JsonToken.VALUE_STRING && reading != null) {
        Integer n = grouped(p.getText().strip());
        if (n != null) {
          reading.normalised(
              Reading.path(p),
              "thousands\u0000" + p.getText().strip(),
              "'" + p.getText().strip() + "' read as " + n + " (thousands separators dropped)");
          return n;
        }
      }
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:wrong type; expected a whole number of people, got " + describe(t, p),
            p.getText(),
            Integer.class);
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:" + p.getText() + " people is absurd; at most " + Limits.MAX_ATTENDANCE,
            p.getText(),
            Integer.class);
      }
      int n = p.getIntValue();
      if (n < 0) {
        throw InvalidFormatException.from(
            p, "venue-risk:" + n + " is negative; expected 0 or more people", n, Integer.class);
      }
      if (n > Limits.MAX_ATTENDANCE) {
        throw InvalidFormatException.from(
            p,
            "venue-risk:"
                + n
                + " people is absurd; at most "
                + Limits.MAX_ATTENDANCE
                + " (the largest gatherings on record)",
            n,
            Integer.class);
      }
      return n;
    }

    private static final java.util.regex.Pattern GROUPED =
        java.util.regex.Pattern.compile("[0-9]{1,3}([, \u00a0\u202f'])[0-9]{3}(\\1[0-9]{3})*");

    /**
     * 12,000 or 12 000 (one separator throughout, groups of three): a count with thousands
     * separators; null for anything else (12.000 is 12 in JSON and twelve thousand in German, so it
     * stays an error).
     */
    static Integer grouped(String text) {
      if (!GROUPED.matcher(text).matches()) {
        return null;
      }
      long n = Long.parseLong(text.replaceAll("[^0-9]", ""));
      return n <= Limits.MAX_ATTENDANCE ? (int) n : null;
    }

    private static String describe(JsonToken t, JsonParser p) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return "the string \"" + p.getText() + "\"";
      }
      return t == null
          ? "nothing"
          : t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : p.getText();
    }
  }

  /**
   * true or false; in a calendar ({@link Reading}) also a yes/no word as spreadsheets write it
   * ({@code Y}, {@code N}, {@code yes}, {@code no}, any case), each reading reported.
   */
  static final class YesNoDeserializer extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      Reading reading = (Reading) ctxt.getAttribute(Reading.ATTRIBUTE);
      if (t == JsonToken.VALUE_STRING && reading != null) {
        String text = p.getText().strip();
        Boolean b =
            switch (text.toLowerCase(Locale.ROOT)) {
              case "y", "yes", "true", "1" -> Boolean.TRUE;
              case "n", "no", "false", "0" -> Boolean.FALSE;
              default -> null;
            };
        if (b != null) {
          reading.normalised(Reading.path(p), "yesno\u0000" + text, "'" + text + "' read as " + b);
          return b;
        }
        throw InvalidFormatException.from(
            p,
            "venue-risk:'"
                + text
                + "' is not a yes/no value; expected "
                + ScenarioTree.YES_NO
                + " or Y/N",
            text,
            Boolean.class);
      }
      throw InvalidFormatException.from(
          p, "venue-risk:wrong type; expected true or false", p.getText(), Boolean.class);
    }
  }

  /** Reads a whole stream within a byte limit. */
  public static byte[] readAll(String file, InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw tooLarge(file, limit);
    }
    return bytes;
  }

  /** "file is larger than N bytes", the one message for a file over its byte limit. */
  public static InputException tooLarge(String file, long limit) {
    return InputException.of(
        file, "file is larger than " + limit + " bytes (see docs/input-limits.md)");
  }
}
