package io.venuerisk.cli;

import io.venuerisk.io.CoverageReport;
import io.venuerisk.reference.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code venue-risk data}: each reference table, its rows, the period it covers and its sources.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List the reference tables and the period each covers.",
      "",
      "For each file of data/ (or of --data DIR): its rows, the period it covers (per country",
      "for national threat levels) and where its facts come from. An event dated outside a",
      "table's period is still scored, with a note naming the table and where it ends.",
    },
    footer = {"%nExample:%n  java -jar target/venue-risk.jar data --format md"})
public final class DataCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    md
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Reference data folder (the files of data/) instead of the shipped copy.")
  Path data;

  @Override
  public Integer call() throws IOException {
    ReferenceData ref = data == null ? ReferenceData.bundled() : ReferenceData.load(data);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case text -> CoverageReport.text(out, ref);
      case md -> CoverageReport.markdown(out, ref);
      case json -> CoverageReport.json(out, ref);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
