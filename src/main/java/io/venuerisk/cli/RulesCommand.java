package io.venuerisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Coverage;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleInfo;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code venue-risk rules}: the rule catalogue and the guide-statement coverage matrix. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List the loaded rules (id, title, file:line, category, points, cites, measures),",
      "or with --coverage every guide statement with the rules that encode it, or why none can.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error", "2:usage error", "4:rule folder does not compile"},
    footer = {"%nExample:%n  java -jar target/venue-risk.jar rules --coverage --format md"})
public final class RulesCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    md
  }

  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--coverage", description = "Show the guide-statement coverage matrix.")
  boolean coverage;

  @Override
  public Integer call() throws IOException {
    RuleBase rules = EngineOptions.join(engineOptions.startRules());
    ReferenceData data = engineOptions.referenceData();
    PrintWriter out = spec.commandLine().getOut();
    if (coverage) {
      Coverage c = Coverage.of(rules, data.statements().values());
      switch (format) {
        case text -> c.writeText(out);
        case md -> c.writeMarkdown(out);
        case json -> AssessmentJson.write(out, c.toJson());
      }
    } else {
      catalogue(out, rules.rules());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void catalogue(PrintWriter out, List<RuleInfo> rules) throws IOException {
    switch (format) {
      case json -> {
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
        AssessmentJson.write(out, arr);
      }
      case md -> {
        out.println("| id | title | file | category | points | cites | measures |");
        out.println("|---|---|---|---|---|---|---|");
        for (RuleInfo r : rules) {
          out.printf("| %s | %s | %s:%d | %s | %d | %s | %s |%n", r.meta().id(), r.meta().title(),
              r.file(), r.line(), r.meta().category().code(), r.meta().points(),
              String.join(" ", r.meta().cites()), measures(r));
        }
      }
      case text -> {
        for (RuleInfo r : rules) {
          out.printf("%-26s %-15s %+4d  %-20s %s%n", r.meta().id(), r.meta().category().code(),
              r.meta().points(), r.file() + ":" + r.line(), r.meta().title());
          out.printf("%-26s cites %s%s%n", "", String.join(" ", r.meta().cites()),
              r.meta().measures().isEmpty() ? "" : "; measures " + measures(r));
        }
        out.println();
        out.println(rules.size() + " rules");
      }
    }
  }

  private static String measures(RuleInfo r) {
    return r.meta().measures().stream().map(m -> m.code()).collect(Collectors.joining(" "));
  }
}
