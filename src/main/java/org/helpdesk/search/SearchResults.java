package org.helpdesk.search;

import java.util.List;

/** One page of hits and, when there are more, the cursor of the next page. */
public record SearchResults(List<SearchHit> hits, String nextCursor) {
}
