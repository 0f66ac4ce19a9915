package io.venuerisk.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Band;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.MartynsLawDuty;
import io.venuerisk.model.MartynsLawTier;
import io.venuerisk.model.Rating;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the calendar reports (CSV, Markdown, HTML) show of one event, taken from its assessment on a
 * scoring thread and kept as one line of JSON in the report's spool: which of its reasons set it
 * apart is known only once the whole calendar is scored ({@link BatchSummary#shared}), so the
 * reports render their rows at the end from this.
 *
 * @param startTime the local start time, HH:MM, or null when not given
 * @param endTime the local end time, HH:MM, or null when not given
 * @param martynsLaw the tier's name under the UK Terrorism (Protection of Premises) Act 2025; null
 *     outside the UK
 * @param missingDuties the ids of the tier's duties none of the measures in place shows
 *     (data/uk_premises_duties.csv)
 * @param reasons findings of likelihood and consequence, strongest first, in points
 * @param exposures each exposure with how much attackers in the region use its tactic
 *     (data/tactic_weights.csv, not points), most used first
 * @param measures the measures to add that take off most residual points, at most three
 * @param likelihood the inherent likelihood (no measures), with its level
 * @param consequence the consequence, with its level: the same with the measures in place
 * @param residualLikelihood the likelihood with the measures in place
 * @param band how far the residual score could move were the unknown facts known
 * @param tactics each exposure as a row of the per-tactic table, highest residual risk first
 * @param details the event's findings and measures in full, as an HTML fragment; null for the
 *     formats that do not show them
 */
public record CalendarRow(
    String id,
    String name,
    String date,
    String endDate,
    String startTime,
    String endTime,
    String venue,
    String venueType,
    String city,
    String country,
    int attendance,
    double score,
    Tier tier,
    double inherent,
    Tier inherentTier,
    MartynsLawTier martynsLaw,
    List<String> missingDuties,
    List<Reason> reasons,
    List<Weight> exposures,
    List<String> measures,
    List<String> notes,
    Rating likelihood,
    Rating consequence,
    Rating residualLikelihood,
    Band band,
    List<TacticRow> tactics,
    String details) {

  /** A finding's rule and the points it adds to the likelihood or the consequence. */
  public record Reason(String rule, double points) {}

  /** An exposure and how much attackers in the region use its tactic. */
  public record Weight(String exposure, double weight) {}

  /**
   * One exposure in the per-tactic table (docs/scoring.md): how much the region's attackers use the
   * tactic relative to their most used one, the people it can reach here, the consequence level of
   * an attack by it, the vulnerability the measures in place leave, and its risk points with no
   * measures and with them.
   */
  public record TacticRow(
      String exposure,
      double relativeWeight,
      long peopleReached,
      int consequence,
      double vulnerability,
      double inherentPoints,
      double residualPoints) {
    static TacticRow of(ExposureSummary e) {
      return new TacticRow(
          e.exposure().code(),
          e.relativeWeight(),
          e.peopleReached(),
          e.consequence().level(),
          e.vulnerability(),
          e.inherentPoints(),
          e.residualPoints());
    }

    /** "person_borne_ied:C4:left 0.65:87.6->81.4", the CSV's compact form. */
    String compact() {
      return exposure
          + ":C"
          + consequence
          + ":left "
          + Numbers.share(vulnerability)
          + ":"
          + Numbers.score(inherentPoints)
          + "->"
          + Numbers.score(residualPoints);
    }

    /** "person_borne_ied: use 0.40, 2000 reached, C4, left 0.65, 87.6 -> 81.4". */
    String words() {
      return exposure
          + ": use "
          + Numbers.share(relativeWeight)
          + ", "
          + peopleReached
          + " reached, C"
          + consequence
          + ", left "
          + Numbers.share(vulnerability)
          + ", "
          + Numbers.score(inherentPoints)
          + " -> "
          + Numbers.score(residualPoints);
    }
  }

  public CalendarRow {
    missingDuties = List.copyOf(missingDuties);
    tactics = List.copyOf(tactics);
    reasons = List.copyOf(reasons);
    exposures = List.copyOf(exposures);
    measures = List.copyOf(measures);
    notes = List.copyOf(notes);
  }

  static CalendarRow of(Assessment a, String details) {
    Scenario s = a.scenario();
    List<Reason> reasons = new ArrayList<>();
    for (Finding f : reasons(a)) {
      reasons.add(new Reason(f.rule(), f.points()));
    }
    List<Weight> exposures = new ArrayList<>();
    for (ExposureSummary e : a.exposures()) {
      exposures.add(new Weight(e.exposure().code(), e.weight()));
    }
    exposures.sort((x, y) -> Double.compare(y.weight(), x.weight()));
    List<TacticRow> tactics = new ArrayList<>();
    for (ExposureSummary e : a.exposures()) {
      tactics.add(TacticRow.of(e));
    }
    // the most pressing first; ties keep the engine's order, so output stays byte-identical
    tactics.sort((x, y) -> Double.compare(y.residualPoints(), x.residualPoints()));
    MartynsLaw ml = a.martynsLaw();
    List<String> missing = new ArrayList<>();
    if (ml != null) {
      for (MartynsLawDuty d : ml.duties()) {
        if (Boolean.FALSE.equals(d.covered())) {
          missing.add(d.id());
        }
      }
    }
    return new CalendarRow(
        s.id(),
        s.name(),
        s.date().toString(),
        s.endDate().toString(),
        s.startTime() == null ? null : s.startTime().toString(),
        s.endTime() == null ? null : s.endTime().toString(),
        s.venue() == null ? null : s.venue().name(),
        s.venue() == null || s.venue().type() == null ? null : s.venue().type().code(),
        s.city(),
        s.country(),
        s.attendance(),
        a.score(),
        a.tier(),
        a.inherent().score(),
        a.inherent().tier(),
        ml == null ? null : ml.tier(),
        missing,
        reasons,
        exposures,
        BatchReport.topMeasures(a),
        a.notes(),
        a.inherent().likelihood(),
        a.inherent().consequence(),
        a.residual().likelihood(),
        a.band(),
        tactics,
        details);
  }

  /**
   * The reasons for the risk: findings of likelihood and consequence that add points, in the
   * engine's order (strongest first). An exposure's weight says how the measures count, not why the
   * event is at risk.
   */
  static List<Finding> reasons(Assessment a) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.points() > 0 && f.exposure() == null) {
        out.add(f);
      }
    }
    return out;
  }

  /** The reasons not shared by the calendar, strongest first, at most {@link BatchReport#TOP}. */
  List<Reason> distinct(BatchSummary summary) {
    List<Reason> out = new ArrayList<>();
    for (Reason r : reasons) {
      if (!summary.shared(r.rule()) && out.size() < BatchReport.TOP) {
        out.add(r);
      }
    }
    return out;
  }

  /** "4 (58.8)": a level and its points. */
  static String level(Rating r) {
    return r.level() + " (" + Numbers.score(r.points()) + ")";
  }

  /** "4 (58.8) -> 4 (54.5)": the likelihood with no measures and with those in place. */
  String likelihoodText() {
    return level(likelihood) + " -> " + level(residualLikelihood);
  }

  /**
   * "61.4 to 77.0, profile.israeliInterest most", or "exact: no unknown fact moves it" when none
   * would change the score.
   */
  String bandText() {
    return band.field() == null
        ? "exact: no unknown fact moves it"
        : Numbers.score(band.low())
            + " to "
            + Numbers.score(band.high())
            + ", "
            + band.field()
            + " most";
  }

  /** "enhanced duty premises", or "n/a" outside the UK. */
  String martynsLawLabel() {
    return martynsLaw == null ? "n/a" : martynsLaw.label();
  }

  /**
   * "2026-12-20", "2026-12-20 to 2026-12-23" for an event of several days, with the times when
   * given ("2026-12-20 09:00 to 12:00").
   */
  String dates() {
    return Scenario.schedule(date, endDate, startTime, endTime);
  }

  String line() {
    return Json.compact(this) + "\n";
  }

  static CalendarRow parse(String line) {
    try {
      return Json.mapper().readValue(line, CalendarRow.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
