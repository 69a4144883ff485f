package org.helpdesk.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes suspended mail whose time is up ({@code helpdesk.mail.suspended-retention}, 14 days), on every node,
 * hourly: a bounded number of batches a run, each row deleted in its own entity (nodes racing delete nothing twice).
 */
@Component
class SuspendedMailPurge implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SuspendedMailPurge.class);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 20;

    private final SuspendedMails suspended;
    private final Clock clock;
    private final Duration every;

    SuspendedMailPurge(SuspendedMails suspended, MailSettings settings, Clock clock) {
        this.suspended = suspended;
        this.clock = clock;
        this.every = settings.suspendedPurgeEvery();
    }

    /** Every {@code helpdesk.mail.suspended-purge-every}; the first run a minute after start-up. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purgeExpired, every, Duration.ofMinutes(1)));
    }

    void purgeExpired() {
        try {
            int purged = purge(Times.now(clock));
            if (purged > 0) {
                log.info("Purged {} expired suspended mails", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging expired suspended mail failed; the next run tries again", e);
        }
    }

    /** Deletes the entries expired at {@code now}; the number deleted. */
    int purge(Instant now) {
        int purged = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            List<UUID[]> expired = suspended.expired(now, BATCH);
            for (UUID[] row : expired) {
                suspended.deleteExpired(row[0], row[1], now);
            }
            purged += expired.size();
            if (expired.size() < BATCH) {
                break;
            }
        }
        return purged;
    }
}
