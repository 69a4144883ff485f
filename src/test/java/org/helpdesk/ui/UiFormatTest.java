package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class UiFormatTest {
    @Test
    void relativeTimesReadNaturally() {
        assertThat(UiFormat.ago(Duration.ofSeconds(10))).isEqualTo("just now");
        assertThat(UiFormat.ago(Duration.ofMinutes(5))).isEqualTo("5 min ago");
        assertThat(UiFormat.ago(Duration.ofHours(3))).isEqualTo("3 h ago");
        assertThat(UiFormat.ago(Duration.ofHours(30))).isEqualTo("yesterday");
        assertThat(UiFormat.ago(Duration.ofDays(9))).isEqualTo("9 days ago");
    }
}
