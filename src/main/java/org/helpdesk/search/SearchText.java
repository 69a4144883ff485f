package org.helpdesk.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text is compared: lower case, accents removed, every run of characters that are not letters or digits one
 * space. PostgreSQL does the same in SQL ({@code helpdesk_search_text}: {@code unaccent}, {@code lower},
 * {@code regexp_replace}); on H2 the function of that name is {@link #h2}. The query words go through
 * {@link #words} so they meet the text in the same form.
 */
public final class SearchText {
    private SearchText() {
    }

    /** A word of a text: where it is (UTF-16 indexes, end exclusive) and its compared form. */
    record Token(int start, int end, String normal) {
    }

    /**
     * The compared form of a text with a space before and after every word, so {@code LIKE '% print%'} finds
     * words starting with "print" and {@code LIKE '% two words %'} the two words side by side. The H2 function
     * {@code helpdesk_search_text} (migration V70); null stays null.
     */
    public static String h2(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
        for (Token token : tokens(text)) {
            out.append(token.normal()).append(' ');
        }
        return out.toString();
    }

    /** The compared forms of the words of a query part: "Print-er" gives [print, er]. */
    static List<String> words(String text) {
        return tokens(text).stream().map(Token::normal).toList();
    }

    /** The words of a text with their places. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String normal = normal(text.substring(start, i));
            if (!normal.isEmpty()) {
                tokens.add(new Token(start, i, normal));
            }
        }
        return tokens;
    }

    /** Lower case without accents; a few letters unaccent spells out as two (ß, æ, œ) or maps without a mark. */
    static String normal(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (cp) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> {
                    if (Character.isLetterOrDigit(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }
}
