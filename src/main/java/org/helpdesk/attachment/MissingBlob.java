package org.helpdesk.attachment;

import java.io.IOException;

/** A row names bytes the store does not have (should never happen: bytes are stored before their row commits). */
final class MissingBlob extends IOException {
    MissingBlob(String key) {
        super("The stored file " + key + " is missing");
    }
}
