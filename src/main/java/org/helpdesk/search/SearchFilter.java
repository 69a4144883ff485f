package org.helpdesk.search;

/**
 * One filter of the query language ({@code name:value}). To add one (tag:, has:, sla:), write a Spring bean
 * implementing this interface whose {@link #name()} is in {@link SearchQueryParser#FILTER_NAMES}; see
 * docs/search.md. The condition is an SQL fragment over the ticket row, alias {@code t}, whose values are all
 * bound through {@link FilterContext#bind}; any table it reads must be filtered by {@code entity_id = t.entity_id}.
 */
public interface SearchFilter {

    /** The name before the colon, lower case. */
    String name();

    /**
     * The condition for a value (without quotes), e.g. {@code t.status in (:f0)}; an unreadable value or a name
     * that is not one of the entity's throws {@link org.helpdesk.common.InvalidInput} with the reason (the caller
     * adds which part of the query it was).
     */
    String condition(String value, FilterContext context);
}
