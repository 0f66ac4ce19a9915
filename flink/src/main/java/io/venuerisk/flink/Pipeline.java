package io.venuerisk.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * The job between its sources and its sinks.
 *
 * <pre>
 * records --rebalance--> bind ----keyBy(id)----> versions --keyBy(meeting key)--> meet
 *                         |                         | own version                  | met / left
 *                         v rejected                +-------keyBy(id)------------> relations --> score --> results
 * threat-level lines --> parse (one task) --broadcast--------------------------------^
 * </pre>
 *
 * <p>Every stage is keyed, so state and work spread over the tasks by key: events by id, the
 * cross-event comparison by city and day and by venue and day ({@link Versions#meetingKeys}). An
 * event's relations are worked out in one place, {@link ScoreOperator}, with {@code Peers}, from
 * the latest version of every event it meets, and it is scored with {@code Engine.assessWithPeers}:
 * the same relations and the same rules as {@code batch}.
 */
public final class Pipeline {
  /** Bad records, with batch's messages. */
  public static final OutputTag<String> REJECTED =
      new OutputTag<>("rejected", TypeInformation.of(String.class));

  /** Warnings about the inputs (a recurring event cut at the expansion window), as batch's. */
  public static final OutputTag<String> WARNINGS =
      new OutputTag<>("warnings", TypeInformation.of(String.class));

  /** When results come out. */
  public enum Emit {
    /** Once per event, at the end of a bounded input: batch's results. */
    FINAL,
    /** After every change (debounced): an upsert stream by event id. */
    CHANGES
  }

  /** What the job produces: results, rejected records' messages and warnings. */
  public record Outputs(
      DataStream<Result> results, DataStream<String> rejected, DataStream<String> warnings) {}

  private Pipeline() {}

  /**
   * @param records calendar records, from files or Kafka
   * @param threatLevels lines of threat-level changes, or null for none
   * @param venues the venue registry records may name their venue from, or null
   * @param debounceMillis with {@link Emit#CHANGES}, how long changes to one event are gathered
   *     before it is scored again (and how long the scoring operator holds a part batch)
   */
  public static Outputs build(
      StreamExecutionEnvironment env,
      DataStream<RawRecord> records,
      DataStream<RawRecord> threatLevels,
      WholeFileFormat.Registry venues,
      Emit emit,
      long debounceMillis) {
    SingleOutputStreamOperator<Event> events =
        records
            .rebalance()
            .process(new ParseEvents(REJECTED, WARNINGS, venues), TypeInformation.of(Event.class))
            .name("bind")
            .uid("bind");

    DataStream<ThreatRow> changes;
    DataStream<String> threatRejected = null;
    if (threatLevels == null) {
      // an empty collection source fails in Flink 2.3: one placeholder, filtered out
      changes =
          env.fromData(TypeInformation.of(ThreatRow.class), new ThreatRow())
              .filter(r -> r.country != null)
              .name("no threat-level changes");
    } else {
      SingleOutputStreamOperator<ThreatRow> parsed =
          threatLevels
              .process(new ParseThreatLevels(REJECTED), TypeInformation.of(ThreatRow.class))
              .setParallelism(1)
              .name("threat levels")
              .uid("threat-levels");
      changes = parsed;
      threatRejected = parsed.getSideOutput(REJECTED);
    }

    SingleOutputStreamOperator<Msg> joins =
        events
            .keyBy(e -> e.id, TypeInformation.of(String.class))
            .process(new Versions(), TypeInformation.of(Msg.class))
            .name("versions")
            .uid("versions");

    SingleOutputStreamOperator<Msg> meetings =
        joins
            .keyBy(m -> m.target, TypeInformation.of(String.class))
            .process(new Meet(), TypeInformation.of(Msg.class))
            .name("meet")
            .uid("meet");

    SingleOutputStreamOperator<Request> requests =
        joins
            .getSideOutput(Versions.OWN)
            .union(meetings)
            .keyBy(m -> m.target, TypeInformation.of(String.class))
            .connect(changes.broadcast(Relations.THREAT_LEVELS))
            .process(new Relations(emit, debounceMillis), TypeInformation.of(Request.class))
            .name("relations")
            .uid("relations");

    DataStream<Result> results =
        requests
            .transform(
                "score",
                TypeInformation.of(Result.class),
                new ScoreOperator(Math.max(1, debounceMillis)))
            .uid("score");

    DataStream<String> rejected = events.getSideOutput(REJECTED);
    if (threatRejected != null) {
      rejected = rejected.union(threatRejected);
    }
    return new Outputs(results, rejected, events.getSideOutput(WARNINGS));
  }
}
