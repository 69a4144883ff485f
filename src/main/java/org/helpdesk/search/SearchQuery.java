package org.helpdesk.search;

import java.util.List;

/**
 * A parsed query (API §7): every group of {@code required} must match (a group is one term, or terms joined by
 * OR), no {@code excluded} term may match, and every filter must hold.
 */
public record SearchQuery(List<AnyOf> required, List<Term> excluded, List<FilterPart> filters) {

    public SearchQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        filters = List.copyOf(filters);
    }

    /** Terms joined by OR: one of them must match. */
    public record AnyOf(List<Term> terms) {
        public AnyOf {
            terms = List.copyOf(terms);
        }
    }

    /**
     * Something to find in the text. {@code words} are in compared form ({@link SearchText}): a {@link Kind#WORD}
     * has one and matches words starting with it; the other kinds match their words side by side and whole.
     */
    public record Term(Kind kind, List<String> words, String text, int position) {
        public Term {
            words = List.copyOf(words);
        }

        /** A word: matches any word that starts with it. */
        public boolean prefix() {
            return kind == Kind.WORD;
        }

        /** The email address of an {@link Kind#EMAIL} term, lower case. */
        public String email() {
            return kind == Kind.EMAIL ? text.toLowerCase(java.util.Locale.ROOT) : null;
        }

        /** The number of a {@link Kind#TICKET_NUMBER} term ({@code HD-42} gives 42). */
        public Long ticketNumber() {
            return kind == Kind.TICKET_NUMBER ? Long.valueOf(words.get(1)) : null;
        }
    }

    public enum Kind {
        /** {@code print}: words starting with it. */
        WORD,
        /** {@code "two words"}, and a word that is several words ({@code print-out}): side by side, in order. */
        PHRASE,
        /** {@code ann@example.com}: the contact's email equal to it, or the text. */
        EMAIL,
        /** {@code HD-42}: that ticket, or the text. */
        TICKET_NUMBER
    }

    /** {@code name:value} ({@code -name:value} when negated); value without its quotes. */
    public record FilterPart(String name, String value, boolean negated, String text, int position) {
    }

    /** Every term that, when found, makes the ticket a hit: what snippets show and scores count. */
    public List<Term> positiveTerms() {
        return required.stream().flatMap(g -> g.terms().stream()).toList();
    }
}
