package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.helpdesk.macro.MacroActions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A macro in words, as the settings list and the "Apply macro" menu show it before it is applied. */
class MacroTextTest {
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BILLING = UUID.randomUUID();
    private static final UUID WELCOME = UUID.randomUUID();
    private static final MacroText.Names NAMES = new MacroText.Names(Map.of(ANN.toString(), "Ann"),
            Map.of(BILLING.toString(), "Billing"), Map.of(WELCOME.toString(), "Welcome"));

    private static ObjectNode actions() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void everyActionIsOneLineInTheOrderOfTheForm() {
        ObjectNode a = actions().put("status", "pending").put("priority", "urgent").put("assignedTo", ANN.toString())
                .put("categoryId", BILLING.toString());
        a.putArray("addTags").add("vip").add("b");
        a.putArray("removeTags").add("new");
        a.putObject("reply").put("cannedReplyId", WELCOME.toString()).put("isInternal", false);

        assertThat(MacroText.actions(MacroActions.parse(a), NAMES)).containsExactly("Status: pending",
                "Priority: urgent", "Assignee: Ann", "Category: Billing", "Add tags: b, vip", "Remove tags: new",
                "Reply: canned reply “Welcome”");
    }

    @Test
    void meNobodyNoCategoryAndALongInternalNoteAreSaidPlainly() {
        ObjectNode me = actions().put("assignedTo", "me").putNull("categoryId");
        me.putObject("reply").put("body", "Thanks,\n\n" + "a".repeat(100)).put("isInternal", true);
        ObjectNode nobody = actions().putNull("assignedTo");

        assertThat(MacroText.actions(MacroActions.parse(me), NAMES)).containsExactly("Assignee: whoever applies it",
                "Category: none", "Internal note: “Thanks, " + "a".repeat(52) + "…”");
        assertThat(MacroText.actions(MacroActions.parse(nobody), NAMES)).containsExactly("Assignee: nobody");
    }

    @Test
    void aReferenceThatNoLongerResolvesIsNamedAsGone() {
        ObjectNode a = actions().put("assignedTo", UUID.randomUUID().toString())
                .put("categoryId", UUID.randomUUID().toString());
        a.putObject("reply").put("cannedReplyId", UUID.randomUUID().toString());

        assertThat(MacroText.actions(MacroActions.parse(a), NAMES)).containsExactly("Assignee: (former member)",
                "Category: (removed)", "Reply: canned reply “(deleted)”");
    }
}
