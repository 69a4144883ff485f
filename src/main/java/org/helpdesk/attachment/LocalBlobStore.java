package org.helpdesk.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files in a folder (the data folder's {@code attachments} by default): {@code blobs/<entity>/<ab>/<sha256>}, and
 * {@code staging/} for uploads in flight. A blob is written to staging, fsynced, then renamed into place (atomic:
 * a reader never sees half a file) and its folder fsynced, so once {@link #put} returns the bytes survive a crash.
 */
final class LocalBlobStore implements BlobStore {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path blobs;
    private final Path staging;

    LocalBlobStore(Path folder) throws IOException {
        this.blobs = Files.createDirectories(folder.resolve("blobs"));
        this.staging = Files.createDirectories(folder.resolve("staging"));
    }

    @Override
    public void put(UUID entityId, String sha256, Path staged, long size) throws IOException {
        Path target = path(entityId, sha256);
        try {
            if (Files.exists(target) && Files.size(target) == size) {
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                return;
            }
            Path dir = Files.createDirectories(target.getParent());
            force(staged);
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public InputStream open(UUID entityId, String sha256, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path(entityId, sha256), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new MissingBlob(BlobStore.key(entityId, sha256));
        }
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new Bounded(in, length);
    }

    @Override
    public boolean exists(UUID entityId, String sha256) {
        return Files.exists(path(entityId, sha256));
    }

    @Override
    public void delete(UUID entityId, String sha256) throws IOException {
        Files.deleteIfExists(path(entityId, sha256));
    }

    @Override
    public List<Blob> list(String after, int limit) throws IOException {
        List<Blob> out = new ArrayList<>();
        for (Path entityDir : sorted(blobs)) {
            UUID entityId = uuid(entityDir.getFileName().toString());
            if (entityId == null || after != null && entityId.toString().compareTo(prefixOf(after)) < 0) {
                continue;
            }
            for (Path prefixDir : sorted(entityDir)) {
                for (Path file : sorted(prefixDir)) {
                    String sha = file.getFileName().toString();
                    if (!SHA.matcher(sha).matches()) {
                        continue;
                    }
                    Blob blob;
                    try {
                        blob = new Blob(entityId, sha, Files.getLastModifiedTime(file).toInstant());
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    if (after == null || blob.key().compareTo(after) > 0) {
                        out.add(blob);
                        if (out.size() >= limit) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Staged files left by a crash mid-upload, older than {@code before}, are deleted. */
    int sweepStaging(Instant before) throws IOException {
        int removed = 0;
        for (Path file : sorted(staging)) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (NoSuchFileException gone) {
                // another node's sweep, or the upload finished
            }
        }
        return removed;
    }

    @Override
    public Path staging() {
        return staging;
    }

    @Override
    public String describe() {
        return "folder " + blobs.getParent();
    }

    private Path path(UUID entityId, String sha256) {
        if (!SHA.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256");
        }
        return blobs.resolve(entityId.toString()).resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static String prefixOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(out::add);
        } catch (NoSuchFileException gone) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static UUID uuid(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** The rename is durable only once the folder's entry is on disk. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some filesystems cannot open a folder for fsync; the file itself is already on disk
        }
    }

    /** Reads at most {@code remaining} bytes. */
    static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

}
