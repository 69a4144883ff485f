package org.helpdesk.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * Operator settings of webhooks under {@code helpdesk.webhooks.*} (environment: HELPDESK_WEBHOOKS_*).
 *
 * @param allowPrivate   loopback and private targets and {@code http://} URLs (tests, private networks);
 *                       link-local and metadata addresses stay refused
 * @param retrySchedule  the waits after each failed attempt, comma-separated ({@code 5s,5m,30m,2h,5h,10h,10h});
 *                       after the last one the delivery fails
 * @param disableAfter   a webhook whose attempts have all failed for this long is disabled
 * @param retention      delivery log rows (and their events) older than this are removed
 * @param tick           how often a node looks for due deliveries
 * @param lease          how long a node's claim on a webhook lasts if the node dies
 * @param maxConcurrent  webhooks one node delivers to at once (each webhook gets one worker at a time)
 * @param timeout        the whole attempt (connect, send, answer): a 2xx within it delivers
 * @param enabled        whether this node delivers (deliveries are still recorded when off)
 */
@ConfigurationProperties("helpdesk.webhooks")
record WebhookSettings(boolean allowPrivate, String retrySchedule, Duration disableAfter, Duration retention,
                       Duration tick, Duration lease, int maxConcurrent, Duration timeout, boolean enabled) {

    WebhookSettings {
        waits(retrySchedule);
        if (disableAfter == null || retention == null || tick == null || lease == null || timeout == null) {
            throw new IllegalStateException(
                    "helpdesk.webhooks.disable-after, retention, tick, lease and timeout must be set");
        }
        if (maxConcurrent < 1) {
            throw new IllegalStateException("helpdesk.webhooks.max-concurrent must be at least 1");
        }
        if (lease.compareTo(timeout.multipliedBy(3)) < 0) {
            throw new IllegalStateException("helpdesk.webhooks.lease must be at least three times the timeout");
        }
    }

    /** The retry waits; the number of attempts is one more. */
    List<Duration> waits() {
        return waits(retrySchedule);
    }

    private static List<Duration> waits(String schedule) {
        List<Duration> out = new ArrayList<>();
        if (schedule == null || schedule.isBlank()) {
            return out;
        }
        for (String part : schedule.split(",")) {
            try {
                Duration wait = DurationStyle.detectAndParse(part.strip().toLowerCase(Locale.ROOT));
                if (wait.isNegative()) {
                    throw new IllegalArgumentException("negative");
                }
                out.add(wait);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("HELPDESK_WEBHOOKS_RETRY_SCHEDULE must be a comma list of durations"
                        + " such as 5s,5m,30m,2h; '" + part.strip() + "' is not one");
            }
        }
        return List.copyOf(out);
    }
}
