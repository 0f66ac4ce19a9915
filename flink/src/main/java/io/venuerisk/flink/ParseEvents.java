package io.venuerisk.flink;

import io.venuerisk.io.JsonLinesCalendar;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Binds each record as {@code batch} binds it: a valid scenario goes on as an {@link Event}, a bad
 * one to the rejected side output with batch's message. Nothing a record holds stops the job.
 * Records are bound on every task, so two versions of one event may overtake each other here: each
 * carries its place in the input ({@link RawRecord#seq}) for {@link Versions} to order them.
 */
final class ParseEvents extends ProcessFunction<RawRecord, Event> {
  private static final long serialVersionUID = 1L;
  private final OutputTag<String> rejected;
  private transient JsonLinesCalendar calendar;

  ParseEvents(OutputTag<String> rejected) {
    this.rejected = rejected;
  }

  @Override
  public void open(OpenContext context) {
    calendar = Engines.calendar();
  }

  @Override
  public void processElement(RawRecord r, Context ctx, Collector<Event> out) {
    if (r.error != null) {
      ctx.output(rejected, r.error);
      return;
    }
    Scenario s;
    try {
      s = calendar.bind(r.file, new JsonLinesCalendar.Record(r.record, r.line, r.bytes, null));
    } catch (InputException e) {
      ctx.output(rejected, e.getMessage());
      return;
    }
    out.collect(Event.of(s, r.bytes, r.seq));
  }
}
