package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Every timestamp leaves the API as UTC with exactly three fraction digits. */
class TimestampFormatTest {

    @Test
    void aWholeSecondGetsThreeZeroDigits() {
        assertThat(JsonConfig.millis(Instant.parse("2019-08-24T14:15:22Z"))).isEqualTo("2019-08-24T14:15:22.000Z");
    }

    @Test
    void tenthsAndHundredthsArePaddedToMilliseconds() {
        assertThat(JsonConfig.millis(Instant.parse("2019-08-24T14:15:22.1Z"))).isEqualTo("2019-08-24T14:15:22.100Z");
        assertThat(JsonConfig.millis(Instant.parse("2019-08-24T14:15:22.12Z"))).isEqualTo("2019-08-24T14:15:22.120Z");
    }

    @Test
    void finerPrecisionIsCutToMilliseconds() {
        assertThat(JsonConfig.millis(Instant.parse("2019-08-24T14:15:22.123456789Z")))
                .isEqualTo("2019-08-24T14:15:22.123Z");
        assertThat(JsonConfig.millis(Instant.parse("2019-08-24T14:15:22.000999Z")))
                .isEqualTo("2019-08-24T14:15:22.000Z");
    }
}
