package org.helpdesk.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.helpdesk.search.SearchQuery.Term;
import org.helpdesk.search.SearchText.Token;

/**
 * Cuts the snippet of a hit (API §7): plain text of at most {@link #MAX} UTF-16 units around the first matched
 * word, beginning and ending at word boundaries (runs of white space count as one space), with the
 * {@code [start, end)} of every whole word a query term matched inside it.
 */
final class Snippets {
    static final int MAX = 300;
    /** How much of the text before the first match the snippet shows, at most, when it can. */
    private static final int BEFORE = 60;

    private Snippets() {
    }

    record Snippet(String text, List<int[]> highlights) {
    }

    /** The snippet of a text for the terms, or empty when no term matches a word of it. */
    static Optional<Snippet> of(String text, List<Term> terms) {
        if (text == null || text.isBlank() || terms.isEmpty()) {
            return Optional.empty();
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        List<Token> hits = matches(flat, terms);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        Token first = hits.getFirst();
        int n = flat.length();
        int s = first.start();
        while (s > 0 && flat.charAt(s - 1) != ' ') {
            s--;
        }
        int e = first.end();
        while (e < n && flat.charAt(e) != ' ') {
            e++;
        }
        if (e - s > MAX) {
            // one "word" (no spaces) longer than a snippet: show the matched word, cut if it must be
            s = first.start();
            e = Math.min(first.end(), s + MAX);
            if (e < n && Character.isLowSurrogate(flat.charAt(e))) {
                e--;
            }
        } else {
            s = extendBack(flat, s, e, first.start() - BEFORE);
            while (e < n) {
                int next = e + 1;
                while (next < n && flat.charAt(next) != ' ') {
                    next++;
                }
                if (next - s > MAX) {
                    break;
                }
                e = next;
            }
            s = extendBack(flat, s, e, Integer.MIN_VALUE);
        }
        List<int[]> highlights = new ArrayList<>();
        for (Token hit : hits) {
            if (hit.start() >= s && hit.end() <= e) {
                highlights.add(new int[] {hit.start() - s, hit.end() - s});
            }
        }
        return Optional.of(new Snippet(flat.substring(s, e), highlights));
    }

    /** Moves the start back word by word while the snippet stays within MAX and starts at or after floor. */
    private static int extendBack(String flat, int s, int e, int floor) {
        while (s > 0) {
            int previous = s - 1; // flat[s - 1] is a space
            while (previous > 0 && flat.charAt(previous - 1) != ' ') {
                previous--;
            }
            if (e - previous > MAX || previous < floor) {
                break;
            }
            s = previous;
        }
        return s;
    }

    /** The words of the text the terms match, in text order: a word that starts with a prefix term, or every word
     * of a run matching a phrase. */
    static List<Token> matches(String text, List<Term> terms) {
        List<Token> tokens = SearchText.tokens(text);
        TreeMap<Integer, Token> hits = new TreeMap<>();
        for (Term term : terms) {
            List<String> words = term.words();
            if (term.prefix()) {
                for (Token token : tokens) {
                    if (token.normal().startsWith(words.getFirst())) {
                        hits.put(token.start(), token);
                    }
                }
                continue;
            }
            for (int i = 0; i + words.size() <= tokens.size(); i++) {
                boolean all = true;
                for (int k = 0; k < words.size() && all; k++) {
                    all = tokens.get(i + k).normal().equals(words.get(k));
                }
                if (all) {
                    for (int k = 0; k < words.size(); k++) {
                        hits.put(tokens.get(i + k).start(), tokens.get(i + k));
                    }
                }
            }
        }
        List<Token> ordered = new ArrayList<>(hits.values());
        ordered.sort(Comparator.comparingInt(Token::start));
        return ordered;
    }
}
