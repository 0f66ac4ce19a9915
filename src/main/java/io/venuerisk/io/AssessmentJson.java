package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import io.venuerisk.model.Band;
import io.venuerisk.model.ExposureSummary;
import io.venuerisk.model.Finding;
import io.venuerisk.model.MartynsLaw;
import io.venuerisk.model.Measure;
import io.venuerisk.model.MeasureEffect;
import io.venuerisk.model.MeasureWithoutEffect;
import io.venuerisk.model.Rating;
import io.venuerisk.model.RecommendedMeasure;
import io.venuerisk.model.Risk;
import io.venuerisk.model.RiskTrace;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.ThreatLevelInForce;
import io.venuerisk.model.Tier;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON result contract (docs/scenario-format.md, "Result"; docs/scenario.schema.json has the
 * result schema too): records whose declared field order is the order of the output, serialised by
 * {@link Json}. Kept apart from the model records so that a refactoring of the model cannot change
 * the contract unnoticed (the golden outputs beside the scenarios would show it).
 */
public final class AssessmentJson {
  private AssessmentJson() {}

  /**
   * One scenario's result. Optional parts are null, and left out of the output. {@code
   * measureNames} names in plain words every measure the result gives by its code, as the venue's
   * country understands it.
   */
  public record Result(
      String id,
      String name,
      String date,
      String endDate,
      String startTime,
      String endTime,
      VenueView venue,
      String eventType,
      int attendance,
      double score,
      Tier tier,
      RiskView inherent,
      RiskView residual,
      BandView band,
      ModelView model,
      List<FindingView> findings,
      List<ExposureView> exposures,
      List<WithoutEffectView> measuresWithoutEffect,
      List<RecommendedView> recommendedMeasures,
      List<MeasureText.View> measureNames,
      ThreatLevelView threatLevel,
      MartynsLaw martynsLaw,
      List<String> notes) {}

  /**
   * The national threat level the event was scored against: the system's own level and the shared
   * rank, where it comes from ({@code origin}: reference_data, context_file, command_line,
   * scenario) and since when.
   */
  public record ThreatLevelView(
      String country,
      String system,
      String level,
      int rank,
      String rankName,
      String meaning,
      String source,
      String asOf,
      String until,
      String origin,
      boolean declared,
      boolean uncertain) {
    static ThreatLevelView of(ThreatLevelInForce t) {
      return t == null
          ? null
          : new ThreatLevelView(
              t.country(),
              t.system(),
              t.level(),
              t.rank(),
              t.rankName().code(),
              t.meaning(),
              t.source(),
              t.asOf() == null ? null : t.asOf().toString(),
              t.until() == null ? null : t.until().toString(),
              t.origin().code(),
              t.declared(),
              t.uncertain());
    }
  }

  public record VenueView(String name, String type, String city, String country) {}

  /** A risk: its score and tier, and the likelihood and consequence that gave them. */
  public record RiskView(double score, Tier tier, RatingView likelihood, RatingView consequence) {
    public static RiskView of(Risk r) {
      return new RiskView(
          r.score(), r.tier(), RatingView.of(r.likelihood()), RatingView.of(r.consequence()));
    }
  }

  /** Points on one scale and the level 1 to 5 they fall in (docs/scoring.md). */
  public record RatingView(double points, int level, String meaning) {
    static RatingView of(Rating r) {
      return new RatingView(r.points(), r.level(), r.meaning());
    }
  }

  /** The residual score were the unknown facts known, and the field that moves it most. */
  public record BandView(double low, double central, double high, String field) {
    static BandView of(Band b) {
      return new BandView(b.low(), b.central(), b.high(), b.field());
    }
  }

  /** The model's steps: docs/scoring.md. */
  public record ModelView(
      double baseline,
      double likelihood,
      double consequence,
      double residualConsequence,
      double vulnerability,
      double residualLikelihood) {
    static ModelView of(RiskTrace t) {
      return new ModelView(
          t.baseline(),
          t.likelihood(),
          t.consequence(),
          t.residualConsequence(),
          t.vulnerability(),
          t.residualLikelihood());
    }
  }

  public record FindingView(
      String rule,
      String category,
      String factor,
      double points,
      String rationale,
      List<String> cites,
      List<String> measures,
      String exposure,
      String group,
      Double share) {}

  public record EffectView(String measure, String role, double effectiveness, String guidance) {}

  public record ExposureView(
      String exposure,
      String tactic,
      String rule,
      String reason,
      double weight,
      double vulnerability,
      List<EffectView> inPlace,
      List<String> missing,
      double relativeWeight,
      long peopleReached,
      RatingView consequence,
      double inherentPoints,
      double residualPoints) {}

  public record WithoutEffectView(String measure, String reason) {}

  public record RecommendedView(
      String measure, double reduction, List<String> reduces, List<TacticView> byTactic) {}

  /** Risk points a measure takes off one tactic. */
  public record TacticView(String exposure, double points) {}

  /** One result, or an array of them in order. */
  public static void write(Writer out, List<Assessment> results, boolean single)
      throws IOException {
    Json.write(out, value(results, single));
  }

  /** What {@link #write} writes, for a caller that lays the JSON out itself. */
  public static Object value(List<Assessment> results, boolean single) {
    return single ? of(results.get(0)) : results.stream().map(AssessmentJson::of).toList();
  }

  public static Result of(Assessment a) {
    Scenario s = a.scenario();
    return new Result(
        s.id(),
        s.name(),
        s.date().toString(),
        s.endDate().toString(),
        s.startTime() == null ? null : s.startTime().toString(),
        s.endTime() == null ? null : s.endTime().toString(),
        new VenueView(s.venue().name(), s.venueType().code(), s.city(), s.country()),
        s.eventType().code(),
        s.attendance(),
        a.score(),
        a.tier(),
        RiskView.of(a.inherent()),
        RiskView.of(a.residual()),
        BandView.of(a.band()),
        ModelView.of(a.trace()),
        a.findings().stream().map(AssessmentJson::finding).toList(),
        a.exposures().stream().map(AssessmentJson::exposure).toList(),
        a.measuresWithoutEffect().stream()
            .map(
                (MeasureWithoutEffect m) ->
                    new WithoutEffectView(m.measure().code(), MeasureText.withoutEffect(m)))
            .toList(),
        a.recommendedMeasures().stream()
            .map(
                (RecommendedMeasure r) ->
                    new RecommendedView(
                        r.measure().code(),
                        r.reduction(),
                        r.reduces().stream().map(k -> k.code()).toList(),
                        r.byTactic().stream()
                            .map(t -> new TacticView(t.exposure().code(), t.points()))
                            .toList()))
            .toList(),
        MeasureText.views(a, MeasureText.named(a)),
        ThreatLevelView.of(a.threatLevel()),
        a.martynsLaw(),
        a.notes());
  }

  public static FindingView finding(Finding f) {
    return new FindingView(
        f.rule(),
        f.category().code(),
        f.factor().code(),
        f.points(),
        f.rationale(),
        f.cites(),
        codes(f.measures()),
        f.exposure() == null ? null : f.exposure().code(),
        f.group(),
        f.group() == null ? null : f.share());
  }

  private static ExposureView exposure(ExposureSummary e) {
    return new ExposureView(
        e.exposure().code(),
        e.tactic().code(),
        e.rule(),
        e.reason(),
        e.weight(),
        e.vulnerability(),
        e.inPlace().stream()
            .map(
                (MeasureEffect m) ->
                    new EffectView(
                        m.measure().code(), m.role().code(), m.effectiveness(), m.guidance()))
            .toList(),
        codes(e.missing()),
        e.relativeWeight(),
        e.peopleReached(),
        RatingView.of(e.consequence()),
        e.inherentPoints(),
        e.residualPoints());
  }

  static List<String> codes(List<Measure> measures) {
    return measures.stream().map(Measure::code).toList();
  }
}
