package io.venuerisk.flink;

import io.venuerisk.io.CalendarReader;
import io.venuerisk.io.ContextFile;
import io.venuerisk.model.InputException;
import io.venuerisk.model.ThreatLevelPeriod;
import io.venuerisk.reference.DeclaredContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads each line of the threat-level stream as a context document ({@code --context}'s JSON form,
 * docs/context.md) holding {@code threatLevels} rows, checked exactly as a context file is; a bad
 * line goes to the rejected side output, placed at its line. Runs as one task, so every scoring
 * task sees the changes in the same order.
 */
final class ParseThreatLevels extends ProcessFunction<RawRecord, ThreatRow> {
  private static final long serialVersionUID = 1L;
  private final OutputTag<String> rejected;

  ParseThreatLevels(OutputTag<String> rejected) {
    this.rejected = rejected;
  }

  @Override
  public void processElement(RawRecord r, Context ctx, Collector<ThreatRow> out) {
    if (r.error != null) {
      ctx.output(rejected, r.error);
      return;
    }
    DeclaredContext c;
    try {
      c = ContextFile.read(r.file, r.bytes, Engines.data());
    } catch (InputException e) {
      // the document is one line: its line 1 is the record's line
      ctx.output(rejected, CalendarReader.place(e, 0, r.line, r.line - 1).getMessage());
      return;
    }
    if (!c.highProfileEvents().isEmpty()
        || !c.tensionPeriods().isEmpty()
        || c.threatLevels().isEmpty()) {
      ctx.output(
          rejected,
          new InputException(
                  r.file,
                  r.line,
                  0,
                  0,
                  null,
                  "expected a context document with threatLevels rows only; high-profile events and"
                      + " tension periods are not changes the job follows")
              .getMessage());
      return;
    }
    for (ThreatLevelPeriod p : c.threatLevels()) {
      out.collect(ThreatRow.of(p));
    }
  }
}
