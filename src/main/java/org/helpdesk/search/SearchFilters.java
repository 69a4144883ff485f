package org.helpdesk.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.helpdesk.common.InvalidInput;
import org.springframework.stereotype.Component;

/** The filters this installation has: every {@link SearchFilter} bean, by name. */
@Component
class SearchFilters {
    private final Map<String, SearchFilter> byName;

    SearchFilters(List<SearchFilter> filters) {
        this.byName = filters.stream().collect(Collectors.toUnmodifiableMap(SearchFilter::name, Function.identity()));
    }

    /** The condition of one filter part; its errors name the part. */
    String condition(SearchQuery.FilterPart part, FilterContext context) {
        SearchFilter filter = byName.get(part.name());
        if (filter == null) {
            throw new QueryNotReadable(part.text(), part.position(), "unknown filter '" + part.name() + ":'");
        }
        String sql;
        try {
            sql = filter.condition(part.value(), context);
        } catch (QueryNotReadable e) {
            throw e;
        } catch (InvalidInput e) {
            throw new QueryNotReadable(part.text(), part.position(), e.getMessage());
        }
        return part.negated() ? "(" + sql + ") is not true" : "(" + sql + ")";
    }
}
