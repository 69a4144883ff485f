package org.helpdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.search.SearchHit;
import org.helpdesk.search.SearchManagement;
import org.helpdesk.search.SearchRequest;
import org.helpdesk.search.SearchResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search results page: the list's "Search" field sends its query here (the language of API §7). Each hit
 * links to its ticket; its snippets show the matched words in {@code <mark>} (the text is escaped by the template,
 * the marks are elements it adds) and link to the matching message ({@code #message-<id>}).
 */
@Controller
class SearchPages {
    static final int PAGE_SIZE = 20;

    private final Desks desks;
    private final SearchManagement search;

    SearchPages(Desks desks, SearchManagement search) {
        this.desks = desks;
        this.search = search;
    }

    /** A piece of a snippet, marked when a query word matched it. */
    public record Part(String text, boolean marked) {
    }

    /** A snippet as the page shows it: where it is, a label, and its parts. */
    public record Snippet(String label, String anchor, List<Part> parts) {
    }

    /** A hit as the page shows it. */
    public record Hit(long number, String subject, String status, List<Snippet> snippets) {
    }

    @GetMapping("/e/{entityId}/search")
    String results(@PathVariable UUID entityId, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String cursor, Model model) {
        Desk desk = desks.open(entityId);
        model.addAttribute("desk", desk);
        model.addAttribute("activeView", null);
        model.addAttribute("q", q == null ? "" : q);
        List<Hit> hits = List.of();
        String error = null;
        String next = null;
        if (q != null && !q.isBlank()) {
            try {
                SearchResults results = search.search(SearchRequest.of(entityId, desk.user().id(), q, null,
                        String.valueOf(PAGE_SIZE), cursor));
                hits = results.hits().stream().map(SearchPages::hit).toList();
                if (results.nextCursor() != null) {
                    next = UriComponentsBuilder.fromPath(desk.base() + "/search").queryParam("q", q)
                            .queryParam("cursor", results.nextCursor()).encode().build().toUriString();
                }
            } catch (InvalidInput e) {
                error = e.getMessage();
            }
        }
        model.addAttribute("hits", hits);
        model.addAttribute("error", error);
        model.addAttribute("nextPage", next);
        return "search/results";
    }

    private static Hit hit(SearchHit hit) {
        List<Snippet> snippets = new ArrayList<>();
        for (SearchHit.Match m : hit.matches()) {
            String anchor = m.messageId() != null ? "message-" + m.messageId()
                    : m.field().equals("description") ? "description" : null;
            snippets.add(new Snippet(label(m.field()), anchor, parts(m.snippet(), m.highlights())));
        }
        return new Hit(Long.parseLong(hit.ticket().ticketNumber().substring(3)), hit.ticket().subject(),
                hit.ticket().status().wire(), snippets);
    }

    private static String label(String field) {
        return switch (field) {
            case "subject" -> "Subject";
            case "description" -> "Description";
            case "message" -> "Message";
            case "note" -> "Internal note";
            case "contact" -> "Contact";
            default -> field;
        };
    }

    /** The snippet cut at its highlights: plain parts and marked parts, in order. */
    static List<Part> parts(String snippet, List<int[]> highlights) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int[] h : highlights) {
            if (h[0] < at) {
                continue;
            }
            if (h[0] > at) {
                parts.add(new Part(snippet.substring(at, h[0]), false));
            }
            parts.add(new Part(snippet.substring(h[0], h[1]), true));
            at = h[1];
        }
        if (at < snippet.length()) {
            parts.add(new Part(snippet.substring(at), false));
        }
        return parts;
    }
}
