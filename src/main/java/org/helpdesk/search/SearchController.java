package org.helpdesk.search;

import java.util.List;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.PageResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/helpdesk/search (API §7). HTTP only: the rules live in {@link SearchManagement}. */
@RestController
class SearchController {
    private final SearchManagement search;

    SearchController(SearchManagement search) {
        this.search = search;
    }

    @GetMapping("/api/helpdesk/search")
    ResponseEntity<List<SearchHit>> search(Tenant tenant, @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        SearchRequest request = SearchRequest.of(tenant.entityId(), tenant.userId(), params.getFirst("q"),
                params.getFirst("sort"), params.getFirst("limit"), params.getFirst("cursor"));
        SearchResults results = search.search(request);
        return PageResponses.withNext(results.hits(), results.nextCursor());
    }
}
