package org.helpdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.helpdesk.category.Category;
import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.entity.Memberships;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filters of API §7 that the ticket row answers: status, priority, channel, assignee, category, from, dates. */
@Configuration(proxyBeanMethods = false)
class BuiltInFilters {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern DOMAIN = Pattern.compile("@[^\\s@]+");

    /** A filter as a name and a function from value and context to the condition. */
    record Simple(String name, BiFunction<String, FilterContext, String> sql) implements SearchFilter {
        @Override
        public String condition(String value, FilterContext context) {
            return sql.apply(value, context);
        }
    }

    @Bean
    SearchFilter statusFilter() {
        return new Simple("status", (value, c) -> "t.status in ("
                + c.bind(list(value, "status", s -> TicketStatus.parse(s, "status").wire())) + ")");
    }

    @Bean
    SearchFilter priorityFilter() {
        return new Simple("priority", (value, c) -> "t.priority in ("
                + c.bind(list(value, "priority", s -> Priority.parse(s, "priority").wire())) + ")");
    }

    @Bean
    SearchFilter channelFilter() {
        return new Simple("channel", (value, c) -> "t.channel in ("
                + c.bind(list(value, "channel", s -> Channel.parse(s, "channel").wire())) + ")");
    }

    @Bean
    SearchFilter assigneeFilter(Memberships memberships) {
        return new Simple("assignee", (value, c) -> {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals("me")) {
                return "t.assigned_to = " + c.bind(c.userId());
            }
            if (v.equals("none")) {
                return "t.assigned_to is null";
            }
            var member = memberships.list(c.entityId()).stream()
                    .filter(m -> m.email().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new InvalidInput(
                            "assignee must be me, none or the email address of a member of this entity"));
            return "t.assigned_to = " + c.bind(member.userId());
        });
    }

    @Bean
    SearchFilter categoryFilter(CategoryManagement categories) {
        return new Simple("category", (value, c) -> {
            Category category = categories.list(c.entityId()).stream()
                    .filter(cat -> cat.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new InvalidInput("there is no category named '" + value
                            + "' (quote a name with spaces: category:\"Two words\")"));
            return "t.category_id = " + c.bind(category.id());
        });
    }

    @Bean
    SearchFilter fromFilter() {
        return new Simple("from", (value, c) -> {
            String v = value.toLowerCase(Locale.ROOT);
            if (DOMAIN.matcher(v).matches()) {
                String escaped = v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                return "lower(t.contact_email) like " + c.bind("%" + escaped) + " escape '\\'";
            }
            if (EMAIL.matcher(v).matches()) {
                return "lower(t.contact_email) = " + c.bind(v);
            }
            throw new InvalidInput("from: takes an email address or @domain");
        });
    }

    @Bean
    SearchFilter createdFilter() {
        return new Simple("created", (value, c) -> time("t.created_at", value, c));
    }

    @Bean
    SearchFilter updatedFilter() {
        return new Simple("updated", (value, c) -> time("t.updated_at", value, c));
    }

    private static String time(String column, String value, FilterContext c) {
        TimeBound bound = TimeBound.parse(value, c.now());
        return column + (bound.after() ? " >= " : " < ") + c.bind(org.helpdesk.common.Times.sql(bound.at()));
    }

    private static List<String> list(String value, String name, Function<String, String> parse) {
        List<String> values = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            values.add(parse.apply(item.strip().toLowerCase(Locale.ROOT)));
        }
        return values;
    }
}
