package io.venuerisk.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka in and out (flink-connector-kafka): one scenario per message in, one assessment per message
 * out, keyed by event id so a compacted topic keeps each event's current result.
 */
final class KafkaIO {
  private KafkaIO() {}

  /**
   * Messages of {@code topic} from the earliest offset (the topic is the registration log; a
   * restart from a checkpoint resumes where it stopped instead), each named {@code
   * kafka:TOPIC-PARTITION@OFFSET} in messages about it.
   *
   * @param bounded stop at the offsets that are the latest when the job starts
   */
  static KafkaSource<RawRecord> source(
      String brokers, String topic, String group, boolean bounded) {
    KafkaSourceBuilder<RawRecord> b =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(brokers)
            .setTopics(topic)
            .setGroupId(group)
            // every registration is needed in state: never the group's committed offsets, which a
            // new job would start after (a restart resumes from its checkpoint whatever this says)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new Records());
    if (bounded) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  /** Results to {@code topic}: key the event id, value its JSON line (without the newline). */
  static KafkaSink<Result> results(String brokers, String topic) {
    return KafkaSink.<Result>builder()
        .setBootstrapServers(brokers)
        .setDeliveryGuarantee(
            DeliveryGuarantee.AT_LEAST_ONCE) // an upsert by id: a repeat is harmless
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<Result>builder()
                .setTopic(topic)
                .setKeySerializationSchema(new ResultKey())
                .setValueSerializationSchema(new ResultValue())
                .build())
        .build();
  }

  /** Rejected records' messages to {@code topic}, one per message. */
  static KafkaSink<String> messages(String brokers, String topic) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(brokers)
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<String>builder()
                .setTopic(topic)
                .setValueSerializationSchema(new Text())
                .build())
        .build();
  }

  static byte[] line(String line) {
    int n = line.endsWith("\n") ? line.length() - 1 : line.length();
    return line.substring(0, n).getBytes(StandardCharsets.UTF_8);
  }

  // named classes, not lambdas: the connector reads their type parameters (data lineage)
  static final class ResultKey implements SerializationSchema<Result> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Result r) {
      return r.id.getBytes(StandardCharsets.UTF_8);
    }
  }

  static final class ResultValue implements SerializationSchema<Result> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Result r) {
      return line(r.line);
    }
  }

  static final class Text implements SerializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A message as a record to bind; an empty message is rejected. */
  static final class Records implements KafkaRecordDeserializationSchema<RawRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> m, Collector<RawRecord> out) {
      String where = "kafka:" + m.topic() + "-" + m.partition() + "@" + m.offset();
      byte[] v = m.value();
      if (v == null || v.length == 0) {
        out.collect(
            RawRecord.rejected(
                where,
                0,
                0,
                where
                    + ": empty message; expected one scenario"
                    + " as a JSON object (an event cannot be deleted, only sent again)"));
        return;
      }
      RawRecord r = RawRecord.of(where, 0, 0, v);
      r.seq = m.offset();
      out.collect(r);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
      return TypeInformation.of(RawRecord.class);
    }
  }
}
