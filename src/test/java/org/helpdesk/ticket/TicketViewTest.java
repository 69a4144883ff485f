package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The list views as filters on a query: what each adds, and that the agent's own filters win. */
class TicketViewTest {
    static final UUID ENTITY = UUID.randomUUID();
    static final UUID ME = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-07T10:15:42.123Z");

    private static TicketQuery all() {
        return TicketQuery.all(ENTITY);
    }

    @Test
    void allTicketsIsTheUnfilteredQueryAndEqualsAnEmptyQueryString() {
        assertThat(TicketView.ALL.apply(all(), ME, NOW))
                .isEqualTo(TicketQuery.parse(ENTITY, new LinkedMultiValueMap<>()));
    }

    @Test
    void myOpenTicketsAreAssignedToMeInNewOpenOrPending() {
        TicketQuery mine = TicketView.MINE.apply(all(), ME, NOW);
        assertThat(mine.assignedTo()).isEqualTo(ME);
        assertThat(mine.statuses()).containsExactlyInAnyOrder(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);
    }

    @Test
    void unassignedIsOpenWorkNobodyHolds() {
        TicketQuery unassigned = TicketView.UNASSIGNED.apply(all(), ME, NOW);
        assertThat(unassigned.assignedTo()).isEqualTo(TicketQuery.UNASSIGNED);
        assertThat(unassigned.statuses()).hasSize(3);
    }

    @Test
    void recentlyUpdatedIsTheLastSevenDaysToTheMinuteNewestChangeFirst() {
        TicketQuery recent = TicketView.RECENT.apply(all(), ME, NOW);
        assertThat(recent.updatedSince()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        assertThat(recent.sort()).isEqualTo(TicketQuery.Sort.UPDATED_DESC);
    }

    @Test
    void slaViewsOrderByTheEarliestDueTime() {
        assertThat(TicketView.BREACHED.apply(all(), ME, NOW).sla()).isEqualTo(TicketQuery.SlaFilter.BREACHED);
        TicketQuery dueSoon = TicketView.DUE_SOON.apply(all(), ME, NOW);
        assertThat(dueSoon.slaDueBefore()).isEqualTo(Instant.parse("2026-12-07T11:15:00Z"));
        assertThat(dueSoon.sort()).isEqualTo(TicketQuery.Sort.SLA_DUE);
    }

    @Test
    void aStatusChosenOnThePageWinsOverTheView() {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("status", "resolved");
        TicketQuery mine = TicketView.MINE.apply(TicketQuery.parse(ENTITY, params), ME, NOW);
        assertThat(mine.statuses()).isEqualTo(EnumSet.of(TicketStatus.RESOLVED));
        assertThat(mine.assignedTo()).isEqualTo(ME);
    }

    @Test
    void viewsAreFoundByTheirKeyInTheAddress() {
        assertThat(TicketView.byKey("due-soon")).contains(TicketView.DUE_SOON);
        assertThat(TicketView.byKey("nonsense")).isEmpty();
    }
}
