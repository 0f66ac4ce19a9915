package io.venuerisk.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.MeasurePlanner.Option;
import io.venuerisk.engine.MeasurePlanner.Plan;
import io.venuerisk.engine.MeasurePlanner.Step;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Dimension;

/** The JSON of {@code plan --format json}, for the command and for the server. */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectNode json(Plan p) {
    Assessment b = p.baseline();
    ObjectNode o = AssessmentJson.mapper().createObjectNode();
    o.put("id", b.id());
    o.put("score", b.score());
    o.put("tier", b.tier().name());
    o.put("targetTier", p.target().name());
    ArrayNode inPlace = o.putArray("inPlace");
    b.scenario().measures().forEach(m -> inPlace.add(m.code()));
    ArrayNode options = o.putArray("options");
    for (Option opt : p.options()) {
      ObjectNode x = options.addObject();
      x.put("measure", opt.measure().code());
      x.put("score", opt.after().score());
      x.put("tier", opt.after().tier().name());
      x.put("reduction", opt.reduction());
      x.put("rawReduction", opt.rawReduction());
    }
    ObjectNode plan = o.putObject("plan");
    plan.put("reached", p.reached());
    ArrayNode steps = plan.putArray("steps");
    for (Step st : p.steps()) {
      ObjectNode x = steps.addObject();
      x.put("measure", st.measure().code());
      x.put("score", st.after().score());
      x.put("tier", st.after().tier().name());
    }
    plan.put("finalScore", p.end().score());
    plan.put("finalTier", p.end().tier().name());
    ObjectNode floor = o.putObject("allMeasures");
    floor.put("score", p.floor().score());
    floor.put("tier", p.floor().tier().name());
    ObjectNode dims = floor.putObject("dimensions");
    for (Dimension d : Dimension.values()) {
      if (d != Dimension.NONE) {
        dims.put(d.code(), p.floor().dimensions().getOrDefault(d, 0));
      }
    }
    floor.put("threatContext", p.threatContext());
    return o;
  }
}
