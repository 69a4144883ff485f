package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store over real HTTP against a stand-alone S3-compatible server (the npm package s3rver, started here as
 * a separate process; .ci/run installs it). Skipped where s3rver is not installed, like the browser tests without
 * Chromium.
 */
@EnabledIf("s3rverInstalled")
class S3BlobStoreIT {
    private static final String BUCKET = "helpdesk-test";
    private static Process server;
    private static S3BlobStore store;
    private static Path folder;

    static boolean s3rverInstalled() {
        return executable() != null;
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "s3rver"))) {
                return Path.of(dir, "s3rver").toString();
            }
        }
        return null;
    }

    @BeforeAll
    static void startServer() throws Exception {
        folder = Files.createTempDirectory("s3rver-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(executable(), "--directory", folder.resolve("data").toString(),
                "--port", String.valueOf(port), "--address", "127.0.0.1", "--configure-bucket", BUCKET)
                .redirectErrorStream(true).redirectOutput(folder.resolve("s3rver.log").toFile());
        // s3rver's continuation tokens use a cipher Node's OpenSSL 3 keeps in its legacy provider
        builder.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("s3rver did not start: " + Files.readString(folder.resolve("s3rver.log")));
                }
                Thread.sleep(200);
            }
        }
        Thread.sleep(500); // the bucket is configured right after the port opens
        store = new S3BlobStore(new S3Settings("http://127.0.0.1:" + port, "us-east-1", BUCKET, "S3RVER", "S3RVER", true),
                folder.resolve("staging"), Duration.ofMinutes(15));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aFilePutIsReadBackWholeAndByRange() throws Exception {
        UUID entity = UUID.randomUUID();
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(content);
        String sha = AttachmentsIT.sha256(content);

        store.put(entity, sha, staged(content), content.length);

        assertThat(store.exists(entity, sha)).isTrue();
        try (InputStream in = store.open(entity, sha, 0, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = store.open(entity, sha, 1000, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 1010));
        }
        assertThat(Files.list(store.staging()).toList()).isEmpty();
    }

    @Test
    void theSameFileTwiceIsOneObjectAndDeleteRemovesIt() throws Exception {
        UUID entity = UUID.randomUUID();
        byte[] content = "same".getBytes(StandardCharsets.UTF_8);
        String sha = AttachmentsIT.sha256(content);

        store.put(entity, sha, staged(content), content.length);
        store.put(entity, sha, staged(content), content.length);

        List<BlobStore.Blob> listed = store.list(null, 1000).stream().filter(b -> b.entityId().equals(entity)).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().sha256()).isEqualTo(sha);
        assertThat(listed.getFirst().modified()).isNotNull();

        store.delete(entity, sha);
        assertThat(store.exists(entity, sha)).isFalse();
        assertThatThrownBy(() -> store.open(entity, sha, 0, -1)).isInstanceOf(MissingBlob.class);
    }

    @Test
    void listingPagesThroughTheBucketInKeyOrder() throws Exception {
        UUID entity = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            byte[] content = ("file " + i).getBytes(StandardCharsets.UTF_8);
            store.put(entity, AttachmentsIT.sha256(content), staged(content), content.length);
        }
        List<BlobStore.Blob> first = store.list(null, 2);
        assertThat(first).hasSize(2);
        List<BlobStore.Blob> next = store.list(first.getLast().key(), 1000);
        assertThat(next).noneMatch(b -> b.key().compareTo(first.getLast().key()) <= 0);
        assertThat(next.stream().filter(b -> b.entityId().equals(entity)).count()
                + first.stream().filter(b -> b.entityId().equals(entity)).count()).isEqualTo(5);
    }

    private static Path staged(byte[] content) throws IOException {
        Path file = Files.createTempFile(store.staging(), "t-", ".part");
        Files.write(file, content);
        return file;
    }
}
