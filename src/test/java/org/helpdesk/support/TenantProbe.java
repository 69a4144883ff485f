package org.helpdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.auth.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A test-only {@code /api/helpdesk/**} route that shows how the request's caller was resolved. The foundation
 * has no helpdesk route of its own yet (tickets and categories live in other features), but API.md §2 holds on
 * every such route; this one lets the §2 rules be checked over HTTP without depending on those features.
 * Picked up by component scanning, so it exists in every integration-test context and nowhere in production.
 */
@RestController
class TenantProbe {
    static final String PATH = "/api/helpdesk/test-probe";

    @GetMapping(PATH)
    Map<String, Object> read(Tenant tenant) {
        return view(tenant.requireRead());
    }

    @PostMapping(PATH)
    Map<String, Object> write(Tenant tenant, @RequestBody(required = false) JsonNode body) {
        return view(tenant.requireWrite());
    }

    private static Map<String, Object> view(Tenant tenant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entityId", tenant.entityId());
        view.put("userId", tenant.userId());
        view.put("role", tenant.role());
        view.put("viaApiKey", tenant.viaApiKey());
        return view;
    }
}
