package io.venuerisk.reference;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of data/*.csv as parsed at build time, in a form the JDK reads alone (DataInputStream).
 * Parsing the CSV at run time loads Jackson's CSV stack, about half a second of a cold start; the
 * snapshot keeps the parsed cells and line numbers only, so the row converters of {@link
 * ReferenceData} still check and convert every value at run time exactly as for a CSV file.
 *
 * <p>Made by {@link #main} in the build (pom.xml, process-classes) from the same files that are
 * copied into the jar; {@code --data DIR} always reads CSV.
 */
public final class ReferenceSnapshot {
  /** Resource name next to the CSV files in the jar's data/ folder. */
  static final String NAME = "reference.snapshot";

  static final List<String> FILES =
      List.of(
          ReferenceData.COUNTRIES,
          ReferenceData.COUNTRY_ALIASES,
          ReferenceData.OBSERVANCES,
          ReferenceData.HIGH_PROFILE_EVENTS,
          ReferenceData.TENSION_PERIODS,
          ReferenceData.PERIODS,
          ReferenceData.MITIGATIONS,
          ReferenceData.MEASURES,
          ReferenceData.GUIDE_STATEMENTS,
          UkPremisesActTables.ACT,
          UkPremisesActTables.USES,
          UkPremisesActTables.VENUE_TYPES,
          UkPremisesActTables.EVENT_TYPES,
          UkPremisesActTables.DUTIES,
          ReferenceData.THREAT_LEVEL_SCALES,
          ReferenceData.THREAT_LEVELS,
          ReferenceData.VALIDATION_STRATA,
          ReferenceData.COVERAGE,
          RiskTables.POINTS,
          RiskTables.BASELINES,
          RiskTables.TACTICS,
          RiskTables.WEIGHTS,
          RiskTables.MODEL,
          RiskTables.LEVELS,
          RiskTables.MATRIX);

  // "VRSD" then a format version: a snapshot of another layout is not misread, it is ignored
  private static final int MAGIC = 0x56525344;
  private static final int VERSION = 1;

  private ReferenceSnapshot() {}

  /** Build step: {@code ReferenceSnapshot DATA_DIR OUT_FILE}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReferenceSnapshot DATA_DIR OUT_FILE");
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(parse(Path.of(args[0])), o);
    }
  }

  /** The rows of the files of {@code dir}, parsed as {@code --data DIR} parses them. */
  static Map<String, List<CsvTable.Row>> parse(Path dir) throws IOException {
    Map<String, List<CsvTable.Row>> tables = new LinkedHashMap<>();
    for (String file : FILES) {
      try (InputStream in = Files.newInputStream(dir.resolve(file))) {
        tables.put(file, CsvTable.read(file, in, r -> r));
      }
    }
    return tables;
  }

  static void write(Map<String, List<CsvTable.Row>> tables, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(tables.size());
    for (Map.Entry<String, List<CsvTable.Row>> t : tables.entrySet()) {
      d.writeUTF(t.getKey());
      d.writeInt(t.getValue().size());
      for (CsvTable.Row r : t.getValue()) {
        d.writeLong(r.line());
        d.writeInt(r.values().size());
        for (Map.Entry<String, String> cell : r.values().entrySet()) {
          d.writeUTF(cell.getKey());
          d.writeUTF(cell.getValue());
        }
      }
    }
    d.flush();
  }

  /**
   * File name to its rows, in file order.
   *
   * @throws IOException if the stream is not a whole snapshot of this format
   */
  static Map<String, List<CsvTable.Row>> read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new BufferedInputStream(in));
    if (d.readInt() != MAGIC || d.readInt() != VERSION) {
      throw new IOException("not a reference snapshot of version " + VERSION);
    }
    int tableCount = d.readInt();
    Map<String, List<CsvTable.Row>> tables = new LinkedHashMap<>();
    for (int t = 0; t < tableCount; t++) {
      String file = d.readUTF();
      int rowCount = d.readInt();
      List<CsvTable.Row> rows = new ArrayList<>(Math.max(0, Math.min(rowCount, 10_000)));
      for (int i = 0; i < rowCount; i++) {
        long line = d.readLong();
        int cells = d.readInt();
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < cells; c++) {
          values.put(d.readUTF(), d.readUTF());
        }
        rows.add(new CsvTable.Row(file, line, values));
      }
      tables.put(file, rows);
    }
    if (d.read() != -1) {
      throw new IOException("trailing bytes after the reference snapshot");
    }
    return tables;
  }
}
