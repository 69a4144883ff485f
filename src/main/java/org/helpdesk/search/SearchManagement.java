package org.helpdesk.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Cursors;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Times;
import org.helpdesk.search.SearchHit.Match;
import org.helpdesk.search.SearchIndex.After;
import org.helpdesk.search.SearchIndex.Found;
import org.helpdesk.search.SearchIndex.FoundAttachment;
import org.helpdesk.search.SearchIndex.FoundMessage;
import org.helpdesk.search.SearchQuery.Term;
import org.helpdesk.ticket.Ticket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search use case (API §7), for the API and the agents' pages: reads the query, turns its filters into
 * conditions, finds one page of tickets in the database and cuts the snippets of each hit.
 */
@Service
public class SearchManagement {
    static final int MAX_MATCHES = 3;

    private final SearchIndex index;
    private final SearchFilters filters;
    private final Clock clock;

    SearchManagement(SearchIndex index, SearchFilters filters, Clock clock) {
        this.index = index;
        this.filters = filters;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SearchResults search(SearchRequest request) {
        SearchQuery query = SearchQueryParser.parse(request.q());
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(request);
        Instant now = cursor == null ? Times.now(clock) : cursor.now();
        Map<String, Object> params = new LinkedHashMap<>();
        FilterContext context = new FilterContext(request.entityId(), request.userId(), now, params);
        List<String> conditions = query.filters().stream().map(f -> filters.condition(f, context)).toList();
        List<Found> found = index.search(request.entityId(), query, conditions, params, request.sort(),
                cursor == null ? null : cursor.after(), request.limit() + 1);
        boolean more = found.size() > request.limit();
        List<Found> page = more ? found.subList(0, request.limit()) : found;
        List<SearchHit> hits = hits(request.entityId(), query, page);
        String next = null;
        if (more) {
            Found last = page.getLast();
            next = new Cursor(now, new After(last.score(), last.ticket().updatedAt(), last.ticket().id()))
                    .encode(request);
        }
        return new SearchResults(hits, next);
    }

    /** The plan of the statement {@link #search} would run (PostgreSQL; the plan test reads it). */
    @Transactional(readOnly = true)
    List<String> explain(SearchRequest request) {
        SearchQuery query = SearchQueryParser.parse(request.q());
        Map<String, Object> params = new LinkedHashMap<>();
        FilterContext context = new FilterContext(request.entityId(), request.userId(), Times.now(clock), params);
        List<String> conditions = query.filters().stream().map(f -> filters.condition(f, context)).toList();
        return index.explain(request.entityId(), query, conditions, params, request.sort(), null, request.limit() + 1);
    }

    private List<SearchHit> hits(UUID entityId, SearchQuery query, List<Found> page) {
        List<Term> terms = query.positiveTerms();
        Map<UUID, List<FoundMessage>> messages = new LinkedHashMap<>();
        for (FoundMessage m : index.messages(entityId, page.stream().map(f -> f.ticket().id()).toList(), terms)) {
            messages.computeIfAbsent(m.ticketId(), k -> new ArrayList<>()).add(m);
        }
        Map<UUID, List<FoundAttachment>> files = new LinkedHashMap<>();
        for (FoundAttachment a : index.attachments(entityId, page.stream().map(f -> f.ticket().id()).toList(), terms)) {
            files.computeIfAbsent(a.ticketId(), k -> new ArrayList<>()).add(a);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Found f : page) {
            Ticket t = f.ticket();
            List<Match> matches = new ArrayList<>();
            add(matches, "subject", null, t.subject(), terms);
            add(matches, "description", null, t.description(), terms);
            // an address typed as a word marks the contact only when it is the contact's address
            add(matches, "contact", null, contact(t), terms.stream()
                    .filter(term -> term.email() == null || term.email().equalsIgnoreCase(t.contactEmail())).toList());
            for (FoundMessage m : messages.getOrDefault(t.id(), List.of())) {
                add(matches, m.internal() ? "note" : "message", m.id(), m.body(), terms);
            }
            for (FoundAttachment a : files.getOrDefault(t.id(), List.of())) {
                add(matches, "attachment", a.messageId(), a.filename(), terms);
            }
            hits.add(new SearchHit(t, f.score(), matches));
        }
        return hits;
    }

    private static void add(List<Match> matches, String field, UUID messageId, String text, List<Term> terms) {
        if (matches.size() < MAX_MATCHES) {
            Snippets.of(text, terms).ifPresent(s -> matches.add(new Match(field, messageId, s.text(), s.highlights())));
        }
    }

    /** The contact as one line: "Ann Lee <ann@example.com>", or whichever of the two the ticket has. */
    private static String contact(Ticket t) {
        if (t.contactName() != null && t.contactEmail() != null) {
            return t.contactName() + " <" + t.contactEmail() + ">";
        }
        return t.contactName() != null ? t.contactName() : t.contactEmail();
    }

    /**
     * Where a page ended, bound to the query it belongs to (entity, q, sort): another query's cursor is 400. It
     * also keeps the query's "now", so relative dates (updated:>7d) mean the same on every page.
     */
    record Cursor(Instant now, After after) {
        String encode(SearchRequest request) {
            String raw = String.join("|", fingerprint(request), String.valueOf(now.toEpochMilli()),
                    String.valueOf(after.score()), String.valueOf(after.updatedAt().toEpochMilli()),
                    after.id().toString());
            return Cursors.wrap(raw);
        }

        static Cursor decode(SearchRequest request) {
            String[] parts = Cursors.unwrap(request.cursor()).split("\\|", -1);
            if (parts.length != 5) {
                throw new InvalidInput(Cursors.INVALID);
            }
            if (!parts[0].equals(fingerprint(request))) {
                throw new InvalidInput("cursor belongs to another query or order; start again without it");
            }
            UUID id = Ids.parseOrNull(parts[4]);
            try {
                if (id != null) {
                    return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])),
                            new After(Long.parseLong(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[3])), id));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidInput(Cursors.INVALID);
        }

        private static String fingerprint(SearchRequest request) {
            String identity = request.entityId() + "\n" + request.sort().wire + "\n" + request.q();
            return Cursors.fingerprint(identity);
        }
    }
}
