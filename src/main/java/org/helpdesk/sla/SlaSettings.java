package org.helpdesk.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of the SLA clock under {@code helpdesk.sla.*} (environment: HELPDESK_SLA_*), checked at start-up.
 *
 * @param sweepInterval   how often each node looks for due times that passed unmet (HELPDESK_SLA_SWEEP_INTERVAL)
 * @param sweepBatch      tickets one sweep step reads from the due-time index
 * @param sweepMaxBatches steps one pass takes at most; the rest waits for the next pass
 */
@ConfigurationProperties("helpdesk.sla")
record SlaSettings(@DefaultValue("PT15S") Duration sweepInterval,
                   @DefaultValue("500") int sweepBatch,
                   @DefaultValue("40") int sweepMaxBatches) {

    SlaSettings {
        if (!sweepInterval.isPositive()) {
            throw new IllegalStateException("helpdesk.sla.sweep-interval (HELPDESK_SLA_SWEEP_INTERVAL) must be a"
                    + " positive duration, e.g. 15s, not " + sweepInterval);
        }
        if (sweepBatch < 1 || sweepBatch > 10_000 || sweepMaxBatches < 1) {
            throw new IllegalStateException("helpdesk.sla.sweep-batch must be between 1 and 10000 and"
                    + " helpdesk.sla.sweep-max-batches at least 1");
        }
    }
}
