package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** Reading received mails: text, HTML, attachments, threading headers and the automatic-mail guards. */
class InboundMailTest {

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static String mail(String extraHeaders, String from) {
        return """
                From: %s
                To: support@acme.test
                Subject: Printer broken
                Message-ID: <m1@customer.test>
                %sContent-Type: text/plain; charset=UTF-8

                It prints nothing.
                """.formatted(from, extraHeaders);
    }

    @Test
    void aPlainMailGivesSenderSubjectTextAndMessageId() throws Exception {
        InboundMail m = InboundMail.read(parse(mail("", "\"Pat Contact\" <Pat@Customer.test>")));

        assertThat(m.senderEmail()).isEqualTo("Pat@Customer.test");
        assertThat(m.senderName()).isEqualTo("Pat Contact");
        assertThat(m.subject()).isEqualTo("Printer broken");
        assertThat(m.text()).isEqualTo("It prints nothing.");
        assertThat(m.messageId()).isEqualTo("<m1@customer.test>");
        assertThat(m.autoReason()).isNull();
        assertThat(m.importKey(7, 9)).isEqualTo("<m1@customer.test>");
    }

    @Test
    void aMailWithoutMessageIdIsKeyedByItsImapUid() throws Exception {
        InboundMail m = InboundMail.read(parse(mail("", "pat@customer.test").replace("Message-ID: <m1@customer.test>\n", "")));

        assertThat(m.messageId()).isNull();
        assertThat(m.importKey(7, 9)).isEqualTo("uid:7:9");
    }

    @Test
    void inReplyToComesFirstThenReferencesNewestFirst() throws Exception {
        InboundMail m = InboundMail.read(parse(mail("In-Reply-To: <c@x>\nReferences: <a@x> <b@x>\n <c@x>\n", "p@c.test")));

        assertThat(m.references()).containsExactly("<c@x>", "<b@x>", "<a@x>");
    }

    @Test
    void htmlBecomesReadableTextAndTheTextPartIsPreferred() throws Exception {
        String html = """
                From: p@c.test
                Subject: Hi
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style></head><body><p>Hello <b>team</b>,</p><p>line one<br>line two</p><ul><li>a</li><li>b</li></ul><script>x()</script></body></html>
                """;
        assertThat(InboundMail.read(parse(html)).text()).isEqualTo("Hello team,\nline one\nline two\n- a\n- b");

        String alternative = """
                From: p@c.test
                Subject: Hi
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary=XX

                --XX
                Content-Type: text/html; charset=UTF-8

                <p>HTML version</p>
                --XX
                Content-Type: text/plain; charset=UTF-8

                Text version
                --XX--
                """;
        assertThat(InboundMail.read(parse(alternative)).text()).isEqualTo("Text version");
    }

    @Test
    void attachmentPartsAreLeftToTheFilesAndNeverBreakTheText() throws Exception {
        String raw = """
                From: p@c.test
                Subject: Invoice
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=XX

                --XX
                Content-Type: text/plain; charset=UTF-8

                See attached.
                --XX
                Content-Type: application/pdf; name="invoice.pdf"
                Content-Disposition: attachment; filename="invoice.pdf"
                Content-Transfer-Encoding: base64

                %%%not base64 at all%%%
                --XX
                Content-Type: text/plain; charset=x-no-such-charset

                odd charset
                --XX--
                """;
        InboundMail m = InboundMail.read(parse(raw));

        // the PDF becomes an attachment of the message (MailFiles, MailAttachmentsIT), not a line of its text
        assertThat(m.text()).startsWith("See attached.").contains("odd charset").doesNotContain("invoice.pdf");
    }

    @Test
    void autoRepliesBouncesAndListMailAreRecognised() throws Exception {
        assertThat(InboundMail.read(parse(mail("Auto-Submitted: auto-replied\n", "p@c.test"))).autoReason()).contains("Auto-Submitted");
        assertThat(InboundMail.read(parse(mail("Auto-Submitted: no\n", "p@c.test"))).autoReason()).isNull();
        assertThat(InboundMail.read(parse(mail("Precedence: bulk\n", "p@c.test"))).autoReason()).contains("Precedence");
        assertThat(InboundMail.read(parse(mail("Precedence: List\n", "p@c.test"))).autoReason()).contains("Precedence");
        assertThat(InboundMail.read(parse(mail("Precedence: first-class\n", "p@c.test"))).autoReason()).isNull();
        assertThat(InboundMail.read(parse(mail("X-Autoreply: yes\n", "p@c.test"))).autoReason()).contains("X-Autoreply");
        assertThat(InboundMail.read(parse(mail("X-Autorespond: yes\n", "p@c.test"))).autoReason()).contains("X-Autorespond");
        assertThat(InboundMail.read(parse(mail("", "MAILER-DAEMON@mx.c.test"))).autoReason()).contains("MAILER-DAEMON");
        assertThat(InboundMail.read(parse(mail("", "postmaster@c.test"))).autoReason()).contains("postmaster");
    }

    @Test
    void aMissingSubjectAndAnUnusableSenderAreTolerated() throws Exception {
        InboundMail m = InboundMail.read(parse("From: nobody\nContent-Type: text/plain\n\nhi\n"));

        assertThat(m.subject()).isEmpty();
        assertThat(m.senderEmail()).isNull();
        assertThat(m.text()).isEqualTo("hi");
    }
}
