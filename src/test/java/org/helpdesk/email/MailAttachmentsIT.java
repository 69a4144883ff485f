package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Files in mail both ways (API §8), through GreenMail: inbound parts become attachments, a reply's go out. */
class MailAttachmentsIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    MailPoller poller;

    HttpApi.Owner owner;
    String support;
    UUID mailboxId;
    String contact;

    @BeforeEach
    void mailbox() {
        owner = api.newOwner();
        support = MailTestServer.newSupportAddress();
        contact = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(MailTestServer.mailboxBody(support)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        mailboxId = UUID.fromString(r.json().get("id").stringValue());
    }

    @Test
    void aMailWithACidImageAPdfAndAnHtmlFileBecomesATicketWithThreeFiles() throws Exception {
        // Given: HTML text with an image it shows by cid:, and two files attached
        MimeMessage mail = MailTestServer.mail("Pat <" + contact + ">", support, "Screenshots", "");
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>See the error:</p><img src=\"cid:shot1@pat\"></body></html>", "text/html; charset=UTF-8");
        related.addBodyPart(html);
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        image.setHeader("Content-ID", "<shot1@pat>");
        image.setDisposition(Part.INLINE);
        related.addBodyPart(image);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(related);
        mixed.addBodyPart(body);
        mixed.addBodyPart(file("invoice.pdf", "application/pdf", PDF));
        mixed.addBodyPart(file("page.html", "text/html", HTML));
        mail.setContent(mixed);
        mail.saveChanges();
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
        MailTestServer.deliver(support, mail);

        // When
        pollAll();

        // Then
        JsonNode ticket = onlyTicket();
        assertThat(ticket.get("description").stringValue()).contains("See the error:").doesNotContain("Not imported");
        JsonNode files = ticket.get("attachments");
        assertThat(files).hasSize(3);
        JsonNode shot = find(files, "image/png");
        assertThat(shot.get("inline").asBoolean()).isTrue();
        assertThat(shot.get("messageId").isNull()).isTrue();
        assertThat(find(files, "application/pdf").get("filename").stringValue()).isEqualTo("invoice.pdf");
        assertThat(find(files, "application/pdf").get("inline").asBoolean()).isFalse();
        assertThat(find(files, "text/html").get("filename").stringValue()).isEqualTo("page.html");
        assertThat(bytes(find(files, "application/pdf").get("id").stringValue())).isEqualTo(PDF);
        assertThat(bytes(shot.get("id").stringValue())).isEqualTo(PNG);
        assertThat(ticket.get("messages")).isEmpty();
    }

    @Test
    void aReplyMailsFilesLandOnItsMessage() throws Exception {
        MailTestServer.deliver(support, MailTestServer.mail("Pat <" + contact + ">", support, "Printer", "It is broken"));
        pollAll();
        String number = onlyTicket().get("ticketNumber").stringValue();

        MimeMessage reply = MailTestServer.mail("Pat <" + contact + ">", support, "Re: [" + number + "] Printer", "");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Here is the invoice", "UTF-8");
        mixed.addBodyPart(text);
        mixed.addBodyPart(file("invoice.pdf", "application/pdf", PDF));
        reply.setContent(mixed);
        reply.saveChanges();
        reply.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
        MailTestServer.deliver(support, reply);
        pollAll();

        JsonNode message = onlyTicket().get("messages").get(0);
        assertThat(message.get("body").stringValue()).isEqualTo("Here is the invoice");
        assertThat(message.get("attachments")).hasSize(1);
        assertThat(message.get("attachments").get(0).get("messageId").stringValue()).isEqualTo(message.get("id").stringValue());
    }

    @Test
    void aMailOverTheLimitsStillBecomesItsTicketWithANoteNamingTheFileLeftOut() throws Exception {
        byte[] huge = new byte[25 * 1024 * 1024 + 1];
        new Random(5).nextBytes(huge);
        MimeMessage mail = MailTestServer.mail("Pat <" + contact + ">", support, "Big files", "");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Two files", "UTF-8");
        mixed.addBodyPart(text);
        mixed.addBodyPart(file("dump.bin", "application/octet-stream", huge));
        mixed.addBodyPart(file("invoice.pdf", "application/pdf", PDF));
        mail.setContent(mixed);
        mail.saveChanges();
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
        MailTestServer.deliver(support, mail);

        pollAll();

        JsonNode ticket = onlyTicket();
        assertThat(ticket.get("attachments")).hasSize(1);
        assertThat(ticket.get("attachments").get(0).get("filename").stringValue()).isEqualTo("invoice.pdf");
        JsonNode note = ticket.get("messages").get(0);
        assertThat(note.get("authorType").stringValue()).isEqualTo("system");
        assertThat(note.get("isInternal").asBoolean()).isTrue();
        assertThat(note.get("body").stringValue()).contains("dump.bin").contains("larger than 25 MiB");
    }

    @Test
    void aRepliesFilesGoOutAsMimeParts() throws Exception {
        MailTestServer.deliver(support, MailTestServer.mail("Pat <" + contact + ">", support, "Printer", "Broken"));
        pollAll();
        String ticketId = onlyTicket().get("id").stringValue();
        String pdf = upload("invoice.pdf", PDF);

        HttpApi.Response r = api.post("/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "Your invoice is attached", "attachments", List.of(pdf))).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        await().atMost(WAIT).until(() -> !MailTestServer.receivedBy(contact).isEmpty());
        MimeMessage sent = MailTestServer.receivedBy(contact).get(0);
        assertThat(sent.isMimeType("multipart/mixed")).isTrue();
        List<BodyPart> parts = new ArrayList<>();
        Multipart multi = (Multipart) sent.getContent();
        for (int i = 0; i < multi.getCount(); i++) {
            parts.add(multi.getBodyPart(i));
        }
        BodyPart attachment = parts.stream().filter(p -> {
            try {
                return "invoice.pdf".equals(p.getFileName());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static MimeBodyPart file(String name, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    private void pollAll() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            poller.poll(owner.entityId(), mailboxId);
            return MailTestServer.unseen(support) == 0;
        });
        // the background poller may hold the lease and be importing right now: wait for its ticket
        await().atMost(WAIT).until(() -> !tickets().isEmpty());
    }

    private List<JsonNode> tickets() {
        return api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send().json().valueStream().toList();
    }

    private JsonNode onlyTicket() {
        List<JsonNode> all = tickets();
        assertThat(all).hasSize(1);
        return api.get("/api/helpdesk/tickets/" + all.get(0).get("id").stringValue()).bearer(owner.apiKey()).send().json();
    }

    private static JsonNode find(JsonNode files, String type) {
        return files.valueStream().filter(f -> f.get("contentType").stringValue().equals(type)).findFirst().orElseThrow();
    }

    private byte[] bytes(String id) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/helpdesk/attachments/" + id))
                .header("Authorization", "Bearer " + owner.apiKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String upload(String name, byte[] content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/helpdesk/uploads"))
                .header("Authorization", "Bearer " + owner.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return HttpApi.JSON.readTree(r.body()).get("id").stringValue();
    }
}
