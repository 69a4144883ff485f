package org.helpdesk.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The variable language of canned replies, without Spring. */
class TemplateTest {
    private static final Map<String, String> VALUES = Map.of("ticket.number", "HD-42", "contact.name", "Ann Lee",
            "contact.firstName", "Ann", "agent.name", "Bo Agent");

    private static String render(String body, Map<String, String> values) {
        return Template.parse(body, "body").render(values);
    }

    @Test
    void variablesAreReplacedByTheirValues() {
        assertThat(render("Hi {{contact.firstName}}, about {{ticket.number}}. {{agent.name}}", VALUES))
                .isEqualTo("Hi Ann, about HD-42. Bo Agent");
    }

    @Test
    void spacesInsideTheBracesAreAllowed() {
        assertThat(render("{{  contact.name  }}", VALUES)).isEqualTo("Ann Lee");
    }

    @Test
    void aMissingValueTakesTheFallback() {
        assertThat(render("Hello {{contact.email | \"there\"}}!", VALUES)).isEqualTo("Hello there!");
    }

    @Test
    void aBlankValueAlsoTakesTheFallback() {
        Map<String, String> values = new HashMap<>(VALUES);
        values.put("contact.firstName", "  ");
        assertThat(render("Hi {{contact.firstName|\"there\"}}", values)).isEqualTo("Hi there");
    }

    @Test
    void aMissingValueWithoutFallbackIsEmpty() {
        assertThat(render("[{{entity.name}}]", VALUES)).isEqualTo("[]");
    }

    @Test
    void aPresentValueIgnoresTheFallback() {
        assertThat(render("{{contact.firstName | \"there\"}}", VALUES)).isEqualTo("Ann");
    }

    @Test
    void aFallbackMayHoldQuotesBracesAndBackslashes() {
        assertThat(render("{{entity.name | \"say \\\"hi\\\" }} \\\\\"}}", VALUES)).isEqualTo("say \"hi\" }} \\");
    }

    @Test
    void textWithoutVariablesStaysAsItIs() {
        assertThat(render("Plain text { } {x} }}", VALUES)).isEqualTo("Plain text { } {x} }}");
    }

    @Test
    void anUnclosedOpeningIsText() {
        assertThat(render("Hi {{contact.name", VALUES)).isEqualTo("Hi {{contact.name");
    }

    @Test
    void anUnknownVariableIsRefusedNamingIt() {
        assertThatThrownBy(() -> Template.parse("Hi {{contact.phone}}", "body"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("contact.phone").hasMessageStartingWith("body");
    }

    @Test
    void variableNamesAreCaseSensitive() {
        assertThatThrownBy(() -> Template.parse("{{Contact.Name}}", "body")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void malformedExpressionsAreRefused() {
        for (String bad : new String[] {"{{}}", "{{ }}", "{{contact.name there}}", "{{contact.name | there}}",
                "{{contact.name | \"unclosed}}", "{{contact.name |}}", "{{contact.name \"x\"}}"}) {
            assertThatThrownBy(() -> Template.parse(bad, "body")).as(bad).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void everyDocumentedVariableIsKnown() {
        Template t = Template.parse("{{ticket.number}}{{ticket.subject}}{{contact.name}}{{contact.firstName}}"
                + "{{contact.email}}{{agent.name}}{{agent.firstName}}{{entity.name}}", "body");
        assertThat(t.variables()).containsExactly("ticket.number", "ticket.subject", "contact.name",
                "contact.firstName", "contact.email", "agent.name", "agent.firstName", "entity.name");
    }

    @Test
    void theFirstNameIsTheFirstWordOfTheName() {
        assertThat(Template.firstName("  Ann  Marie Lee ")).isEqualTo("Ann");
        assertThat(Template.firstName("Cher")).isEqualTo("Cher");
        assertThat(Template.firstName(" ")).isNull();
        assertThat(Template.firstName(null)).isNull();
    }

    @Test
    void aVariableNextToTextAndAtTheEndRenders() {
        assertThat(render("{{ticket.number}}:{{ticket.number}}", VALUES)).isEqualTo("HD-42:HD-42");
    }
}
