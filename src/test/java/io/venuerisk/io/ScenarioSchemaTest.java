package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
import io.venuerisk.model.OfficialsRank;
import io.venuerisk.model.Placement;
import io.venuerisk.model.VenueType;
import io.venuerisk.model.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published JSON Schema says what the reader accepts: the same vocabularies and limits. */
class ScenarioSchemaTest {
  private static final JsonNode SCHEMA = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("docs/scenario.schema.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSchemaListsEveryVocabularyValueTheReaderAccepts() {
    JsonNode p = SCHEMA.get("properties");
    assertThat(values(p.at("/venue/properties/type/enum"))).isEqualTo(codes(VenueType.values()));
    assertThat(values(p.at("/event/properties/type/enum"))).isEqualTo(codes(EventType.values()));
    assertThat(values(p.at("/profile/properties/communities/items/enum")))
        .isEqualTo(codes(Community.values()));
    assertThat(values(SCHEMA.at("/$defs/measure/enum"))).isEqualTo(codes(Measure.values()));
    assertThat(values(p.at("/profile/properties/officialsRank/enum")))
        .isEqualTo(codes(OfficialsRank.values()));
    JsonNode forms = p.at("/security/properties/measures/items/oneOf");
    assertThat(forms.get(0).get("$ref").asText()).isEqualTo("#/$defs/measure");
    JsonNode object = forms.get(1);
    assertThat(object.at("/properties/measure/$ref").asText()).isEqualTo("#/$defs/measure");
    assertThat(values(object.at("/properties/placement/enum")))
        .isEqualTo(codes(Placement.values()));
  }

  @Test
  void theSchemasMeasureObjectHasTheFieldsTheReaderReads() {
    JsonNode object = SCHEMA.at("/properties/security/properties/measures/items/oneOf/1");
    List<String> fields = new ArrayList<>();
    object.get("properties").fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyElementsOf(
            ScenarioJson.SecurityDeserializer.ITEM_FIELDS.stream().map(Object::toString).toList());
    assertThat(object.get("additionalProperties").asBoolean()).isFalse();
    assertThat(values(object.get("required"))).containsExactly("measure");
    assertThat(object.at("/properties/exercised/type").asText()).isEqualTo("boolean");
    // officialsRank with officials false is refused by the reader; the schema says so too
    assertThat(SCHEMA.at("/properties/profile/if/properties/officials/const").isBoolean()).isTrue();
    assertThat(values(SCHEMA.at("/properties/profile/then/not/required")))
        .containsExactly("officialsRank");
  }

  @Test
  void theSchemaStatesTheReadersLimitsAndRequiredFields() {
    JsonNode p = SCHEMA.get("properties");
    assertThat(p.at("/event/properties/expectedAttendance/maximum").asInt())
        .isEqualTo(Limits.MAX_ATTENDANCE);
    assertThat(p.at("/name/maxLength").asInt()).isEqualTo(Limits.MAX_STRING_LENGTH);
    assertThat(values(SCHEMA.get("required")))
        .containsExactlyInAnyOrder("id", "name", "date", "venue", "event");
    assertThat(values(p.at("/venue/required"))).containsExactlyInAnyOrder("type", "country");
  }

  @Test
  void everyFieldOfTheResultIsDeclaredInTheSchemaWithItsType() throws IOException {
    JsonNode result = SCHEMA.at("/$defs/result");
    assertThat(result.isMissingNode()).isFalse();
    int checked = 0;
    for (Path f :
        List.of(
            Path.of("scenarios/party-leader-rally-birmingham-2027.json"),
            Path.of("scenarios/kabul-airport-abbey-gate-2021.json"),
            Path.of("scenarios/threat-context/champions-league-final-madrid-2027.json"))) {
      var a = SampleAssessments.engine().assess(ScenarioFiles.read(Records.JSON, f));
      JsonNode out = new ObjectMapper().readTree(Json.compact(AssessmentJson.of(a)));
      checked += declared(result, out, f + ":");
      for (JsonNode required : result.get("required")) {
        assertThat(out.has(required.asText())).as("%s has %s", f, required.asText()).isTrue();
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void everyFieldOfTheContractIsDeclaredAndTheTimePatternIsTheReaders() {
    for (String path : ScenarioTree.paths()) {
      String pointer = "/properties/" + path.replace(".", "/properties/");
      assertThat(SCHEMA.at(pointer).isMissingNode()).as("%s is in the schema", path).isFalse();
    }
    java.util.regex.Pattern pattern =
        java.util.regex.Pattern.compile(SCHEMA.at("/properties/startTime/pattern").asText());
    assertThat(SCHEMA.at("/properties/endTime/pattern").asText()).isEqualTo(pattern.pattern());
    for (String time :
        List.of("00:00", "09:30", "19:30", "23:59", "9:30", "24:00", "12:60", "0930", "7pm", "")) {
      boolean read;
      try {
        Records.JSON.readLine(
            "t.json",
            "{\"id\":\"t\",\"name\":\"T\",\"date\":\"2026-07-10\",\"startTime\":\""
                + time
                + "\",\"venue\":{\"type\":\"arena\",\"country\":\"GB\"},"
                + "\"event\":{\"type\":\"concert\",\"expectedAttendance\":100}}");
        read = true;
      } catch (io.venuerisk.model.InputException e) {
        read = false;
      }
      assertThat(read)
          .as("'%s' is read as the schema says", time)
          .isEqualTo(pattern.matcher(time).find());
    }
  }

  /** Every field of {@code value} is a property of {@code schema} (recursively), of its type. */
  private static int declared(JsonNode schema, JsonNode value, String where) {
    int n = 1;
    String type =
        value.isObject()
            ? "object"
            : value.isArray()
                ? "array"
                : value.isTextual()
                    ? "string"
                    : value.isBoolean()
                        ? "boolean"
                        : value.isIntegralNumber()
                            ? "integer"
                            : value.isNumber() ? "number" : "null";
    JsonNode t = schema.get("type");
    if (t != null) {
      List<String> types = t.isArray() ? values(t) : List.of(t.asText());
      assertThat(types)
          .as(where)
          .contains(type.equals("integer") && types.contains("number") ? "number" : type);
    }
    if (value.isObject()) {
      JsonNode props = schema.get("properties");
      for (var it = value.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertThat(props != null && props.has(name))
            .as("%s%s is declared in $defs/result", where, name)
            .isTrue();
        n += declared(props.get(name), value.get(name), where + name + ".");
      }
    } else if (value.isArray() && schema.has("items")) {
      for (JsonNode item : value) {
        n += declared(schema.get("items"), item, where + "[].");
      }
    }
    return n;
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> codes(Vocabulary[] values) {
    return Arrays.stream(values).map(Vocabulary::code).toList();
  }
}
