package org.helpdesk.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports use case: one summary (API §13) of an entity's tickets over a range of days. */
@Service
public class ReportManagement {
    private final ReportQueries queries;

    ReportManagement(ReportQueries queries) {
        this.queries = queries;
    }

    /** Read-only and in one snapshot, so the series, totals and tables agree with each other. */
    @Transactional(readOnly = true)
    public Summary summary(UUID entityId, ReportRequest request) {
        List<Bucket> buckets = Bucket.of(request);
        Instant from = buckets.getFirst().from();
        Instant until = buckets.getLast().until();

        Map<Integer, ReportQueries.CreatedRow> created = queries.createdPerBucket(entityId, buckets);
        Map<Integer, ReportQueries.ResolvedRow> resolved = queries.resolvedPerBucket(entityId, buckets);
        List<Summary.Point> series = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            ReportQueries.CreatedRow c = created.getOrDefault(i, new ReportQueries.CreatedRow(0, null, null));
            ReportQueries.ResolvedRow r = resolved.getOrDefault(i, new ReportQueries.ResolvedRow(0, null));
            series.add(new Summary.Point(buckets.get(i).start(), c.created(), r.resolved(), c.firstResponseMedian(),
                    c.firstResponseP90(), r.resolutionMedian()));
        }

        ReportQueries.CreatedRow createdTotal = queries.createdTotal(entityId, from, until);
        ReportQueries.ResolvedRow resolvedTotal = queries.resolvedTotal(entityId, from, until);
        ReportQueries.SlaRow sla = queries.firstResponseSla(entityId, from, until);
        Summary.Totals totals = new Summary.Totals(createdTotal.created(), resolvedTotal.resolved(),
                createdTotal.firstResponseMedian(), createdTotal.firstResponseP90(), resolvedTotal.resolutionMedian(),
                sla.met(), sla.breached());

        return new Summary(request.from(), request.to(), request.interval().wire(), request.timezoneName(), series,
                totals, byAssignee(entityId, from, until), byCategory(entityId, from, until));
    }

    private List<Summary.ByAssignee> byAssignee(UUID entityId, Instant from, Instant until) {
        Map<UUID, ReportQueries.CreatedRow> created = queries.createdByAssignee(entityId, from, until);
        Map<UUID, Long> resolved = queries.resolvedByAssignee(entityId, from, until);
        Set<UUID> users = new LinkedHashSet<>(created.keySet());
        users.addAll(resolved.keySet());
        Map<UUID, String> names = queries.userNames(users.stream().filter(Objects::nonNull).toList());
        List<Summary.ByAssignee> rows = new ArrayList<>();
        for (UUID user : users) {
            ReportQueries.CreatedRow c = created.getOrDefault(user, new ReportQueries.CreatedRow(0, null, null));
            rows.add(new Summary.ByAssignee(user, user == null ? null : names.get(user), c.created(),
                    resolved.getOrDefault(user, 0L), c.firstResponseMedian()));
        }
        rows.sort(Comparator.comparingLong(Summary.ByAssignee::created).reversed()
                .thenComparing(Summary.ByAssignee::resolved, Comparator.reverseOrder())
                .thenComparing(a -> a.name() == null ? "\uffff" : a.name()));
        return rows;
    }

    private List<Summary.ByCategory> byCategory(UUID entityId, Instant from, Instant until) {
        Map<UUID, Long> created = queries.createdByCategory(entityId, from, until);
        Map<UUID, Long> resolved = queries.resolvedByCategory(entityId, from, until);
        Set<UUID> categories = new LinkedHashSet<>(created.keySet());
        categories.addAll(resolved.keySet());
        Map<UUID, String> names = categories.isEmpty() ? Map.of() : queries.categoryNames(entityId);
        List<Summary.ByCategory> rows = new ArrayList<>();
        for (UUID category : categories) {
            rows.add(new Summary.ByCategory(category, category == null ? null : names.get(category),
                    created.getOrDefault(category, 0L), resolved.getOrDefault(category, 0L)));
        }
        rows.sort(Comparator.comparingLong(Summary.ByCategory::created).reversed()
                .thenComparing(Summary.ByCategory::resolved, Comparator.reverseOrder())
                .thenComparing(c -> c.name() == null ? "\uffff" : c.name()));
        return rows;
    }
}
