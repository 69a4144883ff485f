package org.helpdesk.search;

import org.helpdesk.common.InvalidInput;

/** A part of the search query that could not be read; the message names the part and where it starts. */
public class QueryNotReadable extends InvalidInput {
    public QueryNotReadable(String part, int position, String why) {
        super("Could not read the query at character " + position + " ('" + part + "'): " + why);
    }

    public QueryNotReadable(String why) {
        super("Could not read the query: " + why);
    }
}
