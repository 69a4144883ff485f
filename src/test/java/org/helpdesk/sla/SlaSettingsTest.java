package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The SLA sweep's settings are checked when the app starts: a bad value names the property. */
class SlaSettingsTest {

    @Test
    void aSweepIntervalOfZeroOrLessStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> new SlaSettings(Duration.ZERO, 500, 40))
                .hasMessageContaining("helpdesk.sla.sweep-interval").hasMessageContaining("HELPDESK_SLA_SWEEP_INTERVAL");
        assertThatThrownBy(() -> new SlaSettings(Duration.ofSeconds(-1), 500, 40))
                .hasMessageContaining("helpdesk.sla.sweep-interval");
    }

    @Test
    void batchesOutsideTheirRangeStopStartUp() {
        assertThatThrownBy(() -> new SlaSettings(Duration.ofSeconds(15), 0, 40))
                .hasMessageContaining("helpdesk.sla.sweep-batch");
        assertThatThrownBy(() -> new SlaSettings(Duration.ofSeconds(15), 10_001, 40))
                .hasMessageContaining("helpdesk.sla.sweep-batch");
        assertThatThrownBy(() -> new SlaSettings(Duration.ofSeconds(15), 500, 0))
                .hasMessageContaining("helpdesk.sla.sweep-max-batches");
    }

    @Test
    void theDefaultsAreAccepted() {
        SlaSettings settings = new SlaSettings(Duration.ofSeconds(15), 500, 40);
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(15));
    }
}
