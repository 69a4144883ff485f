package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The SLA's time left as the pages write it. */
class SlaTextTest {
    @Test
    void spansAreWholeMinutesHoursAndDays() {
        assertThat(UiFormat.span(Duration.ofSeconds(10))).isEqualTo("1 min");
        assertThat(UiFormat.span(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(UiFormat.span(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
        assertThat(UiFormat.span(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(UiFormat.span(Duration.ofHours(51))).isEqualTo("2 d 3 h");
    }
}
