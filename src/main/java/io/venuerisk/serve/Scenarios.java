package io.venuerisk.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.Explanation;
import io.venuerisk.engine.MeasurePlanner;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.ExplainReport;
import io.venuerisk.io.JsonArrayCalendar;
import io.venuerisk.io.Limits;
import io.venuerisk.io.PlanReport;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Measure;
import io.venuerisk.model.Scenario;
import io.venuerisk.model.Tier;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The scenario routes: {@code /api/assess} and {@code /api/validate} (a scenario, or an array of
 * them), {@code /api/explain} and {@code /api/plan} (one scenario). Each reads with the same reader
 * as the command line, with the same messages, and answers with what the command prints with {@code
 * --format json}: on one line, or byte for byte when the client asks for indentation.
 */
final class Scenarios {
  /** What a body holds: one scenario (an object) or several (an array). */
  record Parsed(boolean array, List<Scenario> scenarios) {}

  private final ScenarioJson json;
  private final Scorer scorer;
  private final Engine engine;

  Scenarios(ScenarioJson json, Scorer scorer, Engine engine) {
    this.json = json;
    this.scorer = scorer;
    this.engine = engine;
  }

  /**
   * Reads a body as {@code assess} reads a file (an object) or as {@code batch} reads a JSON array
   * (each element named by record number); any bad element refuses the whole request.
   *
   * @throws Problem with the first error, and every error in {@code errors}
   */
  Parsed parse(String name, byte[] bytes) {
    if (CalendarFormat.opensArray(bytes)) {
      List<Scenario> scenarios = new ArrayList<>();
      List<InputException> errors = new ArrayList<>();
      new JsonArrayCalendar(json, null)
          .read(
              name,
              new ByteArrayInputStream(bytes),
              new io.venuerisk.io.CalendarReader.Sink() {
                @Override
                public void scenario(Scenario scenario, long record, long line) {
                  scenarios.add(scenario);
                }

                @Override
                public void rejected(InputException error) {
                  errors.add(error);
                }
              });
      if (!errors.isEmpty()) {
        throw Problem.of(errors);
      }
      return new Parsed(true, scenarios);
    }
    if (bytes.length > Limits.MAX_SCENARIO_FILE_BYTES) {
      // the message assess gives for a scenario file over the limit
      throw Problem.tooLarge(ScenarioJson.tooLarge(name, Limits.MAX_SCENARIO_FILE_BYTES));
    }
    return new Parsed(false, List.of(json.read(name, bytes)));
  }

  void assess(Call call) {
    call.requireJson();
    String name = call.inputName();
    call.body(
        bytes -> {
          Parsed p = parse(name, bytes);
          List<CompletableFuture<Assessment>> futures = new ArrayList<>(p.scenarios().size());
          for (Scenario s : p.scenarios()) {
            futures.add(scorer.assess(s));
          }
          CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
              .whenComplete(
                  (v, err) ->
                      call.guard(
                          () -> {
                            if (err != null) {
                              throw new IllegalStateException("scoring failed", err);
                            }
                            List<Assessment> results =
                                futures.stream().map(CompletableFuture::join).toList();
                            // an object for one scenario, an array for several, as assess prints
                            // one file or several
                            call.json(200, AssessmentJson.value(results, !p.array()));
                          }));
        });
  }

  /** One scenario, as {@code explain} takes one file: an array is refused. */
  private Scenario one(String name, byte[] bytes, String route) {
    Parsed p = parse(name, bytes);
    if (p.array()) {
      throw Problem.of(
          Problem.Type.BAD_REQUEST,
          route + " explains one scenario: send an object," + " not an array");
    }
    return p.scenarios().get(0);
  }

  /**
   * As {@code explain --format json}: every rule that fired, the facts it matched, and the rest.
   */
  void explain(Call call) {
    call.requireJson();
    String name = call.inputName();
    call.body(
        bytes -> {
          Scenario s = one(name, bytes, "/api/explain");
          Explanation x = Explanation.of(engine, s);
          call.json(200, ExplainReport.json(x, engine.data().statements()));
        });
  }

  /**
   * As {@code plan --format json}, with {@code targetTier} for {@code --target-tier} and {@code
   * exclude} (codes separated by commas, or the parameter repeated) for {@code --exclude}.
   */
  void plan(Call call) {
    call.requireJson();
    String name = call.inputName();
    String target = call.query("targetTier");
    Tier goal = null;
    if (target != null) {
      goal =
          Tier.parse(target)
              .orElseThrow(
                  () ->
                      Problem.of(
                          Problem.Type.BAD_REQUEST,
                          "targetTier: unknown tier '"
                              + target
                              + "'; expected one of LOW, MODERATE, ELEVATED, HIGH, SEVERE"));
    }
    Set<Measure> excluded = EnumSet.noneOf(Measure.class);
    for (String value : call.queryAll("exclude")) {
      for (String code : value.split(",", -1)) {
        if (code.isBlank()) {
          continue; // "exclude=" from a form with nothing ticked
        }
        excluded.add(
            Measure.parse(code)
                .orElseThrow(
                    () ->
                        Problem.of(Problem.Type.BAD_REQUEST, "exclude: " + Measure.unknown(code))));
      }
    }
    Tier asked = goal;
    call.body(
        bytes -> {
          Scenario s = one(name, bytes, "/api/plan");
          Tier to = asked != null ? asked : MeasurePlanner.defaultTarget(engine.assess(s).tier());
          MeasurePlanner.Plan plan = new MeasurePlanner(engine).plan(s, to, excluded);
          call.json(200, PlanReport.json(plan));
        });
  }

  /**
   * Reads without scoring: {@code {"valid": true}}, or {@code {"valid": false, "problem": ...}}
   * with the problem {@code assess} would answer, for a page that checks as the user types.
   */
  void validate(Call call) {
    call.requireJson();
    String name = call.inputName();
    call.body(
        bytes -> {
          ObjectNode o = JsonNodeFactory.instance.objectNode();
          try {
            Parsed p = parse(name, bytes);
            o.put("valid", true);
            o.put("scenarios", p.scenarios().size());
          } catch (Problem e) {
            o.put("valid", false);
            o.set("problem", e.body);
          } catch (InputException e) {
            o.put("valid", false);
            o.set("problem", Problem.of(e).body);
          }
          call.json(200, o);
        });
  }
}
