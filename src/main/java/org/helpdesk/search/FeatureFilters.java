package org.helpdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.helpdesk.common.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters of the features around the ticket: {@code tag:} (API §10), {@code has:attachment} (§8) and
 * {@code sla:breached} (§11). Each reads only rows of the caller's entity: the search statements bind {@code :entityId}.
 */
@Configuration(proxyBeanMethods = false)
class FeatureFilters {
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,50}");

    /** {@code tag:a} or {@code tag:a,b}: tickets holding every one of the tags. */
    @Bean
    SearchFilter tagFilter() {
        return new BuiltInFilters.Simple("tag", (value, c) -> {
            List<String> conditions = new ArrayList<>();
            for (String raw : value.split(",", -1)) {
                String tag = raw.strip().toLowerCase(Locale.ROOT);
                if (!TAG.matcher(tag).matches()) {
                    throw new InvalidInput("a tag is 1 to 50 of a-z, 0-9, - and _");
                }
                // a semi-join on ticket_tags (entity_id, tag, ticket_id), as the list's tag filter
                conditions.add("t.id in (select g.ticket_id from ticket_tags g where g.entity_id = :entityId"
                        + " and g.tag = " + c.bind(tag) + ")");
            }
            return "(" + String.join(" and ", conditions) + ")";
        });
    }

    /** {@code has:attachment}: tickets with at least one file, on the description or on a message. */
    @Bean
    SearchFilter hasFilter() {
        return new BuiltInFilters.Simple("has", (value, c) -> {
            if (!value.strip().equalsIgnoreCase("attachment")) {
                throw new InvalidInput("has: takes attachment");
            }
            return "t.id in (select a.ticket_id from attachments a where a.entity_id = :entityId"
                    + " and a.ticket_id is not null)";
        });
    }

    /** {@code sla:breached}: a breach recorded on a target that is still unmet (as the list's sla=breached). */
    @Bean
    SearchFilter slaFilter() {
        return new BuiltInFilters.Simple("sla", (value, c) -> {
            if (!value.strip().equalsIgnoreCase("breached")) {
                throw new InvalidInput("sla: takes breached");
            }
            return "t.sla_breached = true";
        });
    }
}
