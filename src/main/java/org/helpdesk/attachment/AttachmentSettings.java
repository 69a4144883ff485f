package org.helpdesk.attachment;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of attachments under {@code helpdesk.attachments.*} (environment: HELPDESK_ATTACHMENTS_*),
 * checked at start-up. Where the bytes go is {@link S3Settings} ({@code helpdesk.s3.*}) when a bucket is set,
 * else the folder {@code dir}.
 *
 * @param dir               where files are kept without S3 (HELPDESK_ATTACHMENTS_DIR); blank: the data folder's
 *                          {@code attachments} ({@code $HELPDESK_DATA_DIR/attachments}, default {@code ./data/attachments})
 * @param maxFileBytes      the largest file (API §8: 25 MiB)
 * @param maxMessageBytes   the most all files of one message may hold together (API §8: 50 MiB)
 * @param unattachedFor     how long an upload waits to be attached before the sweep deletes it (API §8: 24 hours)
 * @param orphanGrace       how old stored bytes that no row names must be before the sweep removes them: longer
 *                          than any upload takes from its bytes to its row
 * @param sweepEvery        how often each node sweeps
 * @param sweepBatch        rows and blobs looked at per sweep step (bounded work per run)
 */
@ConfigurationProperties("helpdesk.attachments")
record AttachmentSettings(String dir,
                          @DefaultValue("26214400") long maxFileBytes,
                          @DefaultValue("52428800") long maxMessageBytes,
                          @DefaultValue("24h") Duration unattachedFor,
                          @DefaultValue("1h") Duration orphanGrace,
                          @DefaultValue("10m") Duration sweepEvery,
                          @DefaultValue("500") int sweepBatch) {

    AttachmentSettings {
        require(maxFileBytes >= 1 && maxFileBytes <= 1L << 32, "helpdesk.attachments.max-file-bytes"
                + " (HELPDESK_ATTACHMENTS_MAX_FILE_BYTES) must be between 1 and 4294967296, not " + maxFileBytes);
        require(maxMessageBytes >= maxFileBytes, "helpdesk.attachments.max-message-bytes"
                + " (HELPDESK_ATTACHMENTS_MAX_MESSAGE_BYTES) must be at least max-file-bytes (" + maxFileBytes + ")");
        require(positive(unattachedFor) && positive(orphanGrace) && positive(sweepEvery),
                "helpdesk.attachments.unattached-for, orphan-grace and sweep-every must be positive durations, e.g. 1h");
        require(sweepBatch >= 1 && sweepBatch <= 10_000,
                "helpdesk.attachments.sweep-batch (HELPDESK_ATTACHMENTS_SWEEP_BATCH) must be between 1 and 10000");
    }

    /** The folder of files on disk: the setting, else the data folder's {@code attachments}. */
    Path folder() {
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip()).toAbsolutePath().normalize();
        }
        String data = System.getenv("HELPDESK_DATA_DIR");
        return Path.of(data == null || data.isBlank() ? "./data" : data, "attachments").toAbsolutePath().normalize();
    }

    private static boolean positive(Duration d) {
        return d != null && d.isPositive();
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
