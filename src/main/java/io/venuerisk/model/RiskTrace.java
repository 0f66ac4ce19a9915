package io.venuerisk.model;

/**
 * How the risk was formed, step by step, with the numbers each step used (what {@code explain}
 * prints): the likelihood points from the country's baseline and the findings, the consequence
 * points the exposed tactics add up to, the share of that harm the measures in place leave, and the
 * residual likelihood it gives.
 *
 * @param baseline the country's baseline points (data/country_baseline.csv), included in {@code
 *     likelihood}
 * @param likelihood likelihood points before measures
 * @param consequence consequence points: {@code 10 x log2} of the harm of each exposed tactic,
 *     weighed by how much the region's attackers use it, added up
 * @param residualConsequence the same with each tactic's harm scaled by the vulnerability left
 * @param vulnerability the share of the weighed harm the measures leave ({@code 2^((residual
 *     consequence - consequence) / 10)}), 1 with no measure
 * @param residualLikelihood likelihood points of an attack that succeeds: likelihood plus the
 *     measures' effect, {@code residualConsequence - consequence} (never positive) times the
 *     measure weight
 * @param likelihoodPosition the continuous likelihood level (level and how far into it)
 * @param residualLikelihoodPosition the same for the residual likelihood
 * @param consequencePosition the continuous consequence level
 * @param measureWeight, midpoint, spread the parameters of data/risk_model.csv the steps used
 */
public record RiskTrace(
    double baseline,
    double likelihood,
    double consequence,
    double residualConsequence,
    double vulnerability,
    double residualLikelihood,
    double likelihoodPosition,
    double residualLikelihoodPosition,
    double consequencePosition,
    double measureWeight,
    double midpoint,
    double spread) {}
