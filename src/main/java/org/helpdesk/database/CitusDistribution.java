package org.helpdesk.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code helpdesk.citus.distribute=true} (HELPDESK_CITUS_DISTRIBUTE), after every Flyway migrate on a Citus
 * coordinator: the tenant tables (every table with an {@code entity_id} column) become distributed tables colocated
 * with {@code entities} by entity id, the global tables of {@link #REFERENCE_TABLES} reference tables, and the rest
 * (sessions, rate limits, the outbox, Flyway's history) stays local on the coordinator (docs/scale-out.md).
 * Idempotent: tables Citus already knows are left alone, so it runs on every start and after every new migration,
 * and the migrations themselves stay plain PostgreSQL.
 */
@Component
@ConditionalOnBooleanProperty("helpdesk.citus.distribute")
class CitusDistribution implements Callback {
    private static final Logger log = LoggerFactory.getLogger(CitusDistribution.class);

    /** Global tables read on every request or unique across the installation: a copy on every node. */
    static final List<String> REFERENCE_TABLES = List.of("users", "mailboxes", "api_key_secrets");

    private static final long LOCK = 0x6865_6c70_6369_7475L; // "helpcitu"

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "citus-distribution";
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            distribute(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Citus distribution failed: " + e.getMessage(), e);
        }
    }

    static void distribute(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                || !exists(c, "select 1 from pg_extension where extname = 'citus'")) {
            // H2, or a plain PostgreSQL database (e.g. a copy target beside the cluster): nothing to distribute
            log.warn("HELPDESK_CITUS_DISTRIBUTE is on, but the database has no citus extension: tables stay local");
            return;
        }
        // nodes starting at once: Flyway's lock is released before afterMigrate, so the step takes one of its own,
        // held until the distribution commits (a transaction's lock when Flyway runs the callback in one)
        if (!c.getAutoCommit()) {
            execute(c, "select pg_advisory_xact_lock(" + LOCK + ")");
            distribute(c, single(c, "select current_schema()"));
            return;
        }
        execute(c, "select pg_advisory_lock(" + LOCK + ")");
        try {
            distribute(c, single(c, "select current_schema()"));
        } finally {
            execute(c, "select pg_advisory_unlock(" + LOCK + ")");
        }
    }

    private static void distribute(Connection c, String schema) throws SQLException {
        Set<String> known = strings(c, """
                select c.relname from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
                join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?""", schema);
        Set<String> tenantTables = strings(c, """
                select t.table_name from information_schema.tables t
                join information_schema.columns col on col.table_schema = t.table_schema and col.table_name = t.table_name
                where t.table_schema = ? and t.table_type = 'BASE TABLE' and col.column_name = 'entity_id'""", schema);
        REFERENCE_TABLES.forEach(tenantTables::remove);
        Set<String> referenceTables = new LinkedHashSet<>(REFERENCE_TABLES);
        referenceTables.retainAll(strings(c, "select table_name from information_schema.tables where table_schema = ?",
                schema));

        // Citus has no foreign key from a reference table to a distributed one (mailboxes.entity_id -> entities):
        // such a key is dropped; the app writes a mailbox only for an entity it has just read.
        for (String table : referenceTables) {
            if (known.contains(table)) {
                continue;
            }
            for (String[] fk : foreignKeys(c, schema, table)) {
                if (fk[1].equals("entities") || tenantTables.contains(fk[1])) {
                    log.info("Citus: dropping foreign key {} of reference table {} (to distributed {})", fk[0], table, fk[1]);
                    execute(c, "alter table " + name(schema, table) + " drop constraint " + quote(fk[0]));
                }
            }
        }
        for (String table : referenceTables) {
            if (known.add(table)) {
                log.info("Citus: create_reference_table({})", table);
                call(c, "select create_reference_table(?::regclass)", name(schema, table));
            }
        }
        List<String> toDistribute = new ArrayList<>();
        if (!known.contains("entities")) {
            toDistribute.add("entities");
        }
        tenantTables.stream().filter(t -> !known.contains(t) && !t.equals("entities")).forEach(toDistribute::add);
        if (toDistribute.isEmpty()) {
            return;
        }
        // Citus distributes a table only when no local table references it and it references no local table: the
        // foreign keys among the tables to distribute are dropped, the tables distributed, and the keys added back
        // (Citus then creates them shard by shard, which colocation by entity_id allows).
        // the conversation-words triggers (V117) update the same entity's ticket row, a colocated shard: Citus
        // calls such triggers "unsafe" only because it cannot check that they stay on one tenant's shards
        execute(c, "select set_config('citus.enable_unsafe_triggers', 'on', " + !c.getAutoCommit() + ")");
        Set<String> distributed = new LinkedHashSet<>(toDistribute);
        List<String[]> dropped = new ArrayList<>();
        for (String table : toDistribute) {
            for (String[] fk : foreignKeys(c, schema, table)) {
                if (distributed.contains(fk[1])) {
                    dropped.add(new String[] {table, fk[0], fk[2]});
                    execute(c, "alter table " + name(schema, table) + " drop constraint " + quote(fk[0]));
                }
            }
        }
        for (String table : toDistribute) {
            if (table.equals("entities")) {
                log.info("Citus: create_distributed_table(entities, id)");
                call(c, "select create_distributed_table(?::regclass, 'id')", name(schema, "entities"));
            } else {
                log.info("Citus: create_distributed_table({}, entity_id, colocate_with => entities)", table);
                call(c, "select create_distributed_table(?::regclass, 'entity_id', colocate_with => ?)", name(schema, table),
                        name(schema, "entities"));
            }
        }
        for (String[] fk : dropped) {
            execute(c, "alter table " + name(schema, fk[0]) + " add constraint " + quote(fk[1]) + " " + fk[2]);
        }
        // the app's own SQL functions (not the extensions'): a statement pushed down to a shard may call them
        // (Tickets.moveMessages: helpdesk_conversation_words), so they must exist on every worker
        for (String function : strings(c, """
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? and p.prokind in ('f', 'a')
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                                  and d.deptype = 'e')
                  and not exists (select 1 from pg_dist_object o where o.classid = 'pg_proc'::regclass
                                  and o.objid = p.oid)""", schema)) {
            log.info("Citus: create_distributed_function({})", function);
            call(c, "select create_distributed_function(?)", function);
        }
    }

    /** (constraint name, referenced table, definition) of a table's foreign keys. */
    private static List<String[]> foreignKeys(Connection c, String schema, String table) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select con.conname, ref.relname, pg_get_constraintdef(con.oid) from pg_constraint con
                join pg_class rel on rel.oid = con.conrelid join pg_namespace n on n.oid = rel.relnamespace
                join pg_class ref on ref.oid = con.confrelid
                where con.contype = 'f' and n.nspname = ? and rel.relname = ? order by con.conname""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return keys;
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Set<String> strings(Connection c, String sql, String parameter) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static void call(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    private static String name(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
