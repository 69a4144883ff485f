package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the bytes of files live, outside the database: content-addressed per entity (the same file twice is kept
 * once), keyed {@code <entityId>/<first two hex digits>/<sha256>}. Two kinds: a folder ({@link LocalBlobStore},
 * the default) and S3-compatible object storage ({@link S3BlobStore}).
 */
interface BlobStore {

    /**
     * Keeps the bytes of {@code staged} (a file in {@link #staging()}) under the key, durably, before returning;
     * bytes already there are kept and made young again (so the sweep's grace period starts anew). The staged file
     * is consumed either way.
     */
    void put(UUID entityId, String sha256, Path staged, long size) throws IOException;

    /** The bytes from {@code offset}, {@code length} of them (-1: to the end). */
    InputStream open(UUID entityId, String sha256, long offset, long length) throws IOException;

    boolean exists(UUID entityId, String sha256) throws IOException;

    void delete(UUID entityId, String sha256) throws IOException;

    /** Up to {@code limit} stored blobs whose key sorts after {@code after} ({@code null}: from the first). */
    List<Blob> list(String after, int limit) throws IOException;

    /** A local folder where uploads are written (and hashed) before they are put. */
    Path staging();

    /** What this store is, for the start-up log and the docs' operators ("folder /srv/data/attachments"). */
    String describe();

    record Blob(UUID entityId, String sha256, Instant modified) {
        String key() {
            return BlobStore.key(entityId, sha256);
        }
    }

    static String key(UUID entityId, String sha256) {
        return entityId + "/" + sha256.substring(0, 2) + "/" + sha256;
    }
}
