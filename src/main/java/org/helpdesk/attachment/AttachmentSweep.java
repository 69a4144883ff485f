package org.helpdesk.attachment;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Removes what no one will ask for again: uploads never attached after 24 hours (API §8), then bytes that no row
 * names (left by those, or by a crash between storing the bytes and writing the row) once older than the grace
 * period. Bounded work per run; every step is idempotent, so several nodes may sweep at once. Bytes a new upload
 * shares are made young again by the store before its row is written, so the grace period protects them.
 */
@Component
class AttachmentSweep implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(AttachmentSweep.class);

    private final Attachments attachments;
    private final BlobStore store;
    private final AttachmentSettings settings;
    private final Clock clock;
    /** Where the blob scan goes on next time (this node's own walk through the store). */
    private String after;

    AttachmentSweep(Attachments attachments, BlobStore store, AttachmentSettings settings, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every {@code helpdesk.attachments.sweep-every}, read from the validated settings. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduled, settings.sweepEvery(), settings.sweepEvery()));
    }

    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException | IOException e) {
            log.warn("The attachment sweep failed; it runs again later", e);
        }
    }

    /** One run: stale uploads, then one batch of blobs. What it removed. */
    synchronized Result sweep() throws IOException {
        Instant now = Times.now(clock);
        int uploads = 0;
        for (Attachments.Ref ref : attachments.unattachedBefore(now.minus(settings.unattachedFor()), settings.sweepBatch())) {
            if (attachments.deleteUnattached(ref.entityId(), ref.id())) {
                uploads++;
            }
        }
        int blobs = sweepBlobs(now.minus(settings.orphanGrace()));
        int staged = store instanceof LocalBlobStore local ? local.sweepStaging(now.minus(settings.orphanGrace())) : 0;
        if (uploads + blobs + staged > 0) {
            log.info("Attachment sweep: {} uploads never attached, {} unnamed stored files, {} staged leftovers removed",
                    uploads, blobs, staged);
        }
        return new Result(uploads, blobs);
    }

    record Result(int uploads, int blobs) {
    }

    private int sweepBlobs(Instant olderThan) throws IOException {
        List<BlobStore.Blob> batch = store.list(after, settings.sweepBatch());
        after = batch.size() < settings.sweepBatch() ? null : batch.getLast().key(); // from the start once through
        Map<UUID, List<BlobStore.Blob>> old = new LinkedHashMap<>();
        for (BlobStore.Blob blob : batch) {
            if (blob.modified().isBefore(olderThan)) {
                old.computeIfAbsent(blob.entityId(), e -> new ArrayList<>()).add(blob);
            }
        }
        int removed = 0;
        for (Map.Entry<UUID, List<BlobStore.Blob>> entity : old.entrySet()) {
            Set<String> named = attachments.named(entity.getKey(),
                    entity.getValue().stream().map(BlobStore.Blob::sha256).toList());
            for (BlobStore.Blob blob : entity.getValue()) {
                if (!named.contains(blob.sha256())) {
                    store.delete(blob.entityId(), blob.sha256());
                    removed++;
                }
            }
        }
        return removed;
    }
}
