package org.helpdesk.sla;

import java.util.Map;
import java.util.UUID;

/**
 * A merge-patch of an SLA policy: a {@code null} field is left as it is; {@code aroundTheClock} clears the
 * calendar, {@link PolicyFields#ANY} the match and an empty map the targets.
 */
public record PolicyChange(String name, Integer position, SlaPolicy.Match match, UUID calendarId,
                           boolean aroundTheClock, Map<String, SlaPolicy.Target> targets) {

    PolicyFields applyTo(SlaPolicy p) {
        return new PolicyFields(name == null ? p.name() : name, position == null ? p.position() : position,
                match == null ? p.match() : match, aroundTheClock ? null : calendarId == null ? p.calendarId()
                : calendarId, targets == null ? p.targets() : targets);
    }
}
