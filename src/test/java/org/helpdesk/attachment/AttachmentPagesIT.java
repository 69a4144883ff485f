package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/** The agents' page: the composer's "Attach files" (a multipart form post) and the files on the conversation. */
class AttachmentPagesIT extends ApiTest {

    @Test
    void filesAttachedOnTheComposerAreLinkedByNameAndImagesShownAsThumbnails() {
        // Given
        HttpApi.Owner owner = api.newOwner();
        FileApi files = new FileApi(api.base());
        HttpApi.Response created = api.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "Printer")).send();
        String number = created.json().get("ticketNumber").stringValue().substring(3);
        String page = "/e/" + owner.entity() + "/tickets/" + number;
        String form = files.get(page, Map.of("Cookie", "SESSION=" + owner.session().sessionCookie())).text();
        assertThat(form).contains("enctype=\"multipart/form-data\"").contains("<label for=\"attach-files\">Attach files</label>");

        // When: the composer posts a message with two files
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "body", "Here you are");
        field(body, boundary, "mode", "reply");
        file(body, boundary, "screen.png", FileApi.PNG);
        file(body, boundary, "invoice <1>.pdf", FileApi.PDF);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        FileApi.Download posted = files.send("POST", page + "/messages", Map.of(
                "Cookie", "SESSION=" + owner.session().sessionCookie() + "; XSRF-TOKEN=" + owner.session().csrf(),
                "X-XSRF-TOKEN", owner.session().csrf(),
                "Content-Type", "multipart/form-data; boundary=" + boundary), body.toByteArray());

        // Then
        assertThat(posted.status()).as(posted.text()).isEqualTo(302);
        String html = files.get(page, Map.of("Cookie", "SESSION=" + owner.session().sessionCookie())).text();
        assertThat(html).containsPattern("<img src=\"/api/helpdesk/attachments/[0-9a-f-]+\\?entityId=" + owner.entity()
                + "\" alt=\"screen.png\"");
        assertThat(html).contains(">invoice &lt;1&gt;.pdf</a>").contains("application/pdf");
        assertThat(api.get("/api/helpdesk/tickets/" + created.json().get("id").stringValue()).bearer(owner.apiKey())
                .send().json().get("messages").get(0).get("attachments")).hasSize(2);
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void file(ByteArrayOutputStream out, String boundary, String name, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
