package io.venuerisk.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One duty of the scenario's tier under the UK Terrorism (Protection of Premises) Act 2025, with
 * whether the scenario's measures show it is met.
 *
 * @param id the duty's key in data/uk_premises_duties.csv ({@code evacuation}, {@code document})
 * @param section the provision, {@code s.5(3)(a)}
 * @param condition when the duty applies, if only in some cases ("where the person responsible is
 *     not an individual"); null when it always applies to the tier
 * @param covered true when a measure in place shows the duty is met, false when none of the
 *     measures that would show it is in place, null when no measure of the scenario vocabulary can
 *     show it (a document, a notification): then {@code note} says to confirm it separately
 * @param inPlace the measures in place that show it, sorted by code
 * @param missing when not covered, the measures any one of which would show it, sorted by code;
 *     empty when covered or when no measure can show it
 * @param note for a duty no measure can show, "not shown by the scenario: confirm separately"; null
 *     otherwise
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "section", "title", "condition", "covered", "inPlace", "missing", "note"})
public record MartynsLawDuty(
    String id,
    String section,
    String title,
    String condition,
    Boolean covered,
    List<Measure> inPlace,
    List<Measure> missing,
    String note) {

  public MartynsLawDuty {
    inPlace = List.copyOf(inPlace);
    missing = List.copyOf(missing);
  }
}
