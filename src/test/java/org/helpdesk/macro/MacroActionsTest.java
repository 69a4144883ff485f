package org.helpdesk.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checking a macro's actions when it is saved, without Spring. */
class MacroActionsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MacroActions parse(String json) {
        return MacroActions.parse(JSON.readTree(json));
    }

    private static void refused(String json, String why) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(InvalidInput.class).hasMessageContaining(why);
    }

    @Test
    void everyActionIsRead() {
        UUID category = UUID.randomUUID();
        MacroActions a = parse("""
                {"status": "pending", "priority": "high", "assignedTo": "me", "categoryId": "%s",
                 "addTags": ["VIP", "vip", "billing"], "removeTags": ["new"],
                 "reply": {"body": "Hi {{contact.firstName | \\"there\\"}}", "isInternal": true}}""".formatted(category));

        assertThat(a.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(a.priority()).isEqualTo(Priority.HIGH);
        assertThat(a.assignee().me()).isTrue();
        assertThat(a.category().id()).isEqualTo(category);
        assertThat(a.addTags()).containsExactly("billing", "vip");
        assertThat(a.removeTags()).containsExactly("new");
        assertThat(a.reply().internal()).isTrue();
        assertThat(a.json().keySet()).containsExactly("status", "priority", "assignedTo", "categoryId", "addTags",
                "removeTags", "reply");
    }

    @Test
    void nullUnassignsAndUncategorises() {
        MacroActions a = parse("{\"assignedTo\": null, \"categoryId\": null}");
        assertThat(a.assignee().id()).isNull();
        assertThat(a.assignee().me()).isFalse();
        assertThat(a.category().id()).isNull();
        assertThat(a.json()).containsEntry("assignedTo", null).containsEntry("categoryId", null);
    }

    @Test
    void aCannedReplyIsNamedById() {
        UUID id = UUID.randomUUID();
        MacroActions a = parse("{\"reply\": {\"cannedReplyId\": \"" + id + "\"}}");
        assertThat(a.reply().cannedReplyId()).isEqualTo(id);
        assertThat(a.reply().internal()).isFalse();
    }

    @Test
    void theActionsMustBeANonEmptyObject() {
        refused("{}", "at least one");
        refused("[]", "object");
        refused("\"status\"", "object");
        refused("{\"addTags\": []}", "at least one");
    }

    @Test
    void anUnknownActionIsRefused() {
        refused("{\"stauts\": \"open\"}", "stauts");
    }

    @Test
    void badValuesAreRefusedNamingTheAction() {
        refused("{\"status\": \"done\"}", "status");
        refused("{\"status\": null}", "actions.status");
        refused("{\"priority\": 3}", "actions.priority");
        refused("{\"assignedTo\": \"someone\"}", "actions.assignedTo");
        refused("{\"categoryId\": \"me\"}", "actions.categoryId");
        refused("{\"addTags\": \"vip\"}", "actions.addTags");
        refused("{\"addTags\": [\"has space\"]}", "actions.addTags");
        refused("{\"removeTags\": [1]}", "actions.removeTags");
        refused("{\"addTags\": [\"a\"], \"removeTags\": [\"A\"]}", "both added and removed");
    }

    @Test
    void moreThanTwentyTagsToAddAreRefused() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        refused("{\"addTags\": [" + tags + "]}", "20");
    }

    @Test
    void aReplyNeedsExactlyOneOfCannedReplyIdAndBody() {
        refused("{\"reply\": {}}", "exactly one");
        refused("{\"reply\": {\"body\": \"x\", \"cannedReplyId\": \"" + UUID.randomUUID() + "\"}}", "exactly one");
        refused("{\"reply\": \"hello\"}", "object");
        refused("{\"reply\": {\"cannedReplyId\": \"nope\"}}", "cannedReplyId");
        refused("{\"reply\": {\"body\": \" \"}}", "body");
        refused("{\"reply\": {\"body\": \"x\", \"isInternal\": \"yes\"}}", "isInternal");
        refused("{\"reply\": {\"body\": \"Hi {{contact.phone}}\"}}", "contact.phone");
        refused("{\"reply\": {\"body\": \"" + "x".repeat(100_001) + "\"}}", "100000");
    }

    @Test
    void theChangeUsesTheCallerForMe() {
        UUID caller = UUID.randomUUID();
        MacroActions a = parse("{\"assignedTo\": \"me\", \"status\": \"open\"}");
        assertThat(a.change(caller)).isEqualTo(org.helpdesk.ticket.TicketChange.none().status(TicketStatus.OPEN)
                .assignedTo(caller));
    }

    @Test
    void aReplyAloneChangesNoField() {
        MacroActions a = parse("{\"reply\": {\"body\": \"Thanks\"}}");
        assertThat(a.change(UUID.randomUUID()).isEmpty()).isTrue();
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        MacroActions a = parse("{\"addTags\": [\"b\", \"a\"], \"reply\": {\"body\": \"x\"}, \"status\": \"open\"}");
        JsonNode stored = JSON.valueToTree(a.json());
        assertThat(MacroActions.parse(stored)).isEqualTo(a);
    }
}
