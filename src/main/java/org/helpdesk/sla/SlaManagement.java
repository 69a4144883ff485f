package org.helpdesk.sla;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.MemberActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar and policy use cases: reads take the entity, writes the acting admin (the adapters check the
 * role) and a command that has checked its own values; what needs the entity (its categories and calendars) is
 * checked here before anything is written. Changes apply to
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
    public Calendar createCalendar(MemberActor actor, CalendarFields fields) {
        Calendar calendar = new Calendar(Ids.newId(), actor.entityId(), fields.name(), fields.timezone(),
                fields.hours(), fields.holidays(), Times.now(clock));
        calendars.insert(calendar);
        return calendar;
    }

    @Transactional
    public Calendar changeCalendar(MemberActor actor, UUID id, CalendarChange change) {
        Calendar c = calendars.findForUpdate(actor.entityId(), id).orElseThrow(SlaManagement::noCalendar);
        CalendarFields fields = change.applyTo(c);
        Calendar changed = new Calendar(c.id(), c.entityId(), fields.name(), fields.timezone(), fields.hours(),
                fields.holidays(), c.createdAt());
        if (!changed.equals(c)) {
            calendars.update(changed);
        }
        return changed;
    }

    /** A calendar a policy counts in cannot go: {@link Conflict} (409) naming the way out. */
    @Transactional
    public void deleteCalendar(MemberActor actor, UUID id) {
        UUID entityId = actor.entityId();
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
    public SlaPolicy createPolicy(MemberActor actor, PolicyFields fields) {
        UUID entityId = actor.entityId();
        checkMatch(entityId, fields.match());
        checkCalendar(entityId, fields.calendarId());
        int position = fields.position() != null ? fields.position() : policies.nextPosition(entityId);
        SlaPolicy policy = new SlaPolicy(Ids.newId(), entityId, fields.name(), position, fields.match(),
                fields.calendarId(), fields.targets(), Times.now(clock));
        policies.insert(policy);
        return policy;
    }

    /** Only what the change names is checked against the entity: a stored reference stays as it was accepted. */
    @Transactional
    public SlaPolicy changePolicy(MemberActor actor, UUID id, PolicyChange change) {
        UUID entityId = actor.entityId();
        SlaPolicy p = policy(entityId, id);
        PolicyFields fields = change.applyTo(p);
        if (change.match() != null) {
            checkMatch(entityId, fields.match());
        }
        if (change.calendarId() != null) {
            checkCalendar(entityId, fields.calendarId());
        }
        SlaPolicy changed = new SlaPolicy(p.id(), entityId, fields.name(), fields.position(), fields.match(),
                fields.calendarId(), fields.targets(), p.createdAt());
        if (!changed.equals(p)) {
            policies.update(changed);
        }
        return changed;
    }

    @Transactional
    public void deletePolicy(MemberActor actor, UUID id) {
        policy(actor.entityId(), id);
        policies.delete(actor.entityId(), id);
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

    private void checkCalendar(UUID entityId, UUID calendarId) {
        if (calendarId != null && calendars.find(entityId, calendarId).isEmpty()) {
            throw new InvalidInput("calendarId is not a calendar of this entity");
        }
    }

    private void checkMatch(UUID entityId, SlaPolicy.Match match) {
        if (match.categoryId() != null) {
            for (UUID category : match.categoryId()) {
                if (!categories.exists(entityId, category)) {
                    throw new InvalidInput("match.categoryId: " + category + " is not a category of this entity");
                }
            }
        }
    }

    private static NotFound noCalendar() {
        return new NotFound("No such calendar in this entity");
    }

    private static NotFound noPolicy() {
        return new NotFound("No such SLA policy in this entity");
    }
}
