package io.venuerisk.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kafka source and sink without a broker (none can run here): how a message becomes a record
 * and a result becomes a message, and that the job builds with Kafka in and out on Flink 2.3.
 */
class KafkaWiringTest {
  @Test
  void aMessageIsARecordNamedByTopicPartitionAndOffset() throws Exception {
    List<RawRecord> out = new ArrayList<>();
    Collector<RawRecord> sink = collector(out);
    new KafkaIO.Records()
        .deserialize(
            new ConsumerRecord<>(
                "calendar", 3, 42L, null, "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
            sink);
    new KafkaIO.Records()
        .deserialize(new ConsumerRecord<>("calendar", 3, 43L, null, new byte[0]), sink);
    assertThat(out.get(0).file).isEqualTo("kafka:calendar-3@42");
    assertThat(out.get(0).seq).isEqualTo(42L);
    assertThat(new String(out.get(0).bytes, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}");
    assertThat(out.get(1).error).startsWith("kafka:calendar-3@43: empty message");
  }

  @Test
  void aResultIsAMessageKeyedByEventId() {
    Result r = new Result("ev-7", "{\"id\":\"ev-7\"}\n");
    assertThat(new String(new KafkaIO.ResultKey().serialize(r), StandardCharsets.UTF_8))
        .isEqualTo("ev-7");
    assertThat(new String(new KafkaIO.ResultValue().serialize(r), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"ev-7\"}");
  }

  @Test
  void aCalendarFromFilesAndFromATopicAtOnceIsRefused() {
    Runs.Run r =
        Runs.flink(
            "--kafka-brokers",
            "127.0.0.1:9",
            "--kafka-input",
            "calendar",
            "--input",
            "calendar.jsonl",
            "--output",
            "out");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("give the calendar from one place: --input FILE... or --kafka-input TOPIC");
  }

  @Test
  void theJobBuildsWithKafkaInAndOut() throws Exception {
    FlinkJobOptions job = new FlinkJobOptions();
    new CommandLine(job)
        .parseArgs(
            "--kafka-brokers",
            "127.0.0.1:9",
            "--kafka-input",
            "calendar",
            "--kafka-output",
            "assessments",
            "--kafka-threat-levels",
            "levels",
            "--kafka-rejected",
            "rejected");
    FlinkJobOptions.Setup setup = job.setup();
    assertThat(setup.emit()).isEqualTo(Pipeline.Emit.CHANGES);
    assertThat(setup.bounded()).isFalse();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(setup.config());
    FlinkJob.build(env, job, setup);
    List<String> names = new ArrayList<>();
    for (Transformation<?> t : env.getTransformations()) {
      names.add(t.getName());
    }
    assertThat(names).contains("kafka assessments", "kafka rejected");
    // the graph Flink would submit: sources, keyed stages and Kafka sinks resolve together
    assertThat(env.getStreamGraph().getStreamNodes())
        .extracting(n -> n.getOperatorName())
        .anyMatch(n -> n.contains("kafka calendar"))
        .anyMatch(n -> n.contains("kafka levels"));
  }

  private static <T> Collector<T> collector(List<T> out) {
    return new Collector<>() {
      @Override
      public void collect(T record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
  }
}
