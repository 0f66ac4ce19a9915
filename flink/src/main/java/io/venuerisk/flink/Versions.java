package io.venuerisk.flink;

import io.venuerisk.engine.Peers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by event id: the upsert. Keeps each event's latest version; a new version leaves the
 * meeting keys of the old one and joins its own, and goes on (side output {@link #OWN}) to be
 * scored. An event sent again unchanged changes nothing; of two versions, the one later in the
 * input wins, whichever reaches this stage first.
 */
final class Versions extends KeyedProcessFunction<String, Event, Msg> {
  private static final long serialVersionUID = 1L;
  static final OutputTag<Msg> OWN = new OutputTag<>("own", TypeInformation.of(Msg.class));

  private transient ValueState<Event> current;
  private transient ValueState<Long> version;

  @Override
  public void open(OpenContext context) {
    current =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("event", TypeInformation.of(Event.class)));
    version = getRuntimeContext().getState(new ValueStateDescriptor<>("version", Types.LONG));
  }

  @Override
  public void processElement(Event e, Context ctx, Collector<Msg> out) throws Exception {
    Event old = current.value();
    if (old != null && (e.seq < old.seq || Arrays.equals(old.json, e.json))) {
      return; // an earlier version that overtook the later one while being bound, or no change
    }
    Long v0 = version.value();
    long v = v0 == null ? 1 : v0 + 1;
    if (old != null) {
      for (String k : meetingKeys(old)) {
        out.collect(Msg.of(Msg.LEAVE, k, e.id, null, v - 1, null));
      }
    }
    for (String k : meetingKeys(e)) {
      out.collect(Msg.of(Msg.JOIN, k, e.id, null, v, e.json));
    }
    Msg own = Msg.of(Msg.OWN, e.id, e.id, null, v, e.json);
    own.country = e.country;
    own.start = e.start;
    own.end = e.end;
    ctx.output(OWN, own);
    current.update(e);
    version.update(v);
  }

  /**
   * The keys under which an event meets the events it may relate to ({@link Peers}): its city on
   * each of its days (events sharing a day), and its venue on each of its days and the {@link
   * Peers#MAX_GAP_DAYS} after (events back to back). Two events share a key exactly when they
   * overlap in one city, or follow each other at one venue within the gap, so every relation {@link
   * Peers#between} can find is found, and each meeting key holds the events of one city and day:
   * the work grows with the number of keys, not with the calendar.
   */
  static List<String> meetingKeys(Event e) {
    List<String> keys = new ArrayList<>();
    if (e.city != null) {
      for (long d = e.start; d <= e.end; d++) {
        keys.add("d|" + d + "|" + e.city);
      }
    }
    if (e.venue != null) {
      for (long d = e.start; d <= e.end + Peers.MAX_GAP_DAYS; d++) {
        keys.add("v|" + d + "|" + e.venue);
      }
    }
    return keys;
  }
}
