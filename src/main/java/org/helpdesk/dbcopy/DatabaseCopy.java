package org.helpdesk.dbcopy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Copies every table of a Helpdesk H2 database into a PostgreSQL database of the same schema version, in one
 * transaction: parents before children (foreign-key order, read from the target's catalogue), then the
 * sequences, then the row counts of both sides compared; any difference rolls everything back.
 *
 * <p>It knows no table by name (except the Spring Session pair, which {@code copySessions=false} leaves out):
 * whatever the migrations created is copied, so tables added by later migrations need no change here. Values
 * go through JDBC as the source driver returns them (UUID, OffsetDateTime, byte[], ...), which pgjdbc binds to
 * the same column types.
 */
final class DatabaseCopy {
    static final String SCHEMA_HISTORY = "flyway_schema_history";
    static final Set<String> SESSION_TABLES = Set.of("spring_session", "spring_session_attributes");
    private static final int BATCH = 500;

    /** One table's outcome: rows read from the source and counted in the target after the copy. */
    record TableCount(String table, long source, long target) {
    }

    /** Why a copy did not happen; the message tells the operator what to do. */
    static final class CopyRefused extends RuntimeException {
        CopyRefused(String message) {
            super(message);
        }
    }

    private final Connection source;
    private final Connection target;
    private final boolean copySessions;
    private final Consumer<String> progress;

    DatabaseCopy(Connection source, Connection target, boolean copySessions, Consumer<String> progress) {
        this.source = source;
        this.target = target;
        this.copySessions = copySessions;
        this.progress = progress;
    }

    /** Tables of the target's schema (besides Flyway's history) that hold at least one row, with their counts. */
    static Map<String, Long> nonEmptyTables(Connection target) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables(target)) {
            if (!table.equals(SCHEMA_HISTORY)) {
                long n = count(target, table);
                if (n > 0) {
                    rows.put(table, n);
                }
            }
        }
        return rows;
    }

    List<TableCount> run() throws SQLException {
        Set<String> sourceTables = tables(source);
        Set<String> targetTables = tables(target);
        sourceTables.remove(SCHEMA_HISTORY);
        if (!copySessions) {
            sourceTables.removeAll(SESSION_TABLES);
        }
        for (String table : sourceTables) {
            if (!targetTables.contains(table) && count(source, table) > 0) {
                throw new CopyRefused("table " + table + " has rows on H2 but does not exist in PostgreSQL;"
                        + " both databases must be at the same schema version");
            }
        }
        sourceTables.retainAll(targetTables);
        List<String> order = foreignKeyOrder(sourceTables);

        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            List<TableCount> counts = new ArrayList<>();
            for (String table : order) {
                long read = copyTable(table);
                progress.accept(String.format(Locale.ROOT, "copied %-28s %,d rows", table, read));
                counts.add(new TableCount(table, read, 0));
            }
            copySequences();
            List<TableCount> verified = new ArrayList<>();
            for (TableCount c : counts) {
                long inSource = count(source, c.table());
                long inTarget = count(target, c.table());
                verified.add(new TableCount(c.table(), inSource, inTarget));
                if (inSource != inTarget || c.source() != inSource) {
                    throw new CopyRefused("row counts differ for " + c.table() + ": H2 " + inSource
                            + ", PostgreSQL " + inTarget + "; nothing was copied (was the H2 database in use?)");
                }
            }
            target.commit();
            return verified;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    private long copyTable(String table) throws SQLException {
        Map<String, String> targetColumns = columns(target, table);
        Set<String> sourceColumns = columns(source, table).keySet();
        for (String column : sourceColumns) {
            if (!targetColumns.containsKey(column)) {
                throw new CopyRefused("column " + table + "." + column + " exists on H2 but not in PostgreSQL;"
                        + " both databases must be at the same schema version");
            }
        }
        // columns only the target has keep their defaults
        List<String> copied = targetColumns.keySet().stream().filter(sourceColumns::contains).toList();
        List<String> types = copied.stream().map(targetColumns::get).toList();
        String columnList = String.join(", ", copied.stream().map(DatabaseCopy::quote).toList());
        String select = "select " + columnList + " from " + quote(table);
        // OVERRIDING SYSTEM VALUE: identity columns (GENERATED ALWAYS) take the copied ids as they are
        String insert = "insert into " + quote(table) + " (" + columnList + ") overriding system value values ("
                + String.join(", ", copied.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        try (Statement read = source.createStatement();
             PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery(select)) {
                while (rs.next()) {
                    for (int i = 0; i < copied.size(); i++) {
                        bind(write, i + 1, rs.getObject(i + 1), types.get(i));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    private static void bind(PreparedStatement write, int index, Object value, String targetType) throws SQLException {
        if (value == null) {
            write.setObject(index, null);
        } else if (targetType.equals("json") || targetType.equals("jsonb")) {
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
            write.setObject(index, text, Types.OTHER);
        } else {
            write.setObject(index, value);
        }
    }

    /**
     * Sequences: those behind identity/serial columns continue after the highest copied value; named sequences
     * that exist on both sides continue where H2's stopped.
     */
    private void copySequences() throws SQLException {
        try (Statement st = target.createStatement();
             ResultSet rs = st.executeQuery("""
                     select table_name, column_name from information_schema.columns
                     where table_schema = current_schema()
                       and (is_identity = 'YES' or column_default like 'nextval(%')""")) {
            List<String[]> owned = new ArrayList<>();
            while (rs.next()) {
                owned.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] tc : owned) {
                String sql = "select setval(pg_get_serial_sequence(?, ?), max(" + quote(tc[1]) + ")) from "
                        + quote(tc[0]) + " having max(" + quote(tc[1]) + ") is not null";
                try (PreparedStatement ps = target.prepareStatement(sql)) {
                    ps.setString(1, quote(tc[0]));
                    ps.setString(2, tc[1]);
                    ps.execute();
                }
            }
        }
        Map<String, Long> next = new TreeMap<>();
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("""
                     select sequence_name, base_value from information_schema.sequences
                     where sequence_schema = current_schema()""")) {
            while (rs.next()) {
                next.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        try (Statement st = target.createStatement();
             ResultSet rs = st.executeQuery(
                     "select sequence_name from information_schema.sequences where sequence_schema = current_schema()")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                Long value = next.get(name);
                if (value != null) {
                    try (PreparedStatement ps = target.prepareStatement("select setval(?, ?, false)")) {
                        ps.setString(1, quote(name));
                        ps.setLong(2, value);
                        ps.execute();
                    }
                }
            }
        }
    }

    /** Parents first, by the target's foreign keys; ties alphabetical so every run copies in the same order. */
    private List<String> foreignKeyOrder(Collection<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData meta = target.getMetaData();
        String schema = target.getSchema();
        for (String table : new TreeSet<>(tables)) {
            Set<String> refs = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table) && tables.contains(parent)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(table, refs);
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !placed.contains(e.getKey()) && placed.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new CopyRefused("foreign keys form a cycle among "
                            + parents.keySet().stream().filter(t -> !placed.contains(t)).toList()));
            placed.add(next);
            order.add(next);
        }
        return order;
    }

    /** Base tables of the connection's current schema, lower-cased (H2 runs with DATABASE_TO_LOWER). */
    static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     select table_name from information_schema.tables
                     where table_schema = current_schema() and table_type = 'BASE TABLE'""")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Column name -> lower-case type name, in table order. */
    private static Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select column_name, data_type from information_schema.columns
                where table_schema = current_schema() and lower(table_name) = ?
                order by ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Names come from the databases' own catalogues, never from input; quoting keeps reserved words safe. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
