package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.AttachedFile;
import org.helpdesk.ticket.TicketFiles;
import org.springframework.stereotype.Service;

/**
 * The attachment use cases (API §8): store an upload (streamed: hashed, typed and written to the store in small
 * chunks, never whole in memory; its bytes are durable before its row is written), read one, and — as the
 * ticket core's {@link TicketFiles} — attach uploads to a new ticket or message inside the core's transaction.
 */
@Service
public class AttachmentManagement implements TicketFiles {
    private static final int CHUNK = 64 * 1024;

    private final Attachments attachments;
    private final BlobStore store;
    private final AttachmentSettings settings;
    private final Clock clock;

    AttachmentManagement(Attachments attachments, BlobStore store, AttachmentSettings settings, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores one file as an upload of the entity, not yet attached. Over the per-file limit: {@link FileTooLarge}
     * (nothing kept); no bytes: {@link EmptyFile}.
     *
     * @param inline   shown within the text it came with (an image a mail references by {@code cid:})
     * @param uploader the user who sent it, or {@code null} (a mail)
     */
    public AttachedFile store(UUID entityId, UUID uploader, String filename, InputStream in, boolean inline) {
        String name = FileRules.filename(filename);
        Path staged = null;
        try {
            staged = Files.createTempFile(store.staging(), "upload-", ".part");
            MessageDigest sha = sha256();
            byte[] head = new byte[FileRules.HEAD_BYTES];
            int headLength = 0;
            long size = 0;
            byte[] buffer = new byte[CHUNK];
            try (FileChannel out = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                    if (size > settings.maxFileBytes()) {
                        throw FileTooLarge.file(settings.maxFileBytes());
                    }
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    sha.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
            }
            if (size == 0) {
                throw new EmptyFile();
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            String type = FileRules.contentType(head, headLength);
            UUID entity = entityId;
            store.put(entity, hash, staged, size); // durable before the row that names it is written
            staged = null;
            AttachedFile file = new AttachedFile(Ids.newId(), entityId, null, null, name, type, size, hash, inline,
                    Times.now(clock));
            attachments.insert(file, uploader);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // the sweep removes it later
                }
            }
        }
    }

    public AttachedFile meta(UUID entityId, UUID id) {
        return attachments.find(entityId, id).orElseThrow(AttachmentNotFound::new);
    }

    /** The file's bytes from {@code offset}, {@code length} of them (-1: all the rest). The caller closes it. */
    public InputStream open(AttachedFile file, long offset, long length) {
        try {
            return store.open(file.entityId(), file.sha256(), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an upload that will not be attached after all (its bytes go with the next sweep). */
    public void discard(UUID entityId, UUID id) {
        attachments.deleteUnattached(entityId, id);
    }

    public long maxFileBytes() {
        return settings.maxFileBytes();
    }

    public long maxMessageBytes() {
        return settings.maxMessageBytes();
    }

    /** The files of one message of a ticket, oldest first. */
    public List<AttachedFile> ofMessage(UUID entityId, UUID ticketId, UUID messageId) {
        return attachments.ofTicket(entityId, ticketId).stream().filter(f -> messageId.equals(f.messageId())).toList();
    }

    @Override
    public void claim(UUID entityId, UUID ticketId, UUID messageId, List<UUID> uploadIds) {
        if (uploadIds.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>(uploadIds);
        if (ids.size() != uploadIds.size()) {
            throw new InvalidInput("attachments lists the same upload twice");
        }
        List<AttachedFile> found = attachments.lock(entityId, ids);
        for (UUID id : ids) {
            AttachedFile file = found.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
            if (file == null) {
                throw new InvalidInput("attachments: " + id + " is not an upload of this entity");
            }
            if (file.ticketId() != null) {
                throw new InvalidInput("attachments: " + id + " is already attached; upload the file again");
            }
        }
        long total = found.stream().mapToLong(AttachedFile::size).sum();
        if (total > settings.maxMessageBytes()) {
            throw FileTooLarge.message(settings.maxMessageBytes());
        }
        if (attachments.attach(entityId, ids, ticketId, messageId) != ids.size()) {
            throw new InvalidInput("attachments: an upload was attached meanwhile; upload the file again");
        }
    }

    @Override
    public List<AttachedFile> ofTicket(UUID entityId, UUID ticketId) {
        return attachments.ofTicket(entityId, ticketId);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
