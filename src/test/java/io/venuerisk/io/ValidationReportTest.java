package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.engine.Validation.Estimate;
import org.junit.jupiter.api.Test;

/** How the report words a figure: three decimals, n/a for an empty group, * beyond noise. */
class ValidationReportTest {
  @Test
  void anEstimateIsItsValueAndItsIntervalOrNa() {
    assertThat(ValidationReport.estimate(new Estimate(0.7125, 0.6, 0.82249)))
        .isEqualTo("0.713 [0.600, 0.822]");
    assertThat(ValidationReport.estimate(Estimate.NONE)).isEqualTo("n/a");
  }

  @Test
  void aDifferenceIsSignedAndStarredOnlyWhenItsIntervalLeavesZeroOut() {
    assertThat(ValidationReport.difference(new Estimate(-1, -1, -1)))
        .isEqualTo("-1.000 [-1.000, -1.000] *");
    assertThat(ValidationReport.difference(new Estimate(0.1, 0.02, 0.3)))
        .isEqualTo("+0.100 [+0.020, +0.300] *");
    assertThat(ValidationReport.difference(new Estimate(-0.167, -0.667, 0)))
        .isEqualTo("-0.167 [-0.667, +0.000]");
    assertThat(ValidationReport.difference(new Estimate(0, 0, 0)))
        .isEqualTo("+0.000 [+0.000, +0.000]");
    // no negative zero, whatever the arithmetic left
    assertThat(ValidationReport.difference(new Estimate(-0.0, -0.0001, 0.0001)))
        .isEqualTo("+0.000 [+0.000, +0.000]");
    assertThat(ValidationReport.difference(Estimate.NONE)).isEqualTo("n/a");
  }
}
