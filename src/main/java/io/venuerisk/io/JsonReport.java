package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A JSON array of full assessments, streamed element by element yet byte for byte what {@code
 * assess --format json} prints for several files: the same pretty printer, indented one level.
 * Rejected records follow the assessments as problem objects ({@link Rejections#problem}), as in
 * JSON Lines. Not indented, it is the same array on one line, as an HTTP client gets it unless it
 * asks for indentation.
 */
public final class JsonReport implements BatchReport {
  private final boolean indent;
  private Writer out;
  private boolean first = true;

  /** The report {@code batch --format json} prints. */
  public JsonReport() {
    this(true);
  }

  /**
   * @param indent false for the array on one line
   */
  public JsonReport(boolean indent) {
    this.indent = indent;
  }

  @Override
  public String row(Assessment a) {
    return row(AssessmentJson.of(a));
  }

  private String row(Object value) {
    if (!indent) {
      return Json.compact(value);
    }
    StringWriter w = new StringWriter();
    try {
      Json.write(w, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String pretty = w.toString().stripTrailing();
    return "  " + pretty.replace("\n", "\n  ");
  }

  @Override
  public void begin(Writer out) throws IOException {
    this.out = out;
    out.write('[');
  }

  @Override
  public void add(String row) throws IOException {
    out.write(indent ? (first ? "\n" : ",\n") : (first ? "" : ","));
    first = false;
    out.write(row);
  }

  @Override
  public void end(BatchSummary summary) throws IOException {
    try {
      summary
          .rejections()
          .each(
              p -> {
                try {
                  add(row(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.write(!indent ? "]" : first ? " ]\n" : "\n]\n");
  }
}
