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

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
