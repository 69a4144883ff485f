package org.helpdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.helpdesk.search.Snippets.Snippet;
import org.junit.jupiter.api.Test;

/** Snippets and highlights: whole words, cut at word boundaries, at most 300 UTF-16 units. */
class SnippetsTest {

    private static Snippet snippet(String text, String query) {
        return Snippets.of(text, SearchQueryParser.parse(query).positiveTerms()).orElseThrow();
    }

    private static List<String> marked(Snippet s) {
        return s.highlights().stream().map(h -> s.text().substring(h[0], h[1])).toList();
    }

    @Test
    void aPrefixHighlightsTheWholeWordIgnoringCaseAndAccents() {
        Snippet s = snippet("The Printer is printing: café résumé", "print cafe");
        assertThat(s.text()).isEqualTo("The Printer is printing: café résumé");
        assertThat(marked(s)).containsExactly("Printer", "printing", "café");
    }

    @Test
    void aWordInsideAnotherIsNotAMatch() {
        assertThat(Snippets.of("The printer", SearchQueryParser.parse("rint").positiveTerms())).isEmpty();
    }

    @Test
    void aPhraseHighlightsEachOfItsWordsOnlyWhereTheyStandTogether() {
        Snippet s = snippet("paper here, jam there; a paper-jam again", "\"paper jam\"");
        assertThat(marked(s)).containsExactly("paper", "jam");
        assertThat(s.highlights().getFirst()[0]).isEqualTo(s.text().indexOf("paper-jam"));
    }

    @Test
    void aLongTextIsCutAtWordBoundariesAroundTheFirstMatch() {
        String before = "alpha ".repeat(20_000);
        String after = " omega".repeat(20_000);
        String text = before + "needle in the haystack" + after; // 100,000+ characters
        Snippet s = snippet(text, "needle");
        assertThat(s.text().length()).isLessThanOrEqualTo(300);
        assertThat(s.text()).startsWith("alpha ").endsWith("omega").contains("needle in the haystack");
        assertThat(s.text().indexOf("needle")).isBetween(40, 70);
        assertThat(marked(s)).containsExactly("needle");
        for (String word : s.text().split(" ")) {
            assertThat(word).isIn("alpha", "omega", "needle", "in", "the", "haystack");
        }
    }

    @Test
    void whiteSpaceRunsBecomeOneSpace() {
        Snippet s = snippet("Hello\n\n   world\tof printers", "printer");
        assertThat(s.text()).isEqualTo("Hello world of printers");
        assertThat(marked(s)).containsExactly("printers");
    }

    @Test
    void highlightsStayInsideTheSnippet() {
        String text = "printer " + "word ".repeat(100) + "printer";
        Snippet s = snippet(text, "printer");
        assertThat(s.highlights()).hasSize(1);
        assertThat(s.highlights()).allMatch(h -> h[0] >= 0 && h[1] <= s.text().length() && h[0] < h[1]);
    }

    @Test
    void aHugeWordIsCutToTheLimitWithoutSplittingACharacter() {
        String text = "x ".repeat(10) + "needle" + "😀".repeat(400);
        Snippet s = snippet(text, "needle");
        assertThat(s.text().length()).isLessThanOrEqualTo(300);
        assertThat(s.text()).startsWith("needle");
        assertThat(Character.isHighSurrogate(s.text().charAt(s.text().length() - 1))).isFalse();
    }

    @Test
    void countsUtf16UnitsAsJavaScriptDoes() {
        Snippet s = snippet("😀 grüße printer", "printer");
        assertThat(s.highlights().getFirst()).containsExactly(9, 16);
    }

    @Test
    void normalisationMatchesWhatTheDatabaseStores() {
        assertThat(SearchText.h2("Straße, Œuvre & ÆON — Ærø!")).isEqualTo(" strasse oeuvre aeon aero ");
        assertThat(SearchText.h2(null)).isNull();
        assertThat(SearchText.words("ann@Example.COM")).containsExactly("ann", "example", "com");
    }
}
