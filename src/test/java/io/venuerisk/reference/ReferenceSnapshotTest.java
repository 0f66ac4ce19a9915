package io.venuerisk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build's snapshot of data/ ({@link ReferenceSnapshot}) gives exactly the data that parsing the
 * CSV files gives, and a snapshot that is missing or damaged is never half-read.
 */
class ReferenceSnapshotTest {
  private static final Path DATA = Path.of("data");

  @Test
  void theBuildShipsASnapshotThatTheBundledDataComesFrom() throws IOException {
    try (InputStream in =
        ReferenceData.class.getResourceAsStream("/data/" + ReferenceSnapshot.NAME)) {
      assertThat(in).as("the build (pom.xml, process-classes) makes the snapshot").isNotNull();
      assertSame(ReferenceData.fromSnapshot(in), ReferenceData.load(DATA));
    }
  }

  @Test
  void theBundledDataEqualsTheCsvFiles() {
    assertSame(ReferenceData.bundled(), ReferenceData.load(DATA));
  }

  @Test
  void aSnapshotReadsBackTheRowsAndLineNumbersItWasMadeFrom() throws IOException {
    Map<String, List<CsvTable.Row>> parsed = ReferenceSnapshot.parse(DATA);
    Map<String, List<CsvTable.Row>> back =
        ReferenceSnapshot.read(new ByteArrayInputStream(bytes(parsed)));
    assertThat(back).isEqualTo(parsed);
    // rows compare with their line numbers: a converter's error names the line the CSV would
    assertThat(back.keySet()).containsExactlyElementsOf(ReferenceSnapshot.FILES);
  }

  @Test
  void aMissingSnapshotMeansTheCsvFilesAreRead() {
    assertThat(ReferenceData.fromSnapshot(null)).isNull();
  }

  @Test
  void aDamagedSnapshotIsIgnoredNotHalfRead() throws IOException {
    byte[] good = bytes(ReferenceSnapshot.parse(DATA));
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    byte[] otherFormat = good.clone();
    otherFormat[7] = 99; // the format version
    for (byte[] bad :
        List.of(truncated, trailing, otherFormat, new byte[0], "kind,name\n".getBytes())) {
      assertThat(ReferenceData.fromSnapshot(new ByteArrayInputStream(bad))).isNull();
    }
  }

  @Test
  void aSnapshotWithoutOneOfTheFilesIsIgnored() throws IOException {
    Map<String, List<CsvTable.Row>> parsed = ReferenceSnapshot.parse(DATA);
    parsed.remove(ReferenceData.MITIGATIONS);
    assertThat(ReferenceData.fromSnapshot(new ByteArrayInputStream(bytes(parsed)))).isNull();
  }

  private static byte[] bytes(Map<String, List<CsvTable.Row>> tables) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReferenceSnapshot.write(tables, out);
    return out.toByteArray();
  }

  private static void assertSame(ReferenceData actual, ReferenceData expected) {
    assertThat(actual).isNotNull();
    assertThat(actual.countries()).isEqualTo(expected.countries());
    assertThat(actual.observances()).isEqualTo(expected.observances());
    assertThat(actual.highProfileEvents()).isEqualTo(expected.highProfileEvents());
    assertThat(actual.tensionPeriods()).isEqualTo(expected.tensionPeriods());
    assertThat(actual.mitigations()).isEqualTo(expected.mitigations());
    assertThat(actual.statements()).containsExactlyEntriesOf(expected.statements());
    assertThat(actual.threatLevels().definitions())
        .isEqualTo(expected.threatLevels().definitions());
    assertThat(actual.threatLevels().periods()).isEqualTo(expected.threatLevels().periods());
    assertThat(actual.coverage().entries()).isEqualTo(expected.coverage().entries());
    assertThat(actual.rowCounts()).containsExactlyEntriesOf(expected.rowCounts());
    assertThat(actual.observancesFrom()).isEqualTo(expected.observancesFrom());
    assertThat(actual.observancesTo()).isEqualTo(expected.observancesTo());
    assertThat(actual.ukPremisesAct()).isEqualTo(expected.ukPremisesAct());
    for (String wrong : List.of("UK", "DEU", "germany", "usa", "XX")) {
      assertThat(actual.suggestCountry(wrong)).as(wrong).isEqualTo(expected.suggestCountry(wrong));
    }
  }
}
