package io.venuerisk.model;

/**
 * A way a venue or event is exposed to one tactic family. Exposures are derived by rules from venue
 * and event facts only, never from missing measures, so that adding a measure can add mitigation
 * credit but can never remove or raise an exposure.
 */
public enum ExposureKind implements Vocabulary {
  VEHICLE_RAMMING(Tactic.VEHICLE_RAMMINGS, "vehicle ramming into a pedestrian crowd"),
  PERSON_BORNE_IED(
      Tactic.IEDS_AND_ROCKETS, "person-borne or placed IED at entry queues and crowds"),
  VEHICLE_BORNE_IED(
      Tactic.IEDS_AND_ROCKETS, "vehicle-borne IED against the venue or its perimeter"),
  INDIRECT_FIRE(
      Tactic.IEDS_AND_ROCKETS, "rockets or indirect fire in the guide's core conflict region"),
  MARAUDING_FIREARMS(
      Tactic.FIREARMS_AND_KNIVES, "marauding firearms attack inside a crowded venue"),
  EDGED_WEAPON(
      Tactic.FIREARMS_AND_KNIVES, "knife or edged-weapon attack on people in a public crowd"),
  COMPLEX_ASSAULT(Tactic.MILITARY_STYLE_ASSAULTS, "military-style assault by several attackers"),
  TARGETED_KILLING(
      Tactic.TARGETED_KILLINGS, "targeted killing of officials or prominent people present"),
  ABDUCTION(Tactic.VIOLENT_ABDUCTIONS, "violent abduction of Westerners or aid workers");

  private final Tactic tactic;
  private final String label;

  ExposureKind(Tactic tactic, String label) {
    this.tactic = tactic;
    this.label = label;
  }

  public Tactic tactic() {
    return tactic;
  }

  public String label() {
    return label;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
