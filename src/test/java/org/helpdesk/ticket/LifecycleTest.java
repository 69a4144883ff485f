package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle rules of API §3, without Spring, database or HTTP. */
class LifecycleTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);

    @Test
    void aNewTicketIsNewAndCreatedAndUpdatedNow() {
        Lifecycle opened = Lifecycle.opened(T0);
        assertThat(opened).isEqualTo(new Lifecycle(TicketStatus.NEW, T0, T0, null, null, null));
    }

    @Test
    void resolvingStampsResolvedAtAndUpdatedAt() {
        Lifecycle resolved = Lifecycle.opened(T0).moveTo(TicketStatus.RESOLVED, T1);
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(T1);
        assertThat(resolved.closedAt()).isNull();
        assertThat(resolved.updatedAt()).isEqualTo(T1);
    }

    @Test
    void closingAnUnresolvedTicketStampsBothResolvedAtAndClosedAt() {
        Lifecycle closed = Lifecycle.opened(T0).moveTo(TicketStatus.CLOSED, T1);
        assertThat(closed.resolvedAt()).isEqualTo(T1);
        assertThat(closed.closedAt()).isEqualTo(T1);
    }

    @Test
    void closingAResolvedTicketKeepsItsResolvedAt() {
        Lifecycle closed = Lifecycle.opened(T0).moveTo(TicketStatus.RESOLVED, T1).moveTo(TicketStatus.CLOSED, T2);
        assertThat(closed.resolvedAt()).isEqualTo(T1);
        assertThat(closed.closedAt()).isEqualTo(T2);
    }

    @Test
    void resolvingAClosedTicketClearsClosedAt() {
        Lifecycle resolved = Lifecycle.opened(T0).moveTo(TicketStatus.CLOSED, T1).moveTo(TicketStatus.RESOLVED, T2);
        assertThat(resolved.resolvedAt()).isEqualTo(T2);
        assertThat(resolved.closedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "OPEN", "PENDING"})
    void movingBackToAnOpenStatusClearsResolvedAtAndClosedAt(TicketStatus back) {
        Lifecycle reopened = Lifecycle.opened(T0).moveTo(TicketStatus.CLOSED, T1).moveTo(back, T2);
        assertThat(reopened.status()).isEqualTo(back);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void movingToTheSameStatusChangesNothing() {
        Lifecycle resolved = Lifecycle.opened(T0).moveTo(TicketStatus.RESOLVED, T1);
        assertThat(resolved.moveTo(TicketStatus.RESOLVED, T2)).isSameAs(resolved);
    }

    @Test
    void theFirstPublicAgentMessageStampsFirstResponseAndOpensANewTicket() {
        Lifecycle answered = Lifecycle.opened(T0).afterMessage(AuthorType.AGENT, false, T1);
        assertThat(answered.firstResponseAt()).isEqualTo(T1);
        assertThat(answered.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(answered.updatedAt()).isEqualTo(T1);
    }

    @Test
    void laterAgentMessagesKeepTheFirstResponseAt() {
        Lifecycle twice = Lifecycle.opened(T0).afterMessage(AuthorType.AGENT, false, T1)
                .afterMessage(AuthorType.AGENT, false, T2);
        assertThat(twice.firstResponseAt()).isEqualTo(T1);
        assertThat(twice.updatedAt()).isEqualTo(T2);
    }

    @Test
    void aPublicAgentMessageOnAPendingTicketLeavesItsStatus() {
        Lifecycle pending = Lifecycle.opened(T0).moveTo(TicketStatus.PENDING, T0);
        assertThat(pending.afterMessage(AuthorType.AGENT, false, T1).status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void internalNotesContactAndSystemMessagesNeverSetFirstResponse() {
        Lifecycle opened = Lifecycle.opened(T0);
        assertThat(opened.afterMessage(AuthorType.AGENT, true, T1).firstResponseAt()).isNull();
        assertThat(opened.afterMessage(AuthorType.AGENT, true, T1).status()).isEqualTo(TicketStatus.NEW);
        assertThat(opened.afterMessage(AuthorType.CONTACT, false, T1).firstResponseAt()).isNull();
        assertThat(opened.afterMessage(AuthorType.SYSTEM, false, T1).firstResponseAt()).isNull();
        assertThat(opened.afterMessage(AuthorType.SYSTEM, false, T1).status()).isEqualTo(TicketStatus.NEW);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"PENDING", "RESOLVED", "CLOSED"})
    void aContactMessageReopensAWaitingOrFinishedTicket(TicketStatus waiting) {
        Lifecycle reopened = Lifecycle.opened(T0).moveTo(waiting, T0).afterMessage(AuthorType.CONTACT, false, T1);
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "OPEN"})
    void aContactMessageLeavesANewOrOpenTicketsStatus(TicketStatus status) {
        Lifecycle after = Lifecycle.opened(T0).moveTo(status, T0).afterMessage(AuthorType.CONTACT, false, T1);
        assertThat(after.status()).isEqualTo(status);
    }

    @Test
    void everyMessageMovesUpdatedAt() {
        for (AuthorType author : AuthorType.values()) {
            assertThat(Lifecycle.opened(T0).afterMessage(author, author == AuthorType.AGENT, T1).updatedAt())
                    .isEqualTo(T1);
        }
    }
}
