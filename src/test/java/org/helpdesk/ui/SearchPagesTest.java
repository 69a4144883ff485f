package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.helpdesk.ui.SearchPages.Part;
import org.junit.jupiter.api.Test;

/** The results page cuts a snippet at its highlights; the template marks the marked parts (and escapes all). */
class SearchPagesTest {

    @Test
    void aSnippetIsCutIntoPlainAndMarkedPartsInOrder() {
        List<Part> parts = SearchPages.parts("The <b>Printer</b> prints", List.of(new int[] {7, 14}, new int[] {19, 25}));
        assertThat(parts).containsExactly(new Part("The <b>", false), new Part("Printer", true),
                new Part("</b> ", false), new Part("prints", true));
    }

    @Test
    void aSnippetWithoutHighlightsIsOnePlainPart() {
        assertThat(SearchPages.parts("plain", List.of())).containsExactly(new Part("plain", false));
    }
}
