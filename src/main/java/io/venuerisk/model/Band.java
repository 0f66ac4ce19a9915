package io.venuerisk.model;

/**
 * How far the residual score could move if the facts the input left unknown were known: {@code low}
 * and {@code high} are the lowest and highest score over each unknown field's plausible values, one
 * field at a time; {@code field} is the one that moves it most (null when no unknown field changes
 * the score, and then low, central and high are equal).
 */
public record Band(double low, double central, double high, String field) {
  /** A result with nothing unknown that matters. */
  public static Band exact(double score) {
    return new Band(score, score, score, null);
  }
}
