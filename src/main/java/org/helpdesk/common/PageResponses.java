package org.helpdesk.common;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A page of a JSON list: the items, and a {@code Link: <…>; rel="next"} header while more pages follow. */
public final class PageResponses {
    private PageResponses() {
    }

    /** The next page's address is this request's with {@code cursor} replaced. */
    public static <T> ResponseEntity<List<T>> withNext(List<T> items, String nextCursor) {
        if (nextCursor == null) {
            return ResponseEntity.ok(items);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", nextCursor).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(items);
    }
}
