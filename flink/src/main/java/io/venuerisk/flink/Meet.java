package io.venuerisk.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by meeting key (a city and day, or a venue and day): holds the events there and tells each
 * event, by id, whom it meets and whom it no longer meets. It says nothing about what the relation
 * is: {@code Peers} decides that where the event is scored.
 */
final class Meet extends KeyedProcessFunction<String, Msg, Msg> {
  private static final long serialVersionUID = 1L;
  private transient MapState<String, Msg> members;

  @Override
  public void open(OpenContext context) {
    members =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("members", Types.STRING, TypeInformation.of(Msg.class)));
  }

  @Override
  public void processElement(Msg m, Context ctx, Collector<Msg> out) throws Exception {
    String key = m.target;
    if (members.contains(m.id)) {
      leave(key, m.id, out);
    }
    if (m.kind == Msg.JOIN) {
      for (Map.Entry<String, Msg> e : members.entries()) {
        Msg other = e.getValue();
        out.collect(Msg.of(Msg.MET, m.id, other.id, key, other.version, other.json));
        out.collect(Msg.of(Msg.MET, other.id, m.id, key, m.version, m.json));
      }
      members.put(m.id, Msg.of(Msg.JOIN, key, m.id, null, m.version, m.json));
    }
  }

  private void leave(String key, String id, Collector<Msg> out) throws Exception {
    members.remove(id);
    out.collect(Msg.of(Msg.CLEAR, id, null, key, 0, null));
    List<String> left = new ArrayList<>();
    for (String other : members.keys()) {
      left.add(other);
    }
    for (String other : left) {
      out.collect(Msg.of(Msg.LEFT, other, id, key, 0, null));
    }
  }
}
