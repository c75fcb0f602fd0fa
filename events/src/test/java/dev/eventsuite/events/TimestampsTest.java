package dev.eventsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private static final Random RANDOM = new Random(7);

  @Test
  void shouldFormatExactlyAsTheJdkDoes() {
    for (int i = 0; i < 10_000; i++) {
      Instant instant = randomInstant();
      assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
    }
    assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(Timestamps.format(Instant.parse("0999-12-31T23:59:59.5Z")))
        .isEqualTo("0999-12-31T23:59:59.500Z");
    assertThat(Timestamps.format(Instant.parse("+12025-01-01T00:00:00Z")))
        .isEqualTo("+12025-01-01T00:00:00Z");
  }

  @Test
  void shouldReadEveryCommonFormAsTheJdkReadsIt() {
    for (int i = 0; i < 10_000; i++) {
      Instant instant = randomInstant();
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((RANDOM.nextInt(49) - 24) * 1800);
      String withOffset =
          OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(Timestamps.parse(withOffset)).as(withOffset).isEqualTo(instant);
      assertThat(Timestamps.parse(instant.toString())).isEqualTo(instant);
    }
  }

  @Test
  void shouldReadFractionsOfAnyLengthAndASpaceForTheT() {
    assertThat(Timestamps.parse("2025-01-01 10:00:00.5"))
        .isEqualTo(Instant.parse("2025-01-01T10:00:00.500Z"));
    assertThat(Timestamps.parse("2025-01-01T10:00:00.123456789+00:00"))
        .isEqualTo(Instant.parse("2025-01-01T10:00:00.123456789Z"));
    assertThat(Timestamps.parse("2025-01-01T10:00:00.1234-02:00"))
        .isEqualTo(Instant.parse("2025-01-01T12:00:00.1234Z"));
  }

  @Test
  void shouldRejectFieldsOutOfRange() {
    for (String invalid :
        new String[] {
          "2025-13-01T00:00:00Z",
          "2025-02-30T00:00:00Z",
          "2025-01-01T24:00:00Z",
          "2025-01-01T10:00:00+19:00",
          "2025-01-01X10:00:00"
        }) {
      assertThatThrownBy(() -> Timestamps.parse(invalid))
          .as(invalid)
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("neither ISO-8601");
    }
  }

  private static Instant randomInstant() {
    long seconds = RANDOM.nextLong(-30_000_000_000L, 250_000_000_000L);
    int nanos =
        switch (RANDOM.nextInt(4)) {
          case 0 -> 0;
          case 1 -> RANDOM.nextInt(1000) * 1_000_000;
          case 2 -> RANDOM.nextInt(1_000_000) * 1000;
          default -> RANDOM.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
