package io.venuerisk.flink;

import io.venuerisk.io.JsonLinesCalendar;
import io.venuerisk.io.ScenarioLines;
import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Binds each record as {@code batch} binds it: a valid scenario goes on as an {@link Event}, a bad
 * one to the rejected side output with batch's message, a warning to the warnings side output.
 * Nothing a record holds stops the job. With a venue registry, a JSON Lines record that names only
 * {@code venue.id} is completed from it, and the event carries the completed scenario as JSON Lines
 * ({@link ScenarioLines}), so that every later stage binds it without the registry. Records are
 * bound on every task, so two versions of one event may overtake each other here: each carries its
 * place in the input ({@link RawRecord#seq}) for {@link Versions} to order them.
 */
final class ParseEvents extends ProcessFunction<RawRecord, Event> {
  private static final long serialVersionUID = 1L;
  private final OutputTag<String> rejected;
  private final OutputTag<String> warnings;
  private final WholeFileFormat.Registry venues;
  private transient JsonLinesCalendar calendar;
  private transient JsonLinesCalendar withVenues;

  /**
   * @param venues the venue registry, or null
   */
  ParseEvents(
      OutputTag<String> rejected, OutputTag<String> warnings, WholeFileFormat.Registry venues) {
    this.rejected = rejected;
    this.warnings = warnings;
    this.venues = venues;
  }

  @Override
  public void open(OpenContext context) {
    calendar = Engines.calendar();
    withVenues =
        venues == null ? null : new JsonLinesCalendar(Engines.json(), Engines.venues(venues));
  }

  @Override
  public void processElement(RawRecord r, Context ctx, Collector<Event> out) {
    if (r.error != null) {
      ctx.output(rejected, r.error);
      return;
    }
    if (r.warning != null) {
      ctx.output(warnings, r.warning);
      return;
    }
    boolean complete = r.bound || withVenues == null;
    Scenario s;
    try {
      s =
          (complete ? calendar : withVenues)
              .bind(r.file, new JsonLinesCalendar.Record(r.record, r.line, r.bytes, null));
    } catch (InputException e) {
      ctx.output(rejected, e.getMessage());
      return;
    }
    out.collect(Event.of(s, complete ? r.bytes : ScenarioLines.bytes(s), r.seq));
  }
}
