package io.venuerisk.cli;

import io.venuerisk.io.AtomicOutput;
import io.venuerisk.io.CalendarConversion;
import io.venuerisk.io.CalendarFormat;
import io.venuerisk.io.ScenarioJson;
import io.venuerisk.io.VenueRegistry;
import io.venuerisk.model.OutputException;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code venue-risk convert CALENDAR... --to jsonl}: any calendar as scenario JSON Lines. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Write a calendar as scenario JSON Lines, for other pipelines.",
      "",
      "Read a calendar as batch reads it (JSON array, JSON Lines, CSV with dotted headers, or",
      "iCalendar joined to a venue registry: recurring events expanded, venues filled in from the",
      "registry) and write one complete scenario per line, the input the Flink job and POST",
      "/api/batch take. Records that cannot be read are reported on stderr, one line each, and",
      "left out (exit code 5), as batch reports them. See docs/batch.md.",
    },
    footer = {
      "%nExamples:",
      "  java -jar target/venue-risk.jar convert scenarios/calendars/euro-2024.csv --to jsonl",
      "  java -jar target/venue-risk.jar convert scenarios/calendars/birmingham-2026.ics \\",
      "      --venues scenarios/calendars/birmingham-2026-venues.json --to jsonl --out birmingham.jsonl",
    })
public final class ConvertCommand implements Callable<Integer> {
  /** What a calendar can be converted to. */
  enum Target {
    jsonl
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "CALENDAR",
      arity = "1..*",
      description =
          "Calendar files, written in the order given; the format comes from the extension"
              + " (.json, .jsonl, .csv, .ics).")
  List<Path> files;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      required = true,
      description = "Output format: ${COMPLETION-CANDIDATES} (one scenario object per line).")
  Target to;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Write here (through a temporary file renamed when complete) instead of stdout.")
  Path out;

  @Option(
      names = "--venues",
      paramLabel = "FILE",
      description =
          "Venue registry: a JSON array of venue objects with an id. iCalendar LOCATION"
              + " names a venue by id or name; other formats may give only venue.id. The"
              + " output holds each venue in full.")
  Path venues;

  @Mixin DateOrderOption dateOrder = new DateOrderOption();

  @Option(
      names = "--input-format",
      paramLabel = "F",
      description =
          "Read every CALENDAR as ${COMPLETION-CANDIDATES} instead of going by extension.")
  CalendarFormat inputFormat;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Reference data folder (the files of data/) to check records against, instead of the"
              + " shipped copy.")
  Path data;

  @Override
  public Integer call() {
    List<CalendarConversion.Input> inputs = new ArrayList<>();
    List<CalendarFormat> formats = new ArrayList<>();
    for (Path f : files) {
      CalendarFormat fmt = CalendarInputs.format(spec.commandLine(), f, inputFormat);
      CalendarInputs.readable(f, false);
      formats.add(fmt);
      inputs.add(new CalendarConversion.Input(f, fmt));
    }
    CalendarInputs.venuesFor(spec.commandLine(), formats, venues);
    ScenarioJson json =
        dateOrder.calendars(
            new ScenarioJson(data == null ? ReferenceData.bundled() : ReferenceData.load(data)));
    VenueRegistry registry = venues == null ? null : VenueRegistry.read(venues);
    PrintWriter err = spec.commandLine().getErr();
    CalendarConversion.Counts n;
    io.venuerisk.io.RejectionSummary tally = new io.venuerisk.io.RejectionSummary();
    try (AtomicOutput output = AtomicOutput.to(out, spec.commandLine().getOut())) {
      n =
          CalendarConversion.toJsonLines(
              json,
              registry,
              inputs,
              output.open(),
              e -> {
                tally.add(e);
                err.println("venue-risk: " + e.getMessage());
              },
              w -> err.println("venue-risk: warning: " + w.getMessage()));
      tally.summary(n.written() + n.rejected()).ifPresent(l -> err.println("venue-risk: " + l));
      if (n.written() == 0 && n.rejected() > 0) {
        err.println(
            "venue-risk: 0 events written, "
                + n.rejected()
                + " rejected; nothing written, since no record could be read"
                + (out == null ? "" : " (" + out + " untouched)"));
        err.flush();
        return ExitCodes.INPUT;
      }
      output.commit();
    } catch (IOException e) {
      throw new OutputException(
          "cannot write " + (out == null ? "the output" : out) + ": " + e.getMessage(), e);
    }
    err.println(
        "venue-risk: "
            + n.written()
            + (n.written() == 1 ? " event" : " events")
            + " written, "
            + n.rejected()
            + " rejected"
            + (n.warnings() == 0
                ? ""
                : ", " + n.warnings() + (n.warnings() == 1 ? " warning" : " warnings"))
            + (out == null ? "" : "; wrote " + out));
    err.flush();
    return n.rejected() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
  }
}
