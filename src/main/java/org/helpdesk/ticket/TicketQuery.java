package org.helpdesk.ticket;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.common.Cursors;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;
import org.helpdesk.common.Times;
import org.springframework.util.MultiValueMap;

/**
 * The list filters, order and page of GET /api/helpdesk/tickets, parsed strictly from the query string.
 * A cursor carries the sort key of the last row it returned and a fingerprint of the filters it belongs to.
 */
public record TicketQuery(UUID entityId, Set<TicketStatus> statuses, Set<Priority> priorities, Set<Channel> channels,
                   UUID assignedTo, UUID categoryId, String search, Long searchNumber, Instant updatedSince,
                   Sort sort, int limit, Cursor after, SlaFilter sla,
                   Instant slaDueBefore, Set<String> tags) {

    public TicketQuery {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** {@code sla=breached}: a breach recorded on a target still unmet; {@code sla=due}: a due time set and unmet. */
    public enum SlaFilter { BREACHED, DUE }

    /** {@code assignedTo=none}: tickets nobody holds. */
    static final UUID UNASSIGNED = new UUID(0, 0);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern TICKET_NUMBER = TicketNumber.PATTERN;

    enum Sort {
        CREATED_DESC("-createdAt", "created_at", true), CREATED_ASC("createdAt", "created_at", false),
        UPDATED_DESC("-updatedAt", "updated_at", true), UPDATED_ASC("updatedAt", "updated_at", false),
        /** The earliest unmet SLA due time first, tickets without one last (API §11). */
        SLA_DUE("slaDueAt", "sla_due_at", false);

        final String wire;
        final String column;
        final boolean descending;

        Sort(String wire, String column, boolean descending) {
            this.wire = wire;
            this.column = column;
            this.descending = descending;
        }

        Instant keyOf(Ticket ticket) {
            if (column.equals("sla_due_at")) {
                return ticket.sla() == null ? null : ticket.sla().dueAt();
            }
            return column.equals("created_at") ? ticket.createdAt() : ticket.updatedAt();
        }
    }

    /** Where the previous page ended ({@code at} is null after a ticket without an SLA due time). */
    record Cursor(Instant at, UUID id) {
    }

    public static TicketQuery parse(UUID entityId, MultiValueMap<String, String> params) {
        Set<TicketStatus> statuses = enumList(params, "status", TicketStatus.class, TicketStatus::parse);
        Set<Priority> priorities = enumList(params, "priority", Priority.class, Priority::parse);
        Set<Channel> channels = enumList(params, "channel", Channel.class, Channel::parse);
        String assignee = Paging.single(params, "assignedTo");
        UUID assignedTo = "none".equals(assignee == null ? null : assignee.strip()) ? UNASSIGNED : uuid(params, "assignedTo");
        UUID categoryId = uuid(params, "categoryId");
        String search = Paging.single(params, "search");
        if (search == null) {
            search = Paging.single(params, "q");
        }
        search = search == null || search.isBlank() ? null : search.strip();
        Long searchNumber = null;
        if (search != null) {
            Matcher m = TICKET_NUMBER.matcher(search);
            if (m.matches()) {
                searchNumber = Long.parseLong(m.group(1));
            }
        }
        Instant updatedSince = instant(Paging.single(params, "updatedSince"), "updatedSince");
        Sort sort = sort(Paging.single(params, "sort"));
        int limit = limit(Paging.single(params, "limit"));
        TicketQuery query = new TicketQuery(entityId, statuses, priorities, channels, assignedTo, categoryId, search,
                searchNumber, updatedSince, sort, limit, null, slaFilter(Paging.single(params, "sla")),
                instant(Paging.single(params, "slaDueBefore"), "slaDueBefore"), tags(params));
        String cursor = Paging.single(params, "cursor");
        return cursor == null ? query : query.from(cursor);
    }

    /** Every ticket of the entity, newest first: the base a {@link TicketView} adds its filters to. */
    public static TicketQuery all(UUID entityId) {
        return new TicketQuery(entityId, Set.of(), Set.of(), Set.of(), null, null, null, null, null,
                Sort.CREATED_DESC, DEFAULT_LIMIT, null, null, null, Set.of());
    }

    /** This query from where a previous page of the same filters and order ended (its {@code nextCursor}). */
    public TicketQuery from(String cursor) {
        return withCursor(decode(cursor));
    }

    private TicketQuery withCursor(Cursor cursor) {
        return new TicketQuery(entityId, statuses, priorities, channels, assignedTo, categoryId, search,
                searchNumber, updatedSince, sort, limit, cursor, sla, slaDueBefore, tags);
    }

    /** The pattern for {@code ILIKE ... ESCAPE '\'}: the term matches literally, anywhere in the subject. */
    String likePattern() {
        String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    String encode(Ticket last) {
        Instant key = sort.keyOf(last);
        return Cursors.wrap(fingerprint() + "|" + (key == null ? "-" : key.toEpochMilli()) + "|" + last.id());
    }

    private Cursor decode(String cursor) {
        String[] parts = Cursors.unwrap(cursor).split("\\|");
        if (parts.length != 3) {
            throw new InvalidInput(Cursors.INVALID);
        }
        if (!parts[0].equals(fingerprint())) {
            throw new InvalidInput("cursor belongs to a query with other filters or order; start again without it");
        }
        UUID id = Ids.parseOrNull(parts[2]);
        long millis;
        if (parts[1].equals("-") && sort == Sort.SLA_DUE && id != null) {
            return new Cursor(null, id);
        }
        try {
            millis = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            id = null;
            millis = 0;
        }
        if (id == null) {
            throw new InvalidInput(Cursors.INVALID);
        }
        return new Cursor(Instant.ofEpochMilli(millis), id);
    }

    /** Identifies the filters and order (not the page size) a cursor may be used with. */
    private String fingerprint() {
        String filters = String.join(";", entityId.toString(), sorted(statuses), sorted(priorities), sorted(channels),
                String.valueOf(assignedTo), String.valueOf(categoryId), String.valueOf(search),
                String.valueOf(updatedSince), sort.wire, String.join(",", new TreeSet<>(tags))) + (sla == null ? "" : ";sla=" + sla)
                + (slaDueBefore == null ? "" : ";slaDueBefore=" + slaDueBefore);
        return Cursors.fingerprint(filters);
    }

    private static String sorted(Set<? extends Enum<?>> values) {
        TreeSet<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.name()));
        return String.join(",", names);
    }

    private static <E extends Enum<E>> Set<E> enumList(MultiValueMap<String, String> params, String name,
                                                       Class<E> type, BiFunction<String, String, E> parser) {
        Set<E> values = EnumSet.noneOf(type);
        List<String> raw = params.getOrDefault(name, List.of());
        for (String value : raw) {
            for (String item : value.split(",", -1)) {
                values.add(parser.apply(item.strip().toLowerCase(Locale.ROOT), name));
            }
        }
        return values;
    }

    /** {@code tag=a,b} (or the parameter repeated): tickets that hold all of them. */
    private static Set<String> tags(MultiValueMap<String, String> params) {
        Set<String> tags = new TreeSet<>();
        for (String value : params.getOrDefault("tag", List.of())) {
            for (String item : value.split(",", -1)) {
                tags.add(Tags.tag(item.strip(), "tag"));
            }
        }
        return tags;
    }

    private static UUID uuid(MultiValueMap<String, String> params, String name) {
        String value = Paging.single(params, name);
        return value == null ? null : Ids.parse(value.strip(), name);
    }

    private static Instant instant(String value, String name) {
        // a '+' offset arrives as a space when not encoded; a bare date means from its start, UTC
        return Times.parse(value == null ? null : value.replace(' ', '+'), name, true);
    }

    private static Sort sort(String value) {
        if (value == null) {
            return Sort.CREATED_DESC;
        }
        for (Sort sort : Sort.values()) {
            if (sort.wire.equals(value.strip())) {
                return sort;
            }
        }
        throw new InvalidInput("sort must be one of -createdAt, createdAt, -updatedAt, updatedAt, slaDueAt");
    }

    private static SlaFilter slaFilter(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "breached" -> SlaFilter.BREACHED;
            case "due" -> SlaFilter.DUE;
            default -> throw new InvalidInput("sla must be breached or due");
        };
    }

    private static int limit(String value) {
        return Paging.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }
}
