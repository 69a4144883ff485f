package org.helpdesk.canned;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/** A canned reply's title, body and sharing, checked: title 1–255 after trimming, body 1–100,000 with known variables. */
public record CannedReplyDraft(String title, String body, boolean shared) {
    public CannedReplyDraft {
        title = JsonInput.text(title, "title", CannedReply.MAX_TITLE);
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body must not be empty");
        }
        if (body.length() > CannedReply.MAX_BODY) {
            throw new InvalidInput("body must be at most " + CannedReply.MAX_BODY + " characters");
        }
        if (body.indexOf('\0') >= 0 || title.indexOf('\0') >= 0) {
            throw new InvalidInput("title and body must not contain the NUL character");
        }
        Template.parse(body, "body");
    }
}
