package io.venuerisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuerisk.engine.Engine;
import io.venuerisk.engine.RuleBase;
import io.venuerisk.engine.RuleSetDiff;
import io.venuerisk.engine.RuleSetDiff.FindingChange;
import io.venuerisk.engine.RuleSetDiff.RuleChange;
import io.venuerisk.engine.RuleSetDiff.ScenarioDiff;
import io.venuerisk.io.AssessmentJson;
import io.venuerisk.io.InputException;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.ScenarioFiles;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Scenario;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code venue-risk diff --rules A --rules B FILE...}: scores the same events with two rule sets
 * and shows which events change score or tier, and the rules that caused each change.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compare two rule sets over the same events.",
      "",
      "Score the same events with two rule sets, A and B, to review a rule change",
      "like a code change: the rules added, removed or edited (by id), each event",
      "whose score, tier or findings change, and the rules that caused it (findings",
      "added, removed or with changed points). FILE is a scenario file or a",
      "calendar (.json array, .jsonl, .csv, .ics with --venues); a calendar's events",
      "are scored together, so cross-event rules see each other as in batch.",
      "Differences are a normal result: the exit code is 0 whether or not there",
      "are any, unless --exit-code is given.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, with or without differences",
      "1:internal error (a bug; rerun with --verbose and report it)",
      "2:usage error (--rules not given exactly twice, an .ics file without --venues)",
      "3:invalid scenario file or record (each is reported, the others are compared)",
      "4:a rule folder does not compile, breaks a rule convention or is refused as unsafe",
      "8:with --exit-code: some event changes score or tier",
      "9:the rules fired more than --max-firings per event or ran past --rule-timeout",
    },
    footer = {
      "%nExample:%n  java -jar target/venue-risk.jar diff --rules shipped \\",
      "      --rules src/test/resources/rules-variants/points-changed scenarios/*.json",
    })
public final class DiffCommand implements Callable<Integer> {
  /** The value of --rules that names the rules shipped in the jar. */
  static final String SHIPPED = "shipped";

  @Spec CommandSpec spec;
  @Mixin FormatOption format;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      required = true,
      description = {
        "A rule folder; give it twice, A then B. The word \"" + SHIPPED + "\" names the rules"
            + " shipped in the jar (write ./" + SHIPPED + " for a folder of that name)."
      })
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Reference data folder (the files of data/) for both sides, instead of the shipped copy.")
  Path data;

  @Option(
      names = "--venues",
      paramLabel = "FILE",
      description = "Venue registry for calendars (needed for .ics): a JSON array of venue objects"
          + " with an id, as for batch.")
  Path venues;

  @Option(
      names = "--exit-code",
      description = "Exit with 8 when some event changes score or tier (for scripts and CI).")
  boolean exitCode;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Scenario files or calendars (.json array, .jsonl, .csv, .ics).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    if (rules.size() != 2) {
      throw new ParameterException(spec.commandLine(),
          "diff needs --rules exactly twice (A then B), got " + rules.size());
    }
    // one after the other on one thread: the two builds share the compiler, and reading the
    // events overlaps them anyway
    CompletableFuture<RuleBase[]> bases =
        CompletableFuture.supplyAsync(() -> new RuleBase[] {load(rules.get(0)), load(rules.get(1))});
    ReferenceData ref = data == null ? ReferenceData.bundled() : ReferenceData.load(data);
    ScenarioJson json = new ScenarioJson(ref);
    VenueRegistry registry = venues == null ? null : VenueRegistry.read(venues);
    PrintWriter err = spec.commandLine().getErr();
    List<List<Scenario>> groups = new ArrayList<>();
    int rejected = 0;
    for (Path f : files) {
      List<InputException> bad = new ArrayList<>();
      try {
        groups.add(read(json, registry, f, bad::add));
      } catch (InputException e) {
        if (files.size() == 1) {
          throw e;
        }
        bad.add(e);
      }
      for (InputException e : bad) {
        err.println("venue-risk: " + e.getMessage());
      }
      rejected += bad.size();
    }
    RuleBase[] rb = EngineOptions.join(bases);
    Engine a = new Engine(rb[0], ref);
    Engine b = new Engine(rb[1], ref);
    List<RuleChange> ruleChanges = RuleSetDiff.rules(rb[0].rules(), rb[1].rules());
    List<ScenarioDiff> diffs = new ArrayList<>();
    for (List<Scenario> group : groups) {
      // one file, one group: a scenario file scores as assess scores it, a calendar's events
      // see each other through the cross-event rules as in batch
      List<Assessment> before = a.assessGroup(group, null);
      List<Assessment> after = b.assessGroup(group, null);
      for (int i = 0; i < group.size(); i++) {
        diffs.add(RuleSetDiff.scenario(before.get(i), after.get(i)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.format == FormatOption.Format.json) {
      AssessmentJson.write(out, json(rb, ruleChanges, diffs));
    } else {
      text(out, rb, ruleChanges, diffs);
    }
    out.flush();
    if (rejected > 0) {
      err.println("venue-risk: " + rejected + " scenario(s) could not be read and were not compared");
      return ExitCodes.INPUT;
    }
    boolean moved = diffs.stream().anyMatch(d -> d.scoreChanged() || d.tierChanged());
    return exitCode && moved ? ExitCodes.CHANGED : ExitCodes.OK;
  }

  /**
   * The events of one file: a scenario file (any extension but those of calendars; a .json file
   * that holds one object), or a calendar read by the batch readers.
   */
  private List<Scenario> read(
      ScenarioJson json, VenueRegistry registry, Path f, java.util.function.Consumer<InputException> bad) {
    CalendarFormat fmt = CalendarFormat.of(f).orElse(null);
    if (fmt == null || (fmt == CalendarFormat.json && !startsWithArray(f))) {
      return List.of(ScenarioFiles.read(json, f));
    }
    if (fmt == CalendarFormat.ics && registry == null) {
      throw new ParameterException(spec.commandLine(),
          "iCalendar events name their venue in LOCATION: give the venue registry with --venues FILE");
    }
    List<Scenario> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(f)) {
      fmt.reader(json, registry).read(f.toString(), in, new CalendarReader.Sink() {
        @Override
        public void scenario(Scenario scenario, long record, long line) {
          out.add(scenario);
        }

        @Override
        public void rejected(InputException error) {
          bad.accept(error);
        }
      });
    } catch (NoSuchFileException e) {
      throw InputException.of(f.toString(), "no such file");
    } catch (IOException e) {
      throw InputException.of(f.toString(), "cannot read: " + e.getMessage());
    }
    return out;
  }

  /** Whether a .json file holds an array (a calendar) rather than one scenario object. */
  private static boolean startsWithArray(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
      return c == '[';
    } catch (IOException e) {
      return false; // ScenarioFiles reports why it cannot be read
    }
  }

  static RuleBase load(String spec) {
    return SHIPPED.equals(spec) ? RuleBase.shipped() : RuleBase.fromFolder(Path.of(spec));
  }

  private static String name(RuleBase r) {
    return r.origin();
  }

  private static void text(PrintWriter out, RuleBase[] rb, List<RuleChange> ruleChanges, List<ScenarioDiff> diffs) {
    out.println("A: " + name(rb[0]));
    out.println("B: " + name(rb[1]));
    out.println();
    out.println("Rules (B against A)");
    if (ruleChanges.isEmpty()) {
      out.println("  no rule added, removed or edited");
    }
    for (RuleChange c : ruleChanges) {
      String what = switch (c.kind()) {
        case "added" -> "added    " + c.id() + "  " + c.after().file() + ":" + c.after().line()
            + String.format("  %+d", c.after().meta().points());
        case "removed" -> "removed  " + c.id() + "  was " + c.before().file() + ":" + c.before().line();
        default -> "changed  " + c.id() + "  " + String.join("; ", c.changes());
      };
      out.println("  " + what);
    }
    out.println();
    List<ScenarioDiff> changed = diffs.stream().filter(ScenarioDiff::changed).toList();
    out.println("Events (" + diffs.size() + " compared)");
    for (ScenarioDiff d : changed) {
      Assessment x = d.before();
      Assessment y = d.after();
      String tier = d.tierChanged() ? "  TIER " + x.tier() + " -> " + y.tier() : "";
      out.printf("  %s  %d %s -> %d %s  (%+d)%s%n", x.id(), x.score(), x.tier(), y.score(), y.tier(),
          y.score() - x.score(), tier);
      for (FindingChange c : d.causes()) {
        String rule = c.rule() + (c.exposure() == null ? "" : " [" + c.exposure().code() + "]");
        String change = switch (c.kind()) {
          case "added" -> String.format("added, %+d", c.pointsAfter());
          case "removed" -> String.format("removed, was %+d", c.pointsBefore());
          default -> String.format("%+d -> %+d", c.pointsBefore(), c.pointsAfter());
        };
        out.printf("      %-36s %s%n", rule, change);
      }
      if (!d.scoreChanged() && !d.tierChanged()) {
        out.println("      (findings changed; the score did not)");
      }
    }
    if (changed.isEmpty()) {
      out.println("  no event changes");
    }
    out.println();
    out.println(summary(diffs));
  }

  static String summary(List<ScenarioDiff> diffs) {
    long score = diffs.stream().filter(ScenarioDiff::scoreChanged).count();
    long tier = diffs.stream().filter(ScenarioDiff::tierChanged).count();
    long same = diffs.stream().filter(d -> !d.changed()).count();
    return diffs.size() + " events: " + score + " change score, " + tier + " change tier, "
        + same + " unchanged";
  }

  private static ObjectNode json(RuleBase[] rb, List<RuleChange> ruleChanges, List<ScenarioDiff> diffs) {
    ObjectNode o = AssessmentJson.mapper().createObjectNode();
    o.put("a", name(rb[0]));
    o.put("b", name(rb[1]));
    ArrayNode rc = o.putArray("ruleChanges");
    for (RuleChange c : ruleChanges) {
      ObjectNode x = rc.addObject();
      x.put("rule", c.id());
      x.put("change", c.kind());
      ArrayNode what = x.putArray("details");
      c.changes().forEach(what::add);
    }
    ArrayNode events = o.putArray("events");
    for (ScenarioDiff d : diffs) {
      if (!d.changed()) {
        continue;
      }
      ObjectNode x = events.addObject();
      x.put("id", d.before().id());
      x.put("scoreA", d.before().score());
      x.put("tierA", d.before().tier().name());
      x.put("scoreB", d.after().score());
      x.put("tierB", d.after().tier().name());
      x.put("scoreChange", d.after().score() - d.before().score());
      x.put("tierChanged", d.tierChanged());
      ArrayNode causes = x.putArray("causes");
      for (FindingChange c : d.causes()) {
        ObjectNode y = causes.addObject();
        y.put("rule", c.rule());
        if (c.exposure() != null) {
          y.put("exposure", c.exposure().code());
        }
        y.put("change", c.kind());
        y.put("pointsA", c.pointsBefore());
        y.put("pointsB", c.pointsAfter());
      }
    }
    ObjectNode s = o.putObject("summary");
    s.put("events", diffs.size());
    s.put("scoreChanged", diffs.stream().filter(ScenarioDiff::scoreChanged).count());
    s.put("tierChanged", diffs.stream().filter(ScenarioDiff::tierChanged).count());
    s.put("unchanged", diffs.stream().filter(d -> !d.changed()).count());
    return o;
  }
}
