package org.helpdesk.sla;

import java.net.URI;
import java.util.List;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.Ids;
import org.helpdesk.entity.MemberActor;
import org.helpdesk.entity.SettingsCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Calendars and SLA policies (API §11): read like the other GET routes; written only by admins and owners in a
 * browser session, never with an API key (403).
 */
@RestController
class SlaController {
    private static final String CALENDARS = "/api/helpdesk/calendars";
    private static final String POLICIES = "/api/helpdesk/sla-policies";

    private final SlaManagement sla;

    SlaController(SlaManagement sla) {
        this.sla = sla;
    }

    private static MemberActor writer(Tenant tenant) {
        if (tenant.viaApiKey()) {
            throw new Forbidden("Calendars and SLA policies are changed in a signed-in session, not with an API key");
        }
        return SettingsCaller.admin(tenant);
    }

    @GetMapping(CALENDARS)
    List<Calendar> calendars(Tenant tenant) {
        return sla.calendars(tenant.requireRead().entityId());
    }

    @GetMapping(CALENDARS + "/{id}")
    Calendar calendar(Tenant tenant, @PathVariable String id) {
        return sla.calendar(tenant.requireRead().entityId(), Ids.parse(id, "id"));
    }

    @PostMapping(CALENDARS)
    ResponseEntity<Calendar> createCalendar(Tenant tenant, @RequestBody JsonNode body) {
        Calendar created = sla.createCalendar(writer(tenant), SlaJson.newCalendar(body));
        return ResponseEntity.created(URI.create(CALENDARS + "/" + created.id())).body(created);
    }

    @PatchMapping(CALENDARS + "/{id}")
    Calendar changeCalendar(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        return sla.changeCalendar(writer(tenant), Ids.parse(id, "id"), SlaJson.calendarChange(body));
    }

    @DeleteMapping(CALENDARS + "/{id}")
    ResponseEntity<Void> deleteCalendar(Tenant tenant, @PathVariable String id) {
        sla.deleteCalendar(writer(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(POLICIES)
    List<SlaPolicy> policies(Tenant tenant) {
        return sla.policies(tenant.requireRead().entityId());
    }

    @GetMapping(POLICIES + "/{id}")
    SlaPolicy policy(Tenant tenant, @PathVariable String id) {
        return sla.policy(tenant.requireRead().entityId(), Ids.parse(id, "id"));
    }

    @PostMapping(POLICIES)
    ResponseEntity<SlaPolicy> createPolicy(Tenant tenant, @RequestBody JsonNode body) {
        SlaPolicy created = sla.createPolicy(writer(tenant), SlaJson.newPolicy(body));
        return ResponseEntity.created(URI.create(POLICIES + "/" + created.id())).body(created);
    }

    @PatchMapping(POLICIES + "/{id}")
    SlaPolicy changePolicy(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        return sla.changePolicy(writer(tenant), Ids.parse(id, "id"), SlaJson.policyChange(body));
    }

    @DeleteMapping(POLICIES + "/{id}")
    ResponseEntity<Void> deletePolicy(Tenant tenant, @PathVariable String id) {
        sla.deletePolicy(writer(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }
}
