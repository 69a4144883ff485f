package org.helpdesk.attachment;

import org.helpdesk.common.TooLarge;

/** A file over the per-file limit, or files over the per-message limit (API §8): 413. */
public class FileTooLarge extends TooLarge {
    FileTooLarge(String message) {
        super(message);
    }

    static FileTooLarge file(long max) {
        return new FileTooLarge("A file may be at most " + mebibytes(max) + " (" + max + " bytes)");
    }

    static FileTooLarge message(long max) {
        return new FileTooLarge("The files of one message may be at most " + mebibytes(max) + " together");
    }

    static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
