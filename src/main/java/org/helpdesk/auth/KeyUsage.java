package org.helpdesk.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers when each key was last used and writes it in batches, so an authenticated request costs a
 * read, not a write. lastUsedAt may lag by up to the flush interval.
 */
@Component
class KeyUsage {
    private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);

    private final KeyDirectory keys;
    private final ConcurrentHashMap<KeyDirectory.KeyRef, Instant> pending = new ConcurrentHashMap<>();

    KeyUsage(KeyDirectory keys) {
        this.keys = keys;
    }

    void used(KeyCaller caller, Instant at) {
        pending.merge(new KeyDirectory.KeyRef(caller.entityId(), caller.keyId()), at,
                (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(fixedDelayString = "${helpdesk.api-keys.last-used-flush:PT10S}")
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
