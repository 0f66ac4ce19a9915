package io.venuerisk.io;

import io.venuerisk.model.Assessment;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: one full assessment (the result contract of {@link AssessmentJson}) per line, then
 * one line per rejected record holding its problem object ({@link Rejections#problem}): a row has
 * {@code score}, a rejection {@code type} and {@code detail}.
 */
public final class JsonLinesReport implements BatchReport {
  private Writer out;

  @Override
  public String row(Assessment a) {
    return Json.compact(AssessmentJson.of(a)) + "\n";
  }

  @Override
  public void begin(Writer out) {
    this.out = out;
  }

  @Override
  public void add(String row) throws IOException {
    out.write(row);
  }

  @Override
  public void end(BatchSummary summary) throws IOException {
    try {
      summary
          .rejections()
          .lines(
              line -> {
                try {
                  out.write(line);
                  out.write('\n');
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
