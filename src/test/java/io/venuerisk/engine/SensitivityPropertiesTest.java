package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.ScenarioSuite;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.EventInfo;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Bounded sensitivity (docs/scoring.md) over every golden scenario of {@code scenarios/}: no single
 * yes/no answer and no doubling of the crowd moves the residual score by more than {@value
 * #MAX_MOVE} points, and a larger crowd never lowers the consequence. A planner who is unsure of
 * one answer should not see the event change tier wholesale; a model that does leans too hard on
 * one field. Every case is tried (exhaustive generation), and a failure names the scenario, the
 * field and both scores.
 */
class SensitivityPropertiesTest {
  static final double MAX_MOVE = 20;

  private static final Engine ENGINE = new Engine(RuleBase.shipped(), ReferenceData.bundled());

  // the yes/no fields a planner answers are the ones the band tries: engine/Unknowns sets them

  /** A golden scenario as read from its file. */
  record Golden(String file, Scenario scenario) {
    @Override
    public String toString() {
      return file;
    }
  }

  /**
   * One answer changed: yes to no, no to yes, and an unknown answer stated either way (the central
   * score reads it as neither).
   */
  record Flip(Golden golden, Unknowns field, Boolean before, boolean after) {
    Scenario flipped() {
      return field.with(golden.scenario(), after);
    }

    @Override
    public String toString() {
      return golden.file() + " " + field.field() + " " + before + " -> " + after;
    }
  }

  static List<Golden> goldens() {
    ScenarioJson json = new ScenarioJson(ENGINE.data());
    List<Golden> out = new ArrayList<>();
    for (Path f : ScenarioSuite.files(Path.of("scenarios"))) {
      try {
        out.add(
            new Golden(f.getFileName().toString(), json.read(f.toString(), Files.readAllBytes(f))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * The two answers that still move a golden scenario by more than a tier's width (docs/scoring.md,
   * "Limits of the model"): whether the venue is indoor swaps one set of exposures and the
   * crowded-indoor consequence for another (Crocus City Hall moves 34 points), and an Israeli
   * interest adds a whole group of findings at once (up to 24 points). They stay out of this
   * property until the model bounds them; every other answer is held to it.
   */
  static final java.util.Set<Unknowns> NOT_YET_BOUNDED =
      java.util.EnumSet.of(Unknowns.INDOOR, Unknowns.ISRAELI_INTEREST);

  static List<Flip> flips() {
    List<Flip> out = new ArrayList<>();
    for (Golden g : goldens()) {
      for (Unknowns f : Unknowns.values()) {
        if (NOT_YET_BOUNDED.contains(f)) {
          continue;
        }
        Boolean v = f.valueIn(g.scenario());
        if (v == null) {
          out.add(new Flip(g, f, null, true));
          out.add(new Flip(g, f, null, false));
        } else {
          out.add(new Flip(g, f, v, !v));
        }
      }
    }
    return out;
  }

  /** The scenario with twice its expected attendance (or capacity, when that is all it gives). */
  static Scenario doubled(Scenario s) {
    EventInfo e = s.event();
    return s.withEvent(
        new EventInfo(e.type(), 2 * s.attendance(), e.internationalProfile(), e.entryChecks()));
  }

  static Assessment assess(Scenario s) {
    return ENGINE.assess(s);
  }

  @Provide
  Arbitrary<Flip> flip() {
    return Arbitraries.of(flips());
  }

  @Provide
  Arbitrary<Golden> golden() {
    return Arbitraries.of(goldens());
  }

  @Property(tries = 2000, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
  void oneYesNoAnswerMovesTheResidualScoreByAtMost20Points(@ForAll("flip") Flip flip) {
    double before = assess(flip.golden().scenario()).score();
    double after = assess(flip.flipped()).score();
    assertThat(Math.abs(after - before))
        .as("%s: residual score %.1f -> %.1f", flip, before, after)
        .isLessThanOrEqualTo(MAX_MOVE);
  }

  @Property(tries = 200, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
  void doublingTheCrowdMovesTheResidualScoreByAtMost20Points(@ForAll("golden") Golden g) {
    Scenario s = g.scenario();
    double before = assess(s).score();
    double after = assess(doubled(s)).score();
    assertThat(Math.abs(after - before))
        .as(
            "%s: %d -> %d people, residual score %.1f -> %.1f",
            g, s.attendance(), 2 * s.attendance(), before, after)
        .isLessThanOrEqualTo(MAX_MOVE);
  }

  @Property(tries = 200, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
  void aLargerCrowdNeverLowersTheConsequencePoints(@ForAll("golden") Golden g) {
    Scenario s = g.scenario();
    Assessment before = assess(s);
    Assessment after = assess(doubled(s));
    assertThat(after.inherent().consequence().points())
        .as(
            "%s: inherent consequence points, %d -> %d people",
            g, s.attendance(), 2 * s.attendance())
        .isGreaterThanOrEqualTo(before.inherent().consequence().points());
    assertThat(after.residual().consequence().points())
        .as(
            "%s: residual consequence points, %d -> %d people",
            g, s.attendance(), 2 * s.attendance())
        .isGreaterThanOrEqualTo(before.residual().consequence().points());
  }
}
