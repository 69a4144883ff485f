package org.helpdesk.contact;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record ContactPage<T>(List<T> items, String nextCursor) {
}
