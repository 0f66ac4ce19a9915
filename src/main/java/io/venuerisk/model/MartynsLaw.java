package io.venuerisk.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the UK Terrorism (Protection of Premises) Act 2025 ("Martyn's Law") asks of a scenario held
 * in the United Kingdom: its tier, the reasons for it in the Act's terms, the duties of that tier
 * with the measures that show each is met, and a note on commencement. Planning guidance, not legal
 * advice.
 *
 * @param use the Schedule 1 use taken from the venue type; null when the venue type maps to none
 * @param reasons why the tier, in the order the Act's tests are applied
 * @param duties the duties of the tier in section order; empty when out of scope
 * @param note when the duties apply, and that this is planning guidance
 */
@JsonPropertyOrder({"tier", "use", "reasons", "duties", "note"})
public record MartynsLaw(
    MartynsLawTier tier, Use use, List<String> reasons, List<MartynsLawDuty> duties, String note) {

  public MartynsLaw {
    reasons = List.copyOf(reasons);
    duties = List.copyOf(duties);
  }

  /** A Schedule 1 use: paragraph 3, "entertainment and leisure". */
  @JsonPropertyOrder({"paragraph", "name"})
  public record Use(int paragraph, String name) {}
}
