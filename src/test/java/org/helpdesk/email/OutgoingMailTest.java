package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The subject and Message-ID of outgoing mails. */
class OutgoingMailTest {

    @Test
    void theSubjectCarriesTheTicketNumberOnceAndNoReplyPrefixes() {
        assertThat(MailSender.subject("HD-42", "Printer broken")).isEqualTo("[HD-42] Printer broken");
        assertThat(MailSender.subject("HD-42", "Re: RE: Fwd: Printer broken")).isEqualTo("[HD-42] Printer broken");
        assertThat(MailSender.subject("HD-42", "AW: [HD-42] Printer broken")).isEqualTo("[HD-42] Printer broken");
        assertThat(MailSender.subject("HD-7", "Reorder paper")).isEqualTo("[HD-7] Reorder paper");
        assertThat(MailSender.subject("HD-7", "Re:")).isEqualTo("[HD-7] Re:");
    }

    @Test
    void theMessageIdIsDerivedFromTheMessageSoAResendCarriesTheSameOne() {
        UUID id = UUID.fromString("01a23717-940b-7e57-aa8b-165506683e4d");

        assertThat(MailSender.rfcMessageId(id, "support@acme.test"))
                .isEqualTo("<01a23717-940b-7e57-aa8b-165506683e4d@acme.test>")
                .isEqualTo(MailSender.rfcMessageId(id, "support@acme.test"));
    }
}
