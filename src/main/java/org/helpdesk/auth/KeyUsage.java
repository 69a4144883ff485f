package org.helpdesk.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.helpdesk.common.HelpdeskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Remembers when each key was last used and writes it in batches, so an authenticated request costs a
 * read, not a write. lastUsedAt may lag by up to the flush interval.
 */
@Component
class KeyUsage implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);

    private final KeyDirectory keys;
    private final Duration flushEvery;
    private final ConcurrentHashMap<KeyDirectory.KeyRef, Instant> pending = new ConcurrentHashMap<>();

    KeyUsage(KeyDirectory keys, HelpdeskSettings settings) {
        this.keys = keys;
        this.flushEvery = settings.apiKeys().lastUsedFlush();
    }

    /** Flushes every {@code helpdesk.api-keys.last-used-flush}, read from the validated settings tree. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::flush, flushEvery);
    }

    void used(KeyCaller caller, Instant at) {
        pending.merge(new KeyDirectory.KeyRef(caller.entityId(), caller.keyId()), at,
                (a, b) -> a.isAfter(b) ? a : b);
    }

    @PreDestroy
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<KeyDirectory.KeyRef, Instant> batch = new HashMap<>();
        for (var key : pending.keySet()) {
            Instant at = pending.remove(key);
            if (at != null) {
                batch.put(key, at);
            }
        }
        try {
            keys.stampLastUsed(batch);
        } catch (RuntimeException e) {
            log.warn("Could not record API key usage; will retry", e);
            batch.forEach((key, at) -> pending.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
        }
    }
}
