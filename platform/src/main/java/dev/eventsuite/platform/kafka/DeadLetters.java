package dev.eventsuite.platform.kafka;

import dev.eventsuite.events.DeadLetter;
import dev.eventsuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds dead-letter records: the failed record unchanged, with headers saying why and where. */
public final class DeadLetters {

  /** Longer reasons are cut: a header is no place for a stack trace. */
  private static final int MAX_REASON_LENGTH = 2000;

  private DeadLetters() {}

  static ProducerRecord<String, byte[]> of(
      ConsumerRecord<String, byte[]> failed,
      String service,
      String errorType,
      String reason,
      String location,
      byte[] content) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            Topics.deadLetterOf(failed.topic()),
            null,
            failed.key(),
            content == null ? failed.value() : content);
    Headers headers = record.headers();
    for (Header header : failed.headers()) {
      headers.add(header);
    }
    for (Header header :
        headers(
            failed.topic(),
            failed.partition(),
            failed.offset(),
            service,
            errorType,
            reason,
            location)) {
      headers.remove(header.key());
      headers.add(header);
    }
    return record;
  }

  /**
   * The headers saying why and where a record failed: what a dead-letter record carries besides the
   * failed record's own.
   *
   * @param location what part of the source was at fault; null when the record as a whole was
   */
  public static Headers headers(
      String topic,
      int partition,
      long offset,
      String service,
      String errorType,
      String reason,
      String location) {
    Headers headers = new RecordHeaders();
    put(headers, DeadLetter.REASON, truncate(reason));
    put(headers, DeadLetter.ERROR_TYPE, errorType);
    put(headers, DeadLetter.SOURCE_TOPIC, topic);
    put(headers, DeadLetter.SOURCE_PARTITION, String.valueOf(partition));
    put(headers, DeadLetter.SOURCE_OFFSET, String.valueOf(offset));
    put(headers, DeadLetter.SERVICE, service);
    put(headers, DeadLetter.TIME, Instant.now().toString());
    if (location != null) {
      put(headers, DeadLetter.LOCATION, location);
    }
    return headers;
  }

  private static String truncate(String reason) {
    String text = reason == null ? "unknown" : reason;
    return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "...";
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
