package io.venuerisk.model;

/**
 * Where a scenario stands under the UK Terrorism (Protection of Premises) Act 2025: outside it,
 * standard duty premises, enhanced duty premises, or a qualifying event (which carries the enhanced
 * duties).
 */
public enum MartynsLawTier implements Vocabulary {
  OUT_OF_SCOPE,
  STANDARD,
  ENHANCED,
  QUALIFYING_EVENT;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }

  /** How a report names the tier: "enhanced duty premises". */
  public String label() {
    return switch (this) {
      case OUT_OF_SCOPE -> "out of scope";
      case STANDARD -> "standard duty premises";
      case ENHANCED -> "enhanced duty premises";
      case QUALIFYING_EVENT -> "qualifying event (enhanced duties)";
    };
  }
}
