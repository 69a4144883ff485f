package org.helpdesk.sla;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The calendar and policy use cases. Permission (admin and owner sessions) is checked by the caller; everything
 * here is scoped by the entity, and every input is checked whole before anything is written. Changes apply to
 * tickets from their next change and to new tickets (the due times already on tickets stay as computed).
 */
@Service
public class SlaManagement {
    private final Calendars calendars;
    private final SlaPolicies policies;
    private final CategoryManagement categories;
    private final Clock clock;

    SlaManagement(Calendars calendars, SlaPolicies policies, CategoryManagement categories, Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.categories = categories;
        this.clock = clock;
    }

    // Calendars

    public List<Calendar> calendars(UUID entityId) {
        return calendars.list(entityId);
    }

    public Calendar calendar(UUID entityId, UUID id) {
        return calendars.find(entityId, id).orElseThrow(SlaManagement::noCalendar);
    }

    @Transactional
    public Calendar createCalendar(UUID entityId, JsonNode body) {
        JsonInput in = JsonInput.of(body);
        Calendar calendar = new Calendar(Ids.newId(), entityId, SlaInput.name(in.string("name"), Calendar.MAX_NAME),
                SlaInput.timezone(in.string("timezone")), SlaInput.hours(body.get("hours")),
                SlaInput.holidays(body.get("holidays")), Times.now(clock));
        calendars.insert(calendar);
        return calendar;
    }

    /** A merge-patch of name, timezone, hours and holidays ({@code null} holidays: none). */
    @Transactional
    public Calendar changeCalendar(UUID entityId, UUID id, JsonNode body) {
        JsonInput in = JsonInput.of(body);
        Calendar c = calendars.findForUpdate(entityId, id).orElseThrow(SlaManagement::noCalendar);
        Calendar changed = new Calendar(c.id(), c.entityId(),
                in.has("name") ? SlaInput.name(in.string("name"), Calendar.MAX_NAME) : c.name(),
                in.has("timezone") ? SlaInput.timezone(in.string("timezone")) : c.timezone(),
                in.has("hours") ? SlaInput.hours(body.get("hours")) : c.hours(),
                in.has("holidays") ? SlaInput.holidays(body.get("holidays")) : c.holidays(), c.createdAt());
        if (!changed.equals(c)) {
            calendars.update(changed);
        }
        return changed;
    }

    /** A calendar a policy counts in cannot go: {@link Conflict} (409) naming the way out. */
    @Transactional
    public void deleteCalendar(UUID entityId, UUID id) {
        calendars.findForUpdate(entityId, id).orElseThrow(SlaManagement::noCalendar);
        if (policies.calendarInUse(entityId, id)) {
            throw new Conflict("This calendar is used by an SLA policy; change or delete that policy first");
        }
        calendars.delete(entityId, id);
    }

    // Policies

    public List<SlaPolicy> policies(UUID entityId) {
        return policies.list(entityId);
    }

    public SlaPolicy policy(UUID entityId, UUID id) {
        return policies.find(entityId, id).orElseThrow(SlaManagement::noPolicy);
    }

    @Transactional
    public SlaPolicy createPolicy(UUID entityId, JsonNode body) {
        JsonInput in = JsonInput.of(body);
        String name = SlaInput.name(in.string("name"), SlaPolicy.MAX_NAME);
        SlaPolicy.Match match = checked(entityId, SlaInput.match(body.get("match")));
        UUID calendarId = calendarRef(entityId, in);
        Map<String, SlaPolicy.Target> targets = SlaInput.targets(body.get("targets"));
        int position = in.has("position") && !in.isNull("position") ? SlaInput.position(body.get("position"))
                : policies.nextPosition(entityId);
        SlaPolicy policy = new SlaPolicy(Ids.newId(), entityId, name, position, match, calendarId, targets,
                Times.now(clock));
        policies.insert(policy);
        return policy;
    }

    /** A merge-patch of name, position, match, calendarId ({@code null}: around the clock) and targets. */
    @Transactional
    public SlaPolicy changePolicy(UUID entityId, UUID id, JsonNode body) {
        JsonInput in = JsonInput.of(body);
        SlaPolicy p = policy(entityId, id);
        SlaPolicy changed = new SlaPolicy(p.id(), p.entityId(),
                in.has("name") ? SlaInput.name(in.string("name"), SlaPolicy.MAX_NAME) : p.name(),
                in.has("position") ? SlaInput.position(body.get("position")) : p.position(),
                in.has("match") ? checked(entityId, SlaInput.match(body.get("match"))) : p.match(),
                in.has("calendarId") ? calendarRef(entityId, in) : p.calendarId(),
                in.has("targets") ? SlaInput.targets(body.get("targets")) : p.targets(), p.createdAt());
        if (!changed.equals(p)) {
            policies.update(changed);
        }
        return changed;
    }

    @Transactional
    public void deletePolicy(UUID entityId, UUID id) {
        policy(entityId, id);
        policies.delete(entityId, id);
    }

    /** What a new ticket of this priority, channel and category would get if created at {@code now}. */
    public record Preview(String priority, SlaPolicy policy, java.time.Instant firstResponseDueAt,
                          java.time.Instant resolutionDueAt) {
    }

    /** The due times a new ticket would get now, per priority (no category, this channel). */
    public List<Preview> preview(UUID entityId, org.helpdesk.ticket.Channel channel) {
        java.time.Instant now = Times.now(clock);
        List<SlaPolicy> all = policies.list(entityId);
        List<Preview> out = new java.util.ArrayList<>();
        for (org.helpdesk.ticket.Priority priority : org.helpdesk.ticket.Priority.values()) {
            SlaPolicy policy = all.stream().filter(p -> p.match().fits(priority, null, channel)).findFirst()
                    .orElse(null);
            SlaPolicy.Target t = policy == null ? null : policy.targets().get(priority.wire());
            BusinessHours hours = policy == null || policy.calendarId() == null ? BusinessHours.ALWAYS
                    : calendars.find(entityId, policy.calendarId()).map(Calendar::businessHours)
                            .orElse(BusinessHours.ALWAYS);
            out.add(new Preview(priority.wire(), policy,
                    t == null || t.firstResponse() == null ? null
                            : hours.plus(now, java.time.Duration.ofMinutes(t.firstResponse())),
                    t == null || t.resolution() == null ? null
                            : hours.plus(now, java.time.Duration.ofMinutes(t.resolution()))));
        }
        return out;
    }

    private UUID calendarRef(UUID entityId, JsonInput in) {
        UUID calendarId = in.uuid("calendarId");
        if (calendarId != null && calendars.find(entityId, calendarId).isEmpty()) {
            throw new InvalidInput("calendarId is not a calendar of this entity");
        }
        return calendarId;
    }

    private SlaPolicy.Match checked(UUID entityId, SlaPolicy.Match match) {
        if (match.categoryId() != null) {
            for (UUID category : match.categoryId()) {
                if (!categories.exists(entityId, category)) {
                    throw new InvalidInput("match.categoryId: " + category + " is not a category of this entity");
                }
            }
        }
        return match;
    }

    private static NotFound noCalendar() {
        return new NotFound("No such calendar in this entity");
    }

    private static NotFound noPolicy() {
        return new NotFound("No such SLA policy in this entity");
    }
}
