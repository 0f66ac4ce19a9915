package io.venuerisk.flink;

import io.venuerisk.engine.Engine;
import io.venuerisk.engine.Peers;
import io.venuerisk.io.JsonLinesCalendar;
import io.venuerisk.io.JsonLinesReport;
import io.venuerisk.model.Assessment;
import io.venuerisk.model.Peer;
import io.venuerisk.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Scores requests in micro-batches: up to {@link #CHUNK} events in one Drools session (about half
 * the CPU of a session per event), each with the {@code Peer} relations {@link Peers#between} finds
 * between it and the events it meets, and writes each result as {@code batch --format jsonl} does.
 * A batch is scored when full, before a checkpoint barrier passes (nothing buffered is ever lost to
 * a restart), at the end of input, and {@code maxDelayMillis} after its first request, so a quiet
 * stream is not held back.
 */
final class ScoreOperator extends AbstractStreamOperator<Result>
    implements OneInputStreamOperator<Request, Result>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  /** Events in one session; as in batch. */
  static final int CHUNK = 32;

  /** Parsed scenarios kept, by id and version: an event is read once, not once per neighbour. */
  private static final int PARSED_KEPT = 8192;

  private final long maxDelayMillis;
  private transient Map<String, Request> pending;
  private transient boolean timerSet;
  private transient JsonLinesCalendar calendar;
  private transient JsonLinesReport report;
  private transient Map<String, Scenario> parsed;

  ScoreOperator(long maxDelayMillis) {
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    pending = new LinkedHashMap<>();
    calendar = Engines.calendar();
    report = new JsonLinesReport();
    parsed =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > PARSED_KEPT;
          }
        };
    Engines.rules(); // built once per JVM, before the first record rather than on it
  }

  @Override
  public void processElement(StreamRecord<Request> element) {
    Request r = element.getValue();
    pending.remove(r.id); // the later request of an event replaces an earlier one not yet scored
    pending.put(r.id, r);
    if (pending.size() >= CHUNK) {
      flush();
    } else if (!timerSet) {
      timerSet = true;
      long at = getProcessingTimeService().getCurrentProcessingTime() + maxDelayMillis;
      getProcessingTimeService()
          .registerTimer(
              at,
              t -> {
                timerSet = false;
                flush();
              });
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flush();
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void endInput() {
    flush();
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    // requests made under different threat-level changes are scored with their own engines
    Map<String, List<Request>> byLevels = new LinkedHashMap<>();
    for (Request r : pending.values()) {
      byLevels.computeIfAbsent(ThreatRow.key(r.threatLevels), k -> new ArrayList<>()).add(r);
    }
    pending.clear();
    for (List<Request> group : byLevels.values()) {
      score(Engines.engine(group.get(0).threatLevels), group);
    }
  }

  private void score(Engine engine, List<Request> requests) {
    List<Scenario> group = new ArrayList<>(requests.size());
    List<Peer> peers = new ArrayList<>();
    for (Request r : requests) {
      Scenario s = scenario(r.id, r.version, r.json);
      group.add(s);
      for (Request.Other o : r.others) {
        Peers.between(s, scenario(o.id, o.version, o.json), peers);
      }
    }
    List<Assessment> results = engine.assessWithPeers(group, peers);
    for (int i = 0; i < results.size(); i++) {
      output.collect(
          new StreamRecord<>(new Result(requests.get(i).id, report.row(results.get(i)))));
    }
  }

  private Scenario scenario(String id, long version, byte[] json) {
    String key = version + ":" + id;
    Scenario s = parsed.get(key);
    if (s == null) {
      // bound as the record was when it came in, so it binds again without error
      s = calendar.bind(id, new JsonLinesCalendar.Record(1, 1, json, null));
      parsed.put(key, s);
    }
    return s;
  }
}
