package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The list's query string rules (API §3 list), without a server: filters, search, order, page, cursor. */
class TicketQueryTest {
    static final UUID ENTITY = UUID.randomUUID();

    private static TicketQuery parse(String... pairs) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return TicketQuery.parse(ENTITY, params);
    }

    @Test
    void noParametersListNewestFirstFiftyAtATime() {
        TicketQuery query = parse();
        assertThat(query.sort()).isEqualTo(TicketQuery.Sort.CREATED_DESC);
        assertThat(query.limit()).isEqualTo(TicketQuery.DEFAULT_LIMIT);
        assertThat(query.statuses()).isEmpty();
        assertThat(query.after()).isNull();
    }

    @Test
    void statusesMayBeCommaSeparatedOrRepeatedInAnyCase() {
        TicketQuery query = parse("status", "NEW,open", "status", "pending");
        assertThat(query.statuses()).containsExactlyInAnyOrder(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);
    }

    @Test
    void anUnknownStatusIsRefusedWithTheParameterNamed() {
        assertThatThrownBy(() -> parse("status", "open,lost")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("status");
    }

    @Test
    void assignedToNoneMeansNobodyHoldsTheTicket() {
        assertThat(parse("assignedTo", "none").assignedTo()).isEqualTo(TicketQuery.UNASSIGNED);
        assertThatThrownBy(() -> parse("assignedTo", "bob")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("assignedTo");
    }

    @Test
    void aSearchThatIsATicketNumberAlsoFindsThatNumber() {
        assertThat(parse("search", " hd-42 ").searchNumber()).isEqualTo(42L);
        assertThat(parse("q", "printer").search()).isEqualTo("printer");
        assertThat(parse("q", "printer").searchNumber()).isNull();
        assertThat(parse("search", "   ").search()).isNull();
    }

    @Test
    void updatedSinceTakesATimestampADateOrAnUnencodedPlusOffset() {
        assertThat(parse("updatedSince", "2026-01-31T09:00:00.1234Z").updatedSince())
                .isEqualTo(Instant.parse("2026-01-31T09:00:00.123Z"));
        assertThat(parse("updatedSince", "2026-01-31").updatedSince()).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(parse("updatedSince", "2026-01-31T10:00:00 01:00").updatedSince())
                .isEqualTo(Instant.parse("2026-01-31T09:00:00Z"));
        assertThatThrownBy(() -> parse("updatedSince", "yesterday")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("updatedSince");
    }

    @Test
    void limitIsAWholeNumberFromOneToTwoHundred() {
        assertThat(parse("limit", "200").limit()).isEqualTo(200);
        for (String bad : List.of("0", "201", "ten", "-1")) {
            assertThatThrownBy(() -> parse("limit", bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("limit");
        }
    }

    @Test
    void sortIsOneOfFourOrders() {
        assertThat(parse("sort", "-updatedAt").sort()).isEqualTo(TicketQuery.Sort.UPDATED_DESC);
        assertThatThrownBy(() -> parse("sort", "subject")).isInstanceOf(InvalidInput.class).hasMessageContaining("sort");
    }

    @Test
    void aSingleValuedParameterGivenTwiceWithDifferentValuesIsRefused() {
        assertThatThrownBy(() -> parse("categoryId", UUID.randomUUID().toString(), "categoryId", UUID.randomUUID().toString()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("more than once");
    }

    @Test
    void aCursorOnlyWorksWithTheFiltersItCameFrom() {
        Ticket last = Ticket.create(UUID.randomUUID(), ENTITY, 1, NewTicket.of("A", null).fields(Channel.API),
                UUID.randomUUID(), Instant.parse("2026-01-01T10:00:00Z"));
        String cursor = parse("status", "open").encode(last);

        TicketQuery next = parse("status", "open", "cursor", cursor);
        assertThat(next.after().id()).isEqualTo(last.id());
        assertThat(next.after().at()).isEqualTo(last.createdAt());

        assertThatThrownBy(() -> parse("status", "new", "cursor", cursor)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("other filters");
        assertThatThrownBy(() -> parse("cursor", "not-a-cursor!")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void everyProblemNamesItsParameter() {
        Map<String, String> bad = Map.of("priority", "urgentest", "channel", "fax", "categoryId", "x");
        bad.forEach((name, value) -> assertThatThrownBy(() -> parse(name, value)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining(name));
    }
}
