package io.venuerisk.model;

/** The six tactic families of guide statement ISK-T3. */
public enum Tactic implements Vocabulary {
  IEDS_AND_ROCKETS("IEDs and rockets"),
  TARGETED_KILLINGS("Targeted killings"),
  FIREARMS_AND_KNIVES("Firearms and knives"),
  VIOLENT_ABDUCTIONS("Violent abductions"),
  MILITARY_STYLE_ASSAULTS("Military-style assaults"),
  VEHICLE_RAMMINGS("Vehicle rammings");

  private final String label;

  Tactic(String label) {
    this.label = label;
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
