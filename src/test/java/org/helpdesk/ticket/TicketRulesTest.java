package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** Commands validate themselves; edits and their recorded changes follow the rules; no Spring involved. */
class TicketRulesTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final UUID ENTITY = UUID.randomUUID();

    private static Ticket ticket(NewTicket command) {
        return Ticket.create(UUID.randomUUID(), ENTITY, 7, command.fields(Channel.API), UUID.randomUUID(), T0);
    }

    @Test
    void aNewTicketTrimsItsSubjectAndTakesTheDefaults() {
        Ticket ticket = ticket(NewTicket.of("  Printer on fire  ", null));
        assertThat(ticket.subject()).isEqualTo("Printer on fire");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.NORMAL);
        assertThat(ticket.channel()).isEqualTo(Channel.API);
        assertThat(ticket.ticketNumber()).isEqualTo("HD-7");
    }

    @Test
    void aTicketCreatedResolvedIsStampedResolved() {
        Ticket ticket = ticket(new NewTicket("Done", null, TicketStatus.RESOLVED, null, null, null, null, null, null));
        assertThat(ticket.resolvedAt()).isEqualTo(T0);
    }

    @Test
    void badTicketTextIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> NewTicket.of("   ", null)).isInstanceOf(InvalidInput.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> NewTicket.of("x".repeat(256), null)).hasMessageContaining("subject");
        assertThatThrownBy(() -> NewTicket.of("ok", "x".repeat(100_001))).hasMessageContaining("description");
        assertThatThrownBy(() -> NewTicket.of("nul\0", null)).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new NewTicket("ok", null, null, null, null, "not-an-email", null, null, null))
                .hasMessageContaining("contactEmail");
    }

    @Test
    void aMessageNeedsABodyOfAtMost100000Characters() {
        assertThatThrownBy(() -> new NewMessage(" \n ", false)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new NewMessage("x".repeat(100_001), false)).hasMessageContaining("100000");
        assertThat(new NewMessage("x".repeat(100_000), true).internal()).isTrue();
    }

    @Test
    void aChangeNamesOnlyWhatItChangesAndCanClearOptionalFields() {
        Ticket ticket = ticket(new NewTicket("Old", "text", null, null, null, "a@example.com", "Ann", null, null));
        TicketChange change = TicketChange.none().subject("New").contactName(null);

        Ticket edited = ticket.edit(change.applyTo(ticket.fields()), T1);

        assertThat(edited.subject()).isEqualTo("New");
        assertThat(edited.contactName()).isNull();
        assertThat(edited.contactEmail()).isEqualTo("a@example.com");
        assertThat(edited.description()).isEqualTo("text");
        assertThat(edited.updatedAt()).isEqualTo(T1);
        assertThat(TicketManagement.changes(ticket, edited)).containsOnlyKeys("subject", "contactName");
        assertThat(TicketManagement.changes(ticket, edited).get("contactName")).isEqualTo(new FieldChange("Ann", null));
    }

    @Test
    void anEmptyOrSameValueChangeLeavesTheTicketAsItWas() {
        Ticket ticket = ticket(NewTicket.of("Same", null));
        assertThat(TicketChange.none().isEmpty()).isTrue();
        assertThat(ticket.edit(TicketChange.none().applyTo(ticket.fields()), T1)).isSameAs(ticket);
        assertThat(ticket.edit(TicketChange.none().subject("Same").applyTo(ticket.fields()), T1)).isSameAs(ticket);
    }

    @Test
    void requiredFieldsCannotBeCleared() {
        assertThatThrownBy(() -> TicketChange.none().status(null)).hasMessageContaining("status");
        assertThatThrownBy(() -> TicketChange.none().priority(null)).hasMessageContaining("priority");
        assertThatThrownBy(() -> TicketChange.none().subject(null)).hasMessageContaining("subject");
    }

    @Test
    void aStatusChangeIsRecordedWithWireValues() {
        Ticket ticket = ticket(NewTicket.of("Status", null));
        Ticket closed = ticket.edit(TicketChange.none().status(TicketStatus.CLOSED).applyTo(ticket.fields()), T1);
        assertThat(TicketManagement.changes(ticket, closed)).containsExactlyEntriesOf(
                java.util.Map.of("status", new FieldChange("new", "closed")));
        assertThat(closed.closedAt()).isEqualTo(T1);
    }
}
