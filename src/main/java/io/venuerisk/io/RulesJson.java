package io.venuerisk.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.RuleInfo;
import java.util.List;

/** The JSON of {@code rules --format json}, the rule catalogue, for the command and for the server. */
public final class RulesJson {
  private RulesJson() {}

  public static ArrayNode catalogue(List<RuleInfo> rules) {
    ArrayNode arr = AssessmentJson.mapper().createArrayNode();
    for (RuleInfo r : rules) {
      ObjectNode o = arr.addObject();
      o.put("id", r.meta().id());
      o.put("title", r.meta().title());
      o.put("file", r.file());
      o.put("line", r.line());
      o.put("category", r.meta().category().code());
      o.put("points", r.meta().points());
      ArrayNode cites = o.putArray("cites");
      r.meta().cites().forEach(cites::add);
      ArrayNode measures = o.putArray("measures");
      r.meta().measures().forEach(m -> measures.add(m.code()));
    }
    return arr;
  }
}
