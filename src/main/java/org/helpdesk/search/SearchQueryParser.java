package org.helpdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.search.SearchQuery.AnyOf;
import org.helpdesk.search.SearchQuery.FilterPart;
import org.helpdesk.search.SearchQuery.Kind;
import org.helpdesk.search.SearchQuery.Term;

/**
 * Reads the query language of API §7 into a {@link SearchQuery}. Pure: no database, no clock. Filter values are
 * judged later by the filter of that name ({@link SearchFilter}); here only the names are known.
 *
 * <pre>
 * query   = part { " " part }
 * part    = ["-"] (phrase | filter | word) | "OR"          (OR only between two positive terms)
 * phrase  = '"' any but '"' '"'
 * filter  = name ":" (value | '"' any but '"' '"')
 * </pre>
 * A query of one or more OR-joined terms binds tighter than the implicit AND: {@code a b OR c} is a AND (b OR c).
 */
public final class SearchQueryParser {
    public static final int MAX_LENGTH = 500;

    /**
     * Every filter name the language knows, including those other features add (tag, has, sla): the parser
     * accepts them, and {@link SearchFilters} says "unknown filter" until a {@link SearchFilter} of that name exists.
     */
    public static final Set<String> FILTER_NAMES = Set.of("status", "priority", "channel", "assignee", "category",
            "from", "created", "updated", "tag", "has", "sla");

    private static final Pattern FILTER = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"]+@[^\\s@\"]+\\.[^\\s@\"]+");
    private static final Pattern TICKET_NUMBER = Pattern.compile("(?i)HD-(\\d{1,18})");

    private SearchQueryParser() {
    }

    public static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryNotReadable("q must not be empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new QueryNotReadable("q must be at most " + MAX_LENGTH + " characters");
        }
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        List<FilterPart> filters = new ArrayList<>();
        List<Term> group = null; // the OR group the last positive term belongs to
        boolean orPending = false;
        int orPosition = 0;
        int i = 0;
        int n = query.length();
        while (true) {
            while (i < n && Character.isWhitespace(query.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            boolean negated = false;
            if (query.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                negated = true;
                i++;
            }
            int position = start + 1;
            Object part;
            if (query.charAt(i) == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QueryNotReadable(query.substring(start), position, "the quote is not closed");
                }
                String inside = query.substring(i + 1, close);
                i = close + 1;
                String text = query.substring(start, i);
                if (i < n && !Character.isWhitespace(query.charAt(i))) {
                    throw new QueryNotReadable(text + query.charAt(i), position,
                            "put a space after the closing quote");
                }
                List<String> words = SearchText.words(inside);
                if (words.isEmpty()) {
                    throw new QueryNotReadable(text, position, "the phrase has no letters or digits");
                }
                part = new Term(Kind.PHRASE, words, inside, position);
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end))) {
                    end++;
                }
                String token = query.substring(i, end);
                Matcher filter = FILTER.matcher(token);
                if (filter.matches()) {
                    String name = filter.group(1).toLowerCase(Locale.ROOT);
                    String value = filter.group(2);
                    if (value.startsWith("\"")) {
                        int close = query.indexOf('"', i + filter.start(2) + 1);
                        if (close < 0) {
                            throw new QueryNotReadable(query.substring(start), position, "the quote is not closed");
                        }
                        value = query.substring(i + filter.start(2) + 1, close);
                        end = close + 1;
                        if (end < n && !Character.isWhitespace(query.charAt(end))) {
                            throw new QueryNotReadable(query.substring(start, end + 1), position,
                                    "put a space after the closing quote");
                        }
                    } else if (value.contains("\"")) {
                        throw new QueryNotReadable(query.substring(start, end), position, "the quote is not closed");
                    }
                    String text = query.substring(start, end);
                    if (!FILTER_NAMES.contains(name)) {
                        throw new QueryNotReadable(text, position, "unknown filter '" + name + ":'");
                    }
                    if (value.isBlank()) {
                        throw new QueryNotReadable(text, position, "the filter " + name + ": needs a value");
                    }
                    part = new FilterPart(name, value.strip(), negated, text, position);
                } else if (token.contains("\"")) {
                    throw new QueryNotReadable(query.substring(start, end), position, "the quote is not closed");
                } else if (token.equals("OR") && !negated) {
                    if (group == null || orPending) {
                        throw new QueryNotReadable(token, position, "OR must stand between two words or phrases");
                    }
                    orPending = true;
                    orPosition = position;
                    i = end;
                    continue;
                } else {
                    part = word(token, position, query.substring(start, end));
                }
                i = end;
            }
            if (orPending && (negated || part instanceof FilterPart)) {
                throw new QueryNotReadable("OR", orPosition, "OR must stand between two words or phrases");
            }
            if (part instanceof FilterPart f) {
                filters.add(f);
                group = null;
            } else if (negated) {
                excluded.add((Term) part);
                group = null;
            } else if (orPending) {
                group.add((Term) part);
                orPending = false;
            } else {
                group = new ArrayList<>();
                group.add((Term) part);
                groups.add(group);
            }
        }
        if (orPending) {
            throw new QueryNotReadable("OR", orPosition, "OR must stand between two words or phrases");
        }
        List<AnyOf> built = groups.stream().map(AnyOf::new).toList();
        if (built.isEmpty() && filters.isEmpty()) {
            throw new QueryNotReadable("a query needs a word, a phrase or a filter besides the excluded ('-') terms");
        }
        return new SearchQuery(built, excluded, filters);
    }

    private static Term word(String token, int position, String text) {
        if (EMAIL.matcher(token).matches()) {
            return new Term(Kind.EMAIL, SearchText.words(token), token, position);
        }
        Matcher number = TICKET_NUMBER.matcher(token);
        if (number.matches()) {
            return new Term(Kind.TICKET_NUMBER, List.of("hd", String.valueOf(Long.parseLong(number.group(1)))), token,
                    position);
        }
        List<String> words = SearchText.words(token);
        if (words.isEmpty()) {
            throw new QueryNotReadable(text, position, "it has no letters or digits");
        }
        return new Term(words.size() == 1 ? Kind.WORD : Kind.PHRASE, words, token, position);
    }
}
