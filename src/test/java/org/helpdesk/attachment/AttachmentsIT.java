package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.attachment.FileApi.bearer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** API §8 over real HTTP: uploads, attaching, the files on tickets and messages, downloads, limits, tenancy. */
class AttachmentsIT extends ApiTest {
    private static final int MIB = 1024 * 1024;
    private static final String TICKETS = "/api/helpdesk/tickets";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AttachmentSweep sweep;

    private FileApi files;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        files = new FileApi(api.base());
        owner = api.newOwner();
    }

    @Test
    void uploadIs201WithEveryFieldAndIsNotYetAttached() throws Exception {
        // When
        FileApi.Download r = files.upload(bearer(owner.apiKey()), "pixel.png", "text/plain", FileApi.PNG);

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.propertyNames()).containsExactly("id", "entityId", "ticketId", "messageId", "filename",
                "contentType", "size", "sha256", "inline", "createdAt");
        assertThat(r.header("Location")).endsWith("/api/helpdesk/attachments/" + a.get("id").stringValue());
        assertThat(a.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(a.get("ticketId").isNull()).isTrue();
        assertThat(a.get("messageId").isNull()).isTrue();
        assertThat(a.get("filename").stringValue()).isEqualTo("pixel.png");
        assertThat(a.get("contentType").stringValue()).isEqualTo("image/png");
        assertThat(a.get("size").asLong()).isEqualTo(FileApi.PNG.length);
        assertThat(a.get("sha256").stringValue()).isEqualTo(sha256(FileApi.PNG));
        assertThat(a.get("inline").asBoolean()).isFalse();
        assertThat(a.get("createdAt").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void contentTypeComesFromTheBytesNotFromTheClient() {
        assertThat(typeOf("invoice.png", "image/png", FileApi.PDF)).isEqualTo("application/pdf");
        assertThat(typeOf("page.txt", "text/plain", FileApi.HTML)).isEqualTo("text/html");
        assertThat(typeOf("data.pdf", "application/pdf", random(2048, 3))).isEqualTo("application/octet-stream");
    }

    @Test
    void filenameLosesItsPathAndControlCharactersAndIsCutAt255() {
        assertThat(nameOf("/home/ann/report.pdf")).isEqualTo("report.pdf");
        assertThat(nameOf("../../etc/pass\u0001wd")).isEqualTo("passwd");
        assertThat(nameOf("")).isEqualTo("file");
        String longName = "a".repeat(300) + ".txt";
        assertThat(nameOf(longName)).isEqualTo("a".repeat(255));
    }

    @Test
    void emptyFileIs400() {
        assertError(files.upload(owner.apiKey(), "empty.txt", new byte[0]), 400);
    }

    @Test
    void fileOf25MiBIsAcceptedAndOneByteMoreIs413() {
        byte[] max = random(25 * MIB, 1);
        assertThat(files.upload(owner.apiKey(), "max.bin", max).status()).isEqualTo(201);

        byte[] over = random(25 * MIB + 1, 2);
        assertError(files.upload(owner.apiKey(), "over.bin", over), 413);
    }

    @Test
    void uploadThatIsNotMultipartIs415() {
        FileApi.Download r = files.send("POST", FileApi.UPLOADS, Map.of("Authorization", "Bearer " + owner.apiKey(),
                "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertError(r, 415);
    }

    @Test
    void uploadWithoutCredentialsIs401WhateverTheBody() {
        assertError(files.send("POST", FileApi.UPLOADS, Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8)), 401);
        // larger than the JSON limit of 1 MiB: still the credentials first
        assertError(files.upload(Map.of("Authorization", "Bearer ak_nonsense"), "big.bin", null,
                random(MIB + MIB / 2, 4)), 401);
    }

    @Test
    void readOnlyKeyAndViewerCannotUpload() {
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        assertError(files.upload(readOnly, "a.txt", "a".getBytes(StandardCharsets.UTF_8)), 403);
        HttpApi.Session viewer = api.newMember(owner, "viewer");
        assertError(files.upload(withEntity(FileApi.session(viewer)), "a.txt", null,
                "a".getBytes(StandardCharsets.UTF_8)), 403);
    }

    @Test
    void signedInAgentUploadsWithTheCsrfTokenOnly() {
        HttpApi.Session agent = api.newMember(owner, "agent");
        assertThat(files.upload(withEntity(FileApi.session(agent)), "a.txt", null,
                "hello".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        Map<String, String> noCsrf = Map.of("Cookie", "SESSION=" + agent.sessionCookie(), "x-entity-id", owner.entity());
        assertError(files.upload(noCsrf, "a.txt", null, "hello".getBytes(StandardCharsets.UTF_8)), 403);
    }

    @Test
    void filesOfANewTicketBelongToItsDescription() {
        // Given
        String png = files.uploadId(owner.apiKey(), "screen.png", FileApi.PNG);
        String pdf = files.uploadId(owner.apiKey(), "invoice.pdf", FileApi.PDF);

        // When
        HttpApi.Response created = api.post(TICKETS).bearer(owner.apiKey())
                .json(Map.of("subject", "With files", "attachments", List.of(png, pdf))).send();

        // Then
        assertThat(created.status()).isEqualTo(201);
        String ticketId = created.json().get("id").stringValue();
        JsonNode ticket = api.get(TICKETS + "/" + ticketId).bearer(owner.apiKey()).send().json();
        JsonNode attachments = ticket.get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("id").stringValue()).isEqualTo(png);
        assertThat(attachments.get(1).get("id").stringValue()).isEqualTo(pdf);
        for (JsonNode a : attachments) {
            assertThat(a.get("ticketId").stringValue()).isEqualTo(ticketId);
            assertThat(a.get("messageId").isNull()).isTrue();
        }
        JsonNode meta = files.get("/api/helpdesk/attachments/" + png + "/meta", bearer(owner.apiKey())).json();
        assertThat(meta.get("ticketId").stringValue()).isEqualTo(ticketId);
        JsonNode list = api.get(TICKETS).bearer(owner.apiKey()).send().json();
        assertThat(list.get(0).has("attachments")).isFalse();
    }

    @Test
    void messageCarriesItsFilesAndEveryOtherMessageAnEmptyList() {
        // Given
        String ticketId = ticket();
        api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey()).json(Map.of("body", "no files")).send();
        String pdf = files.uploadId(owner.apiKey(), "invoice.pdf", FileApi.PDF);

        // When
        HttpApi.Response r = api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "see attached", "attachments", List.of(pdf))).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        String messageId = r.json().get("id").stringValue();
        assertThat(r.json().get("attachments")).hasSize(1);
        assertThat(r.json().get("attachments").get(0).get("messageId").stringValue()).isEqualTo(messageId);
        JsonNode ticket = api.get(TICKETS + "/" + ticketId).bearer(owner.apiKey()).send().json();
        assertThat(ticket.get("attachments")).isEmpty();
        assertThat(ticket.get("messages").get(0).get("attachments")).isEmpty();
        JsonNode files = ticket.get("messages").get(1).get("attachments");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("id").stringValue()).isEqualTo(pdf);
        assertThat(files.get(0).get("filename").stringValue()).isEqualTo("invoice.pdf");
    }

    @Test
    void anUploadCannotBeAttachedTwiceAndTheRefusedMessageIsNotCreated() {
        String ticketId = ticket();
        String pdf = files.uploadId(owner.apiKey(), "invoice.pdf", FileApi.PDF);
        assertThat(message(ticketId, List.of(pdf)).status()).isEqualTo(201);

        assertError(message(ticketId, List.of(pdf)), 400);
        assertError(api.post(TICKETS).bearer(owner.apiKey())
                .json(Map.of("subject", "again", "attachments", List.of(pdf))).send(), 400);
        assertThat(api.get(TICKETS + "/" + ticketId).bearer(owner.apiKey()).send().json().get("messages")).hasSize(1);
    }

    @Test
    void badAttachmentListsAre400AndChangeNothing() {
        String ticketId = ticket();
        String upload = files.uploadId(owner.apiKey(), "a.txt", "a".getBytes(StandardCharsets.UTF_8));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        assertError(message(ticketId, tooMany), 400);
        assertError(message(ticketId, List.of(UUID.randomUUID().toString())), 400);
        assertError(message(ticketId, List.of("not-a-uuid")), 400);
        assertError(message(ticketId, List.of(upload, upload)), 400);
        assertError(api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "x", "attachments", upload)).send(), 400);
        assertThat(api.get(TICKETS + "/" + ticketId).bearer(owner.apiKey()).send().json().get("messages")).isEmpty();
        // the upload is still free to attach
        assertThat(message(ticketId, List.of(upload)).status()).isEqualTo(201);
    }

    @Test
    void anUploadOfAnotherEntityIs400AndItsFileIs404() {
        HttpApi.Owner other = api.newOwner();
        String theirs = files.uploadId(other.apiKey(), "secret.pdf", FileApi.PDF);
        String ticketId = ticket();

        assertError(message(ticketId, List.of(theirs)), 400);
        assertError(files.get("/api/helpdesk/attachments/" + theirs, bearer(owner.apiKey())), 404);
        assertError(files.get("/api/helpdesk/attachments/" + theirs + "/meta", bearer(owner.apiKey())), 404);
        assertError(files.get("/api/helpdesk/attachments/" + UUID.randomUUID(), bearer(owner.apiKey())), 404);
        assertError(files.get("/api/helpdesk/attachments/nope/meta", bearer(owner.apiKey())), 400);
        assertError(files.get("/api/helpdesk/attachments/" + theirs, Map.of()), 401);
    }

    @Test
    void filesOfOneMessageOver50MiBTogetherAre413AndNothingIsAttached() {
        byte[] big = random(25 * MIB, 7);
        String a = files.uploadId(owner.apiKey(), "a.bin", big);
        String b = files.uploadId(owner.apiKey(), "b.bin", big); // the same bytes: stored once
        String c = files.uploadId(owner.apiKey(), "c.txt", "over".getBytes(StandardCharsets.UTF_8));
        String ticketId = ticket();

        assertError(message(ticketId, List.of(a, b, c)), 413);
        assertThat(message(ticketId, List.of(a, b)).status()).isEqualTo(201);
        assertThat(blobs(owner.entityId())).hasSize(2); // 25 MiB once, and "over"
    }

    @Test
    void imagesAreShownInlineAndEverythingElseIsADownloadWithSafeHeaders() {
        FileApi.Download png = download(files.uploadId(owner.apiKey(), "pixel.png", FileApi.PNG));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.body()).isEqualTo(FileApi.PNG);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(png.header("Content-Disposition")).isEqualTo("inline");
        assertThat(png.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(png.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
        assertThat(png.header("ETag")).isEqualTo("\"" + sha256(FileApi.PNG) + "\"");

        FileApi.Download html = download(files.uploadId(owner.apiKey(), "page é.html", FileApi.HTML));
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''page%20%C3%A9.html");
        assertThat(html.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");

        FileApi.Download svg = download(files.uploadId(owner.apiKey(), "logo.svg", FileApi.SVG));
        assertThat(svg.header("Content-Disposition")).startsWith("attachment;");
        FileApi.Download pdf = download(files.uploadId(owner.apiKey(), "a.pdf", FileApi.PDF));
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''a.pdf");
    }

    @Test
    void rangeRequestsAre206AndAnUnsatisfiableRangeIs416() {
        byte[] content = "0123456789".getBytes(StandardCharsets.US_ASCII);
        String id = files.uploadId(owner.apiKey(), "digits.txt", content);
        String path = "/api/helpdesk/attachments/" + id;

        FileApi.Download middle = files.get(path, Map.of("Authorization", "Bearer " + owner.apiKey(), "Range", "bytes=2-5"));
        assertThat(middle.status()).isEqualTo(206);
        assertThat(new String(middle.body(), StandardCharsets.US_ASCII)).isEqualTo("2345");
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 2-5/10");

        FileApi.Download tail = files.get(path, Map.of("Authorization", "Bearer " + owner.apiKey(), "Range", "bytes=-3"));
        assertThat(new String(tail.body(), StandardCharsets.US_ASCII)).isEqualTo("789");
        FileApi.Download open = files.get(path, Map.of("Authorization", "Bearer " + owner.apiKey(), "Range", "bytes=7-"));
        assertThat(new String(open.body(), StandardCharsets.US_ASCII)).isEqualTo("789");

        FileApi.Download beyond = files.get(path, Map.of("Authorization", "Bearer " + owner.apiKey(), "Range", "bytes=10-"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */10");

        FileApi.Download same = files.get(path, Map.of("Authorization", "Bearer " + owner.apiKey(),
                "If-None-Match", "\"" + sha256(content) + "\""));
        assertThat(same.status()).isEqualTo(304);
    }

    @Test
    void theSameFileTwiceIsStoredOnce() {
        byte[] content = "same bytes".getBytes(StandardCharsets.UTF_8);
        String a = files.uploadId(owner.apiKey(), "a.txt", content);
        String b = files.uploadId(owner.apiKey(), "b.txt", content);
        assertThat(a).isNotEqualTo(b);
        assertThat(blobs(owner.entityId())).hasSize(1);
    }

    @Test
    void theSweepRemovesUploadsNeverAttachedAfter24HoursAndBytesNoRowNames() throws Exception {
        // Given an old upload, an attached file, and bytes no row names (a crash between bytes and row)
        String old = files.uploadId(owner.apiKey(), "old.txt", "old".getBytes(StandardCharsets.UTF_8));
        String kept = files.uploadId(owner.apiKey(), "kept.txt", "kept".getBytes(StandardCharsets.UTF_8));
        assertThat(message(ticket(), List.of(kept)).status()).isEqualTo(201);
        jdbc.sql("update attachments set created_at = :at where entity_id = :e")
                .param("at", java.time.OffsetDateTime.now().minusHours(25)).param("e", owner.entityId()).update();
        Path orphan = blobFolder(owner.entityId()).resolve("ab").resolve("ab" + "0".repeat(62));
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "crash leftover");
        for (Path blob : blobs(owner.entityId())) {
            Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        }
        String young = files.uploadId(owner.apiKey(), "young.txt", "young".getBytes(StandardCharsets.UTF_8));

        // When (every batch of the store once through)
        for (int i = 0; i < 50 && sweep.sweep().uploads() + 1 > 0 && Files.exists(orphan); i++) {
            // bounded
        }
        sweep.sweep();

        // Then
        assertError(files.get("/api/helpdesk/attachments/" + old + "/meta", bearer(owner.apiKey())), 404);
        assertThat(Files.exists(orphan)).isFalse();
        assertThat(download(kept).status()).isEqualTo(200);
        assertThat(download(young).status()).isEqualTo(200);
        assertThat(blobs(owner.entityId())).hasSize(2);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String ticket() {
        return api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "Files")).send().json().get("id")
                .stringValue();
    }

    private HttpApi.Response message(String ticketId, Object attachments) {
        return api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "files", "attachments", attachments)).send();
    }

    private FileApi.Download download(String id) {
        return files.get("/api/helpdesk/attachments/" + id, bearer(owner.apiKey()));
    }

    private String typeOf(String name, String clientType, byte[] content) {
        FileApi.Download r = files.upload(bearer(owner.apiKey()), name, clientType, content);
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("contentType").stringValue();
    }

    private String nameOf(String name) {
        FileApi.Download r = files.upload(bearer(owner.apiKey()), name, null, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return r.json().get("filename").stringValue();
    }

    private Map<String, String> withEntity(Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("x-entity-id", owner.entity());
        return all;
    }

    private static Path blobFolder(UUID entityId) {
        return Path.of("target/test-attachments/blobs").resolve(entityId.toString());
    }

    static List<Path> blobs(UUID entityId) {
        Path folder = blobFolder(entityId);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertError(FileApi.Download r, int status) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        if (status != 304) {
            assertThat(r.json().get("error").stringValue()).isNotBlank();
        }
    }

    static void assertError(HttpApi.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").stringValue()).isNotBlank();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
