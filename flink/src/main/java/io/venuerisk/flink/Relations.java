package io.venuerisk.flink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by event id: an event's latest version and every event it meets (by meeting key), and,
 * broadcast to every task, the threat-level changes so far. When any of these changes, the event is
 * due to be scored again: a {@link Request} goes to the scoring operator.
 *
 * <p>When: with {@link Pipeline.Emit#FINAL}, once, at the end of a bounded input (an event-time
 * timer at the end of time, which the end of input fires), so each event gives one result, as batch
 * does. With {@link Pipeline.Emit#CHANGES}, after {@code debounceMillis} of processing time (every
 * change of that window in one scoring), and again after each later change: the output is an upsert
 * stream by event id; the last result of an id is its current one. A threat-level change re-scores
 * at once the events of its country on its days and on the days of the earlier rows it cuts.
 */
final class Relations extends KeyedBroadcastProcessFunction<String, Msg, ThreatRow, Request> {
  private static final long serialVersionUID = 1L;
  static final MapStateDescriptor<String, ThreatRow[]> THREAT_LEVELS =
      new MapStateDescriptor<>(
          "threat-levels", Types.STRING, TypeInformation.of(ThreatRow[].class));
  private static final String ROWS = "rows";
  private static final ThreatRow[] NONE = new ThreatRow[0];
  private static final ValueStateDescriptor<Msg> OWN =
      new ValueStateDescriptor<>("own", TypeInformation.of(Msg.class));

  private final Pipeline.Emit emit;
  private final long debounceMillis;
  private transient ValueState<Msg> own;

  /** Key: meeting key, newline, other event's id; value: its MET message (version and JSON). */
  private transient MapState<String, Msg> met;

  Relations(Pipeline.Emit emit, long debounceMillis) {
    this.emit = emit;
    this.debounceMillis = Math.max(1, debounceMillis);
  }

  @Override
  public void open(OpenContext context) {
    own = getRuntimeContext().getState(OWN);
    met =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("met", Types.STRING, TypeInformation.of(Msg.class)));
  }

  @Override
  public void processElement(Msg m, ReadOnlyContext ctx, Collector<Request> out) throws Exception {
    switch (m.kind) {
      case Msg.OWN -> own.update(m);
      case Msg.MET -> met.put(m.key + "\n" + m.id, m);
      case Msg.LEFT -> met.remove(m.key + "\n" + m.id);
      case Msg.CLEAR -> {
        String prefix = m.key + "\n";
        List<String> gone = new ArrayList<>();
        for (String k : met.keys()) {
          if (k.startsWith(prefix)) {
            gone.add(k);
          }
        }
        for (String k : gone) {
          met.remove(k);
        }
      }
      default -> throw new IllegalStateException("unexpected message kind " + m.kind);
    }
    if (own.value() == null) {
      return; // relations can arrive before the event's own version; it is scored when that comes
    }
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    if (emit == Pipeline.Emit.CHANGES) {
      long now = ctx.timerService().currentProcessingTime();
      // rounded up, so the changes of one window share one timer (timers are unique per time)
      ctx.timerService().registerProcessingTimeTimer((now / debounceMillis + 1) * debounceMillis);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Request> out) throws Exception {
    out.collect(request(rows(ctx.getBroadcastState(THREAT_LEVELS))));
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      // scored now; the end-of-input timer is only for changes still waiting then
      ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
    }
  }

  @Override
  public void processBroadcastElement(ThreatRow change, Context ctx, Collector<Request> out)
      throws Exception {
    BroadcastState<String, ThreatRow[]> state = ctx.getBroadcastState(THREAT_LEVELS);
    ThreatRow[] before = rows(state);
    ThreatRow[] rows = ThreatRow.apply(before, change);
    state.put(ROWS, rows);
    if (emit != Pipeline.Emit.CHANGES) {
      return; // every event is scored at the end, with the levels then in force
    }
    List<ThreatRow> touched = ThreatRow.touched(before, change);
    ctx.applyToKeyedState(
        OWN,
        (id, ownState) -> {
          Msg o = ownState.value();
          if (o != null && touched.stream().anyMatch(t -> t.covers(o.country, o.start, o.end))) {
            out.collect(request(rows));
          }
        });
  }

  private static ThreatRow[] rows(ReadOnlyBroadcastState<String, ThreatRow[]> state)
      throws Exception {
    ThreatRow[] rows = state.get(ROWS);
    return rows == null ? NONE : rows;
  }

  /** The current key's event with the latest version of every event it meets. */
  private Request request(ThreatRow[] rows) throws Exception {
    Msg o = own.value();
    Map<String, Msg> others = new LinkedHashMap<>();
    for (Msg m : met.values()) {
      Msg seen = others.get(m.id);
      if (seen == null || seen.version < m.version) {
        others.put(m.id, m);
      }
    }
    Request r = new Request();
    r.id = o.id;
    r.version = o.version;
    r.json = o.json;
    r.others = new Request.Other[others.size()];
    int i = 0;
    for (Msg m : others.values()) {
      Request.Other x = new Request.Other();
      x.id = m.id;
      x.version = m.version;
      x.json = m.json;
      r.others[i++] = x;
    }
    r.threatLevels = rows;
    return r;
  }
}
