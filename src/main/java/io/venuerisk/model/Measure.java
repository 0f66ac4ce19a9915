package io.venuerisk.model;

/** Protective-security measures in place (`security.measures`). */
public enum Measure implements Vocabulary {
  HOSTILE_VEHICLE_MITIGATION,
  VEHICLE_SCREENING,
  BAG_SEARCH,
  METAL_DETECTORS,
  EXPLOSIVE_DETECTION,
  STANDOFF_PERIMETER,
  ACCESS_CONTROL,
  ARMED_SECURITY,
  POLICE_PRESENCE,
  CCTV,
  STAFF_TRAINING,
  LOCKDOWN_PLAN,
  EVACUATION_PLAN,
  CLOSE_PROTECTION,
  TRAVEL_SECURITY,
  BLAST_PROTECTION,
  INTELLIGENCE_LIAISON,
  MEDICAL_RESPONSE;

  /** The measure of a code ("armed_security"), in any case. */
  public static java.util.Optional<Measure> parse(String code) {
    String c = code == null ? "" : code.trim().toLowerCase(java.util.Locale.ROOT);
    for (Measure m : values()) {
      if (m.code().equals(c)) {
        return java.util.Optional.of(m);
      }
    }
    return java.util.Optional.empty();
  }

  /** "unknown measure 'armed_guards'; did you mean armed_security? (expected one of ...)". */
  public static String unknown(String code) {
    java.util.List<String> codes = java.util.Arrays.stream(values()).map(Measure::code).toList();
    return "unknown measure '"
        + code
        + "'"
        + Nearest.of(code, codes).map(n -> "; did you mean " + n + "?").orElse("")
        + " (expected one of "
        + String.join(", ", codes)
        + ")";
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
