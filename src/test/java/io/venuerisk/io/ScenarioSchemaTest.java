package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuerisk.model.Community;
import io.venuerisk.model.EventType;
import io.venuerisk.model.Measure;
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
    assertThat(values(p.at("/profile/properties/communities/items/enum"))).isEqualTo(codes(Community.values()));
    assertThat(values(p.at("/security/properties/measures/items/enum"))).isEqualTo(codes(Measure.values()));
  }

  @Test
  void theSchemaStatesTheReadersLimitsAndRequiredFields() {
    JsonNode p = SCHEMA.get("properties");
    assertThat(p.at("/event/properties/expectedAttendance/maximum").asInt()).isEqualTo(Limits.MAX_ATTENDANCE);
    assertThat(p.at("/name/maxLength").asInt()).isEqualTo(Limits.MAX_STRING_LENGTH);
    assertThat(values(SCHEMA.get("required"))).containsExactlyInAnyOrder("id", "name", "date", "venue", "event");
    assertThat(values(p.at("/venue/required"))).containsExactlyInAnyOrder("type", "country");
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
