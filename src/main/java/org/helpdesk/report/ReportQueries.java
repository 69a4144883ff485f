package org.helpdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report's SQL. It only reads: tickets (the ticket module's table), and the names of users and categories.
 * Counting and the percentiles run in the database (ordered-set {@code percentile_disc}, which is the nearest-rank
 * method), so a 90-day report over a large entity moves a few hundred numbers, not its tickets. The buckets are a
 * {@code VALUES} list joined by range, so each bucket is an index range scan on {@code (entity_id, created_at)} or
 * {@code (entity_id, resolved_at)}, on H2 and PostgreSQL alike.
 */
@Repository
class ReportQueries {
    // seconds between two timestamps, the same expression on both databases
    private static final String FIRST_RESPONSE =
            "(extract(epoch from t.first_response_at) - extract(epoch from t.created_at)) / 60.0";
    private static final String RESOLUTION =
            "(extract(epoch from t.resolved_at) - extract(epoch from t.created_at)) / 60.0";

    // PostgreSQL's one-pass statements: the same minutes as double precision, which sort several times faster than
    // numeric; whole seconds stay exact, and the answer is rounded to a tenth of a minute either way
    private static final String FIRST_RESPONSE_PG = "date_part('epoch', t.first_response_at - t.created_at) / 60";
    private static final String RESOLUTION_PG = "date_part('epoch', t.resolved_at - t.created_at) / 60";

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the tickets created in the range give: per bucket, in total, per assignee and per category. */
    record CreatedPass(Map<Integer, CreatedRow> perBucket, CreatedRow total, SlaRow sla,
                       Map<UUID, CreatedRow> perAssignee, Map<UUID, Long> perCategory) {
    }

    /** What the tickets resolved in the range give. */
    record ResolvedPass(Map<Integer, ResolvedRow> perBucket, ResolvedRow total, Map<UUID, Long> perAssignee,
                        Map<UUID, Long> perCategory) {
    }

    /**
     * PostgreSQL: every figure of the created side in one pass over the range ({@code GROUPING SETS}), the bucket
     * found by {@code width_bucket} over the buckets' starts, so a 90-day report reads each ticket once (from the
     * covering index, V116) instead of once per figure. H2 has no grouping sets: it runs one statement per figure.
     */
    CreatedPass created(UUID entityId, List<Bucket> buckets, boolean onePass) {
        Instant from = buckets.getFirst().from();
        Instant until = buckets.getLast().until();
        if (!onePass) {
            return new CreatedPass(createdPerBucket(entityId, buckets), createdTotal(entityId, from, until),
                    firstResponseSla(entityId, from, until), createdByAssignee(entityId, from, until),
                    createdByCategory(entityId, from, until));
        }
        Grouped<CreatedFacts> pass = grouped("""
                        select grouping(x.b) as gb, grouping(x.a) as ga, grouping(x.c) as gc, x.b, x.a, x.c,
                               count(*) as created,
                               percentile_disc(0.5) within group (order by x.fr) as fr_median,
                               percentile_disc(0.9) within group (order by x.fr) as fr_p90,
                               count(x.met) as met, count(x.breached) as breached
                        from (select width_bucket(t.created_at, (select cast(:starts as timestamp with time zone[]))) as b,
                                     t.assigned_to as a, t.category_id as c, %1$s as fr,
                                     case when t.sla_first_response_breached_at is null
                                           and t.first_response_at <= t.sla_first_response_due_at then 1 end as met,
                                     t.sla_first_response_breached_at as breached
                              from tickets t
                              where t.entity_id = :entityId and t.created_at >= :from and t.created_at < :until) x
                        group by grouping sets ((x.b), (x.a), (x.c), ())
                        """.formatted(FIRST_RESPONSE_PG), entityId, buckets,
                rs -> new CreatedFacts(new CreatedRow(rs.getLong("created"), minutes(rs, "fr_median"),
                        minutes(rs, "fr_p90")), new SlaRow(rs.getLong("met"), rs.getLong("breached"))));
        Map<UUID, CreatedRow> perAssignee = new LinkedHashMap<>();
        pass.perAssignee().forEach((a, f) -> perAssignee.put(a,
                new CreatedRow(f.row().created(), f.row().firstResponseMedian(), null)));
        Map<UUID, Long> perCategory = new LinkedHashMap<>();
        pass.perCategory().forEach((c, f) -> perCategory.put(c, f.row().created()));
        Map<Integer, CreatedRow> perBucket = new HashMap<>();
        pass.perBucket().forEach((i, f) -> perBucket.put(i, f.row()));
        CreatedFacts total = pass.total() == null
                ? new CreatedFacts(new CreatedRow(0, null, null), new SlaRow(0, 0)) : pass.total();
        return new CreatedPass(perBucket, total.row(), total.sla(), perAssignee, perCategory);
    }

    private record CreatedFacts(CreatedRow row, SlaRow sla) {
    }

    /** The resolved side, in one pass on PostgreSQL as {@link #created}. */
    ResolvedPass resolved(UUID entityId, List<Bucket> buckets, boolean onePass) {
        Instant from = buckets.getFirst().from();
        Instant until = buckets.getLast().until();
        if (!onePass) {
            return new ResolvedPass(resolvedPerBucket(entityId, buckets), resolvedTotal(entityId, from, until),
                    resolvedByAssignee(entityId, from, until), resolvedByCategory(entityId, from, until));
        }
        Grouped<ResolvedRow> pass = grouped("""
                        select grouping(x.b) as gb, grouping(x.a) as ga, grouping(x.c) as gc, x.b, x.a, x.c,
                               count(*) as resolved,
                               percentile_disc(0.5) within group (order by x.res) as res_median
                        from (select width_bucket(t.resolved_at, (select cast(:starts as timestamp with time zone[]))) as b,
                                     t.assigned_to as a, t.category_id as c, %1$s as res
                              from tickets t
                              where t.entity_id = :entityId and t.resolved_at >= :from and t.resolved_at < :until) x
                        group by grouping sets ((x.b), (x.a), (x.c), ())
                        """.formatted(RESOLUTION_PG), entityId, buckets,
                rs -> new ResolvedRow(rs.getLong("resolved"), minutes(rs, "res_median")));
        Map<UUID, Long> perAssignee = new LinkedHashMap<>();
        pass.perAssignee().forEach((a, r) -> perAssignee.put(a, r.resolved()));
        Map<UUID, Long> perCategory = new LinkedHashMap<>();
        pass.perCategory().forEach((c, r) -> perCategory.put(c, r.resolved()));
        return new ResolvedPass(pass.perBucket(), pass.total() == null ? new ResolvedRow(0, null) : pass.total(),
                perAssignee, perCategory);
    }

    /** The rows of a one-pass statement by the grouping set they belong to; {@code total} is null for no tickets. */
    private record Grouped<R>(Map<Integer, R> perBucket, Map<UUID, R> perAssignee, Map<UUID, R> perCategory, R total) {
    }

    private interface Facts<R> {
        R read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a statement grouped by {@code grouping sets ((b), (a), (c), ())} — bucket number (1-based, from
     * {@code :starts}), assignee, category, all — over {@code :entityId} and the range {@code [:from, :until)}.
     */
    private <R> Grouped<R> grouped(String sql, UUID entityId, List<Bucket> buckets, Facts<R> facts) {
        sortInMemory();
        Grouped<R> grouped = new Grouped<>(new HashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), null);
        List<R> total = new ArrayList<>(1);
        jdbc.sql(sql)
                .param("entityId", entityId).param("from", Times.sql(buckets.getFirst().from()))
                .param("until", Times.sql(buckets.getLast().until())).param("starts", starts(buckets))
                .query((rs, n) -> {
                    R row = facts.read(rs);
                    if (rs.getInt("gb") == 0) {
                        grouped.perBucket().put(rs.getInt("b") - 1, row);
                    } else if (rs.getInt("ga") == 0) {
                        grouped.perAssignee().put(rs.getObject("a", UUID.class), row);
                    } else if (rs.getInt("gc") == 0) {
                        grouped.perCategory().put(rs.getObject("c", UUID.class), row);
                    } else {
                        total.add(row);
                    }
                    return row;
                })
                .list();
        return new Grouped<>(grouped.perBucket(), grouped.perAssignee(), grouped.perCategory(),
                total.isEmpty() ? null : total.get(0));
    }

    /**
     * For the rest of the report's (read-only) transaction: its sorts in memory rather than on disk (a 90-day range
     * of a large entity needs some tens of MB), and no JIT compilation, which costs more than it saves here.
     */
    private void sortInMemory() {
        jdbc.sql("select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)").query().listOfRows();
    }

    /** The buckets' first instants as a PostgreSQL array literal, for {@code width_bucket} (bucket i is i + 1). */
    private static String starts(List<Bucket> buckets) {
        StringBuilder array = new StringBuilder("{");
        for (Bucket bucket : buckets) {
            array.append(array.length() == 1 ? "" : ",").append(bucket.from());
        }
        return array.append('}').toString();
    }

    /** Per bucket: tickets created, with first-response median and 90th percentile. */
    record CreatedRow(long created, Double firstResponseMedian, Double firstResponseP90) {
    }

    /** Per bucket: tickets resolved, with the resolution median. */
    record ResolvedRow(long resolved, Double resolutionMedian) {
    }

    Map<Integer, CreatedRow> createdPerBucket(UUID entityId, List<Bucket> buckets) {
        Map<String, Object> params = bucketParams(entityId, buckets);
        Map<Integer, CreatedRow> rows = new HashMap<>();
        jdbc.sql("""
                        select b.i, count(t.id) as created,
                               percentile_disc(0.5) within group (order by %1$s) as fr_median,
                               percentile_disc(0.9) within group (order by %1$s) as fr_p90
                        from (values %2$s) as b(i, s, e)
                        join tickets t on t.entity_id = :entityId and t.created_at >= b.s and t.created_at < b.e
                        group by b.i
                        """.formatted(FIRST_RESPONSE, values(buckets)))
                .params(params)
                .query((rs, n) -> rows.put(rs.getInt("i"), new CreatedRow(rs.getLong("created"),
                        minutes(rs, "fr_median"), minutes(rs, "fr_p90"))))
                .list();
        return rows;
    }

    Map<Integer, ResolvedRow> resolvedPerBucket(UUID entityId, List<Bucket> buckets) {
        Map<String, Object> params = bucketParams(entityId, buckets);
        Map<Integer, ResolvedRow> rows = new HashMap<>();
        jdbc.sql("""
                        select b.i, count(t.id) as resolved,
                               percentile_disc(0.5) within group (order by %1$s) as res_median
                        from (values %2$s) as b(i, s, e)
                        join tickets t on t.entity_id = :entityId and t.resolved_at >= b.s and t.resolved_at < b.e
                        group by b.i
                        """.formatted(RESOLUTION, values(buckets)))
                .params(params)
                .query((rs, n) -> rows.put(rs.getInt("i"),
                        new ResolvedRow(rs.getLong("resolved"), minutes(rs, "res_median"))))
                .list();
        return rows;
    }

    CreatedRow createdTotal(UUID entityId, Instant from, Instant until) {
        return jdbc.sql("""
                        select count(t.id) as created,
                               percentile_disc(0.5) within group (order by %1$s) as fr_median,
                               percentile_disc(0.9) within group (order by %1$s) as fr_p90
                        from tickets t
                        where t.entity_id = :entityId and t.created_at >= :from and t.created_at < :until
                        """.formatted(FIRST_RESPONSE))
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, n) -> new CreatedRow(rs.getLong("created"), minutes(rs, "fr_median"),
                        minutes(rs, "fr_p90")))
                .single();
    }

    ResolvedRow resolvedTotal(UUID entityId, Instant from, Instant until) {
        return jdbc.sql("""
                        select count(t.id) as resolved,
                               percentile_disc(0.5) within group (order by %1$s) as res_median
                        from tickets t
                        where t.entity_id = :entityId and t.resolved_at >= :from and t.resolved_at < :until
                        """.formatted(RESOLUTION))
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, n) -> new ResolvedRow(rs.getLong("resolved"), minutes(rs, "res_median")))
                .single();
    }

    /** Of the tickets created in the range: first responses that met their SLA target, and breaches recorded. */
    record SlaRow(long met, long breached) {
    }

    SlaRow firstResponseSla(UUID entityId, Instant from, Instant until) {
        return jdbc.sql("""
                        select count(case when t.sla_first_response_breached_at is null
                                          and t.first_response_at <= t.sla_first_response_due_at then 1 end) as met,
                               count(t.sla_first_response_breached_at) as breached
                        from tickets t
                        where t.entity_id = :entityId and t.created_at >= :from and t.created_at < :until""")
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, n) -> new SlaRow(rs.getLong("met"), rs.getLong("breached")))
                .single();
    }

    /** Created tickets per current assignee ({@code null} key: unassigned), with the first-response median. */
    Map<UUID, CreatedRow> createdByAssignee(UUID entityId, Instant from, Instant until) {
        Map<UUID, CreatedRow> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.assigned_to, count(t.id) as created,
                               percentile_disc(0.5) within group (order by %1$s) as fr_median
                        from tickets t
                        where t.entity_id = :entityId and t.created_at >= :from and t.created_at < :until
                        group by t.assigned_to
                        """.formatted(FIRST_RESPONSE))
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, n) -> rows.put(rs.getObject("assigned_to", UUID.class),
                        new CreatedRow(rs.getLong("created"), minutes(rs, "fr_median"), null)))
                .list();
        return rows;
    }

    Map<UUID, Long> resolvedByAssignee(UUID entityId, Instant from, Instant until) {
        return grouped("assigned_to", entityId, from, until);
    }

    Map<UUID, Long> createdByCategory(UUID entityId, Instant from, Instant until) {
        Map<UUID, Long> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.category_id, count(t.id) as n from tickets t
                        where t.entity_id = :entityId and t.created_at >= :from and t.created_at < :until
                        group by t.category_id
                        """)
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, i) -> rows.put(rs.getObject("category_id", UUID.class), rs.getLong("n")))
                .list();
        return rows;
    }

    Map<UUID, Long> resolvedByCategory(UUID entityId, Instant from, Instant until) {
        return grouped("category_id", entityId, from, until);
    }

    private Map<UUID, Long> grouped(String column, UUID entityId, Instant from, Instant until) {
        // column is one of two constants above, never input
        Map<UUID, Long> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.%1$s as k, count(t.id) as n from tickets t
                        where t.entity_id = :entityId and t.resolved_at >= :from and t.resolved_at < :until
                        group by t.%1$s
                        """.formatted(column))
                .param("entityId", entityId).param("from", Times.sql(from)).param("until", Times.sql(until))
                .query((rs, i) -> rows.put(rs.getObject("k", UUID.class), rs.getLong("n")))
                .list();
        return rows;
    }

    /** Names of the entity's members (users that left keep their id in the report, with their name if known). */
    Map<UUID, String> userNames(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from users where id in (:ids)").param("ids", ids)
                .query((rs, i) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    Map<UUID, String> categoryNames(UUID entityId) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from categories where entity_id = :entityId").param("entityId", entityId)
                .query((rs, i) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    private static String values(List<Bucket> buckets) {
        List<String> rows = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            rows.add("(" + i + ", cast(:s" + i + " as timestamp with time zone), cast(:e" + i
                    + " as timestamp with time zone))");
        }
        return String.join(", ", rows);
    }

    private static Map<String, Object> bucketParams(UUID entityId, List<Bucket> buckets) {
        Map<String, Object> params = new HashMap<>();
        params.put("entityId", entityId);
        for (int i = 0; i < buckets.size(); i++) {
            params.put("s" + i, Times.sql(buckets.get(i).from()));
            params.put("e" + i, Times.sql(buckets.get(i).until()));
        }
        return params;
    }

    /** Minutes with one decimal (half up), {@code null} when the bucket had no value. */
    private static Double minutes(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
