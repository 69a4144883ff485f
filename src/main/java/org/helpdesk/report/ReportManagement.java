package org.helpdesk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports use case: one summary (API §13) of an entity's tickets over a range of days. */
@Service
public class ReportManagement {
    private final ReportQueries queries;
    /** PostgreSQL reads the range once per side; H2 (no grouping sets) once per figure. */
    private final boolean onePass;

    ReportManagement(ReportQueries queries, DataSource dataSource) {
        this.queries = queries;
        this.onePass = Databases.isPostgres(dataSource);
    }

    /** Read-only and in one snapshot, so the series, totals and tables agree with each other. */
    @Transactional(readOnly = true)
    public Summary summary(UUID entityId, ReportRequest request) {
        List<Bucket> buckets = Bucket.of(request);
        ReportQueries.CreatedPass created = queries.created(entityId, buckets, onePass);
        ReportQueries.ResolvedPass resolved = queries.resolved(entityId, buckets, onePass);
        List<Summary.Point> series = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            ReportQueries.CreatedRow c = created.perBucket().getOrDefault(i, new ReportQueries.CreatedRow(0, null, null));
            ReportQueries.ResolvedRow r = resolved.perBucket().getOrDefault(i, new ReportQueries.ResolvedRow(0, null));
            series.add(new Summary.Point(buckets.get(i).start(), c.created(), r.resolved(), c.firstResponseMedian(),
                    c.firstResponseP90(), r.resolutionMedian()));
        }
        Summary.Totals totals = new Summary.Totals(created.total().created(), resolved.total().resolved(),
                created.total().firstResponseMedian(), created.total().firstResponseP90(),
                resolved.total().resolutionMedian(), created.sla().met(), created.sla().breached());
        return new Summary(request.from(), request.to(), request.interval().wire(), request.timezoneName(), series,
                totals, byAssignee(created.perAssignee(), resolved.perAssignee()),
                byCategory(entityId, created.perCategory(), resolved.perCategory()));
    }

    private List<Summary.ByAssignee> byAssignee(Map<UUID, ReportQueries.CreatedRow> created, Map<UUID, Long> resolved) {
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

    private List<Summary.ByCategory> byCategory(UUID entityId, Map<UUID, Long> created, Map<UUID, Long> resolved) {
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
