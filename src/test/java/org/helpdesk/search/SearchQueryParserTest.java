package org.helpdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.search.SearchQuery.Kind;
import org.helpdesk.search.SearchQuery.Term;
import org.junit.jupiter.api.Test;

/** The query language of API §7, read without a database. */
class SearchQueryParserTest {

    private static List<List<String>> required(SearchQuery q) {
        return q.required().stream().map(g -> g.terms().stream().map(Term::text).toList()).toList();
    }

    @Test
    void wordsAreRequiredEachInCompareForm() {
        SearchQuery q = SearchQueryParser.parse("Printer  CAFÉ");
        assertThat(required(q)).containsExactly(List.of("Printer"), List.of("CAFÉ"));
        assertThat(q.positiveTerms()).extracting(Term::words).containsExactly(List.of("printer"), List.of("cafe"));
        assertThat(q.positiveTerms()).allMatch(Term::prefix);
    }

    @Test
    void aQuotedPhraseIsOneTermOfWholeWordsInOrder() {
        SearchQuery q = SearchQueryParser.parse("\"paper  jam!\" tray");
        Term phrase = q.positiveTerms().getFirst();
        assertThat(phrase.kind()).isEqualTo(Kind.PHRASE);
        assertThat(phrase.words()).containsExactly("paper", "jam");
        assertThat(phrase.prefix()).isFalse();
        assertThat(required(q)).hasSize(2);
    }

    @Test
    void aWordMadeOfSeveralWordsIsAPhrase() {
        Term t = SearchQueryParser.parse("print-out").positiveTerms().getFirst();
        assertThat(t.kind()).isEqualTo(Kind.PHRASE);
        assertThat(t.words()).containsExactly("print", "out");
    }

    @Test
    void minusExcludesAWordOrAPhrase() {
        SearchQuery q = SearchQueryParser.parse("printer -toner -\"out of ink\"");
        assertThat(q.excluded()).extracting(Term::text).containsExactly("toner", "out of ink");
        assertThat(required(q)).containsExactly(List.of("printer"));
    }

    @Test
    void orJoinsTheTermsBesideItAndBindsTighterThanAnd() {
        SearchQuery q = SearchQueryParser.parse("printer toner OR \"ink cartridge\" OR paper jam");
        assertThat(required(q)).containsExactly(List.of("printer"), List.of("toner", "ink cartridge", "paper"),
                List.of("jam"));
    }

    @Test
    void lowerCaseOrIsAWord() {
        assertThat(required(SearchQueryParser.parse("a or b"))).containsExactly(List.of("a"), List.of("or"),
                List.of("b"));
    }

    @Test
    void orAtTheEdgesOrBesideAFilterOrExclusionNamesItsPlace() {
        assertThatThrownBy(() -> SearchQueryParser.parse("OR printer")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("character 1").hasMessageContaining("'OR'");
        assertThatThrownBy(() -> SearchQueryParser.parse("printer OR")).hasMessageContaining("character 9");
        assertThatThrownBy(() -> SearchQueryParser.parse("printer OR -toner")).hasMessageContaining("OR must stand");
        assertThatThrownBy(() -> SearchQueryParser.parse("printer OR status:open")).hasMessageContaining("OR must stand");
        assertThatThrownBy(() -> SearchQueryParser.parse("a OR OR b")).hasMessageContaining("character 6");
    }

    @Test
    void filtersKeepNameValueAndPlace() {
        SearchQuery q = SearchQueryParser.parse("printer status:new,open Category:\"Billing and refunds\" -from:@spam.com");
        assertThat(q.filters()).hasSize(3);
        assertThat(q.filters().get(0).name()).isEqualTo("status");
        assertThat(q.filters().get(0).value()).isEqualTo("new,open");
        assertThat(q.filters().get(0).position()).isEqualTo(9);
        assertThat(q.filters().get(1).name()).isEqualTo("category");
        assertThat(q.filters().get(1).value()).isEqualTo("Billing and refunds");
        assertThat(q.filters().get(1).text()).isEqualTo("Category:\"Billing and refunds\"");
        assertThat(q.filters().get(2).negated()).isTrue();
        assertThat(q.filters().get(2).value()).isEqualTo("@spam.com");
    }

    @Test
    void filtersAloneAreAQuery() {
        SearchQuery q = SearchQueryParser.parse("status:open assignee:me");
        assertThat(q.required()).isEmpty();
        assertThat(q.filters()).hasSize(2);
    }

    @Test
    void anExclusionAloneIsNotAQuery() {
        assertThatThrownBy(() -> SearchQueryParser.parse("-printer")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("besides the excluded");
    }

    @Test
    void anUnknownFilterIsNamed() {
        assertThatThrownBy(() -> SearchQueryParser.parse("printer colour:red"))
                .hasMessageContaining("character 9").hasMessageContaining("'colour:red'")
                .hasMessageContaining("unknown filter 'colour:'");
    }

    @Test
    void theFiltersOfOtherFeaturesAreKnownNames() {
        assertThat(SearchQueryParser.parse("tag:vip has:attachment sla:breached").filters())
                .extracting(SearchQuery.FilterPart::name).containsExactly("tag", "has", "sla");
    }

    @Test
    void anUnbalancedQuoteIsNamedWhereItStarts() {
        assertThatThrownBy(() -> SearchQueryParser.parse("printer \"paper jam"))
                .hasMessageContaining("character 9").hasMessageContaining("quote is not closed");
        assertThatThrownBy(() -> SearchQueryParser.parse("category:\"Two words"))
                .hasMessageContaining("character 1").hasMessageContaining("quote is not closed");
        assertThatThrownBy(() -> SearchQueryParser.parse("pa\"per")).hasMessageContaining("quote is not closed");
    }

    @Test
    void aFilterWithoutValueIsNamed() {
        assertThatThrownBy(() -> SearchQueryParser.parse("status:")).hasMessageContaining("needs a value");
    }

    @Test
    void emailAddressesAndTicketNumbersAreRecognised() {
        List<Term> terms = SearchQueryParser.parse("Ann@Example.com hd-42").positiveTerms();
        assertThat(terms.get(0).kind()).isEqualTo(Kind.EMAIL);
        assertThat(terms.get(0).email()).isEqualTo("ann@example.com");
        assertThat(terms.get(0).words()).containsExactly("ann", "example", "com");
        assertThat(terms.get(1).kind()).isEqualTo(Kind.TICKET_NUMBER);
        assertThat(terms.get(1).ticketNumber()).isEqualTo(42L);
    }

    @Test
    void punctuationAloneIsNotAWord() {
        assertThatThrownBy(() -> SearchQueryParser.parse("printer !!!")).hasMessageContaining("character 9")
                .hasMessageContaining("no letters or digits");
    }

    @Test
    void emptyOrTooLongQueriesAreRefused() {
        assertThatThrownBy(() -> SearchQueryParser.parse("  ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> SearchQueryParser.parse("a".repeat(501))).hasMessageContaining("500");
        assertThat(SearchQueryParser.parse("a".repeat(500)).required()).hasSize(1);
    }

    @Test
    void timeBoundsReadDatesAndAges() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        assertThat(TimeBound.parse(">2026-01-31", now)).isEqualTo(new TimeBound(true, Instant.parse("2026-01-31T00:00:00Z")));
        assertThat(TimeBound.parse("<7d", now)).isEqualTo(new TimeBound(false, Instant.parse("2026-11-30T12:00:00Z")));
        assertThat(TimeBound.parse(">12h", now).at()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThatThrownBy(() -> TimeBound.parse("2026-01-31", now)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> TimeBound.parse(">2026-02-30", now)).hasMessageContaining("not a date");
        assertThatThrownBy(() -> TimeBound.parse(">7w", now)).isInstanceOf(InvalidInput.class);
    }
}
