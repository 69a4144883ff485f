package org.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema and the SQL stay ready to be distributed by tenant (Citus, docs/scale-out.md): the migrations are
 * applied to an empty in-memory database and its catalogue is checked; the SQL in src/main is read from the
 * string literals of the Java sources.
 */
class ShardingReadinessTest {
    /** Tables that are not owned by one tenant, and why. Everything else must carry entity_id. */
    private static final Map<String, String> GLOBAL_TABLES = Map.ofEntries(
            Map.entry("users", "a person may belong to many entities (reference table)"),
            Map.entry("entities", "the tenants themselves: distributed by id, which is every tenant table's entity_id"),
            Map.entry("api_key_secrets", "finds a key's entity before the entity is known (reference table)"),
            Map.entry("spring_session", "browser sessions belong to a person, not an entity"),
            Map.entry("spring_session_attributes", "browser sessions belong to a person, not an entity"),
            Map.entry("flyway_schema_history", "Flyway's own bookkeeping"),
            Map.entry("event_publication", "Spring Modulith's outbox, one per node group, not tenant data"),
            Map.entry("event_publication_archive", "Spring Modulith's outbox archive"),
            Map.entry("rate_limit_buckets", "per API key counters, keyed by key id (PostgreSQL only)"),
            Map.entry("mailboxes", "a few rows per entity whose support address is unique across the installation (API §6),"
                    + " and the poller's schedule across tenants: a reference table"));

    /** Statements that read or write tenant tables across tenants by design, and why that is fine sharded. */
    private static final Map<String, String> CROSS_TENANT_STATEMENTS = Map.of(
            "from memberships m join entities e on e.id = m.entity_id",
            "the entities of one user, at sign-in and /api/me: a multi-shard read by user_id",
            "delete from idempotency_keys where created_at < :before",
            "the sweep of expired idempotency keys of all tenants: a multi-shard delete",
            "from mail_deliveries where status = 'pending'",
            "the mail sender's scan for due deliveries of all tenants: a multi-shard read, then per-entity writes",
            "from webhooks w where w.enabled = true",
            "the webhook dispatcher's scan for webhooks with due deliveries (joined on entity_id): a multi-shard read",
            "from webhook_events where created_at < :before",
            "the 30-day clean-up of webhook events of all tenants: a multi-shard read, then per-entity deletes",
            "from tickets where sla_breach_check_at <= :now",
            "the SLA breach sweep: a multi-shard range read of the due-time index, then per-entity writes",
            "select id from entities",
            "the contact backfill and the merge-record sweep walk the tenants' ids, then work per entity",
            "from attachments where ticket_id is null and created_at < :before",
            "the sweep of uploads never attached, of all tenants: a bounded multi-shard read, then per-entity deletes",
            "from suspended_mails where expires_at < :now",
            "the purge of expired suspended mail of all tenants: a bounded multi-shard read, then per-entity deletes");

    private static final Pattern TABLE_REF = Pattern.compile("\\b(from|join|update|into)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_BOUND = Pattern.compile("\\bentity_id\\s*(=\\s*[:?]|in\\s*\\(\\s*[:?])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT_BOUND = Pattern.compile("\\bid\\s*=\\s*[:?]", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_COLUMNS = Pattern.compile("insert\\s+into\\s+([a-z_0-9]+)\\s*\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN_ON = Pattern.compile(
            "\\bjoin\\s+([a-z_0-9]+)\\s+(?:as\\s+)?[a-z_0-9]*\\s*on\\s+(.*?)(?=\\bjoin\\b|\\bwhere\\b|\\border\\b|\\bgroup\\b|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static Map<String, Table> tables;

    record ForeignKey(String name, String referencedTable, Map<String, String> columns) {
    }

    record Table(String name, List<String> columns, List<String> primaryKey, Map<String, List<String>> uniqueIndexes,
                 List<ForeignKey> foreignKeys) {
        boolean tenantOwned() {
            return !GLOBAL_TABLES.containsKey(name);
        }
    }

    @BeforeAll
    static void migrateAnEmptyDatabase() throws SQLException {
        String url = "jdbc:h2:mem:sharding-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    tables.put(name, read(meta, name));
                }
            }
        }
    }

    private static Table read(DatabaseMetaData meta, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, "public", table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        Map<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, "public", table)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Map<String, Map<Integer, String>> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, "public", table, true, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    unique.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        Map<String, ForeignKey> fks = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, "public", table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                fks.computeIfAbsent(name, n -> {
                    try {
                        return new ForeignKey(n, rs.getString("PKTABLE_NAME"), new LinkedHashMap<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).columns().put(rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"));
            }
        }
        Map<String, List<String>> uniqueIndexes = new TreeMap<>();
        unique.forEach((name, cols) -> uniqueIndexes.put(name, List.copyOf(cols.values())));
        return new Table(table, columns, List.copyOf(pk.values()), uniqueIndexes, List.copyOf(fks.values()));
    }

    @Test
    void theMigrationsCreateTheTablesThisCheckKnows() {
        assertThat(tables).containsKeys("tickets", "messages", "memberships", "api_keys", "users", "entities");
    }

    @Test
    void everyTenantOwnedTableHasEntityIdFirstInItsPrimaryKey() {
        List<String> problems = new ArrayList<>();
        tables.values().stream().filter(Table::tenantOwned).forEach(t -> {
            if (!t.columns().contains("entity_id")) {
                problems.add(t.name() + " has no entity_id (or add it to GLOBAL_TABLES with a reason)");
            } else if (t.primaryKey().isEmpty() || !t.primaryKey().getFirst().equals("entity_id")) {
                problems.add(t.name() + " primary key " + t.primaryKey() + " does not start with entity_id");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUniqueConstraintOfATenantTableStartsWithEntityId() {
        List<String> problems = new ArrayList<>();
        tables.values().stream().filter(Table::tenantOwned).forEach(t -> t.uniqueIndexes().forEach((name, cols) -> {
            if (!cols.getFirst().equals("entity_id")) {
                problems.add(t.name() + "." + name + " " + cols + " does not start with entity_id");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void foreignKeysBetweenTenantTablesIncludeEntityId() {
        List<String> problems = new ArrayList<>();
        tables.values().stream().filter(Table::tenantOwned).forEach(t -> t.foreignKeys().forEach(fk -> {
            Table target = tables.get(fk.referencedTable());
            boolean toTenantTable = target != null && target.tenantOwned();
            boolean toRoot = fk.referencedTable().equals("entities");
            if (toTenantTable && !"entity_id".equals(fk.columns().get("entity_id"))) {
                problems.add(t.name() + "." + fk.name() + " " + fk.columns() + " -> " + fk.referencedTable()
                        + " does not join on entity_id");
            }
            if (toRoot && !"id".equals(fk.columns().get("entity_id"))) {
                problems.add(t.name() + "." + fk.name() + " references entities by " + fk.columns());
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void noStatementReadsOrWritesTenantTablesWithoutAnEntityCondition() throws IOException {
        Set<String> tenantTables = new TreeSet<>();
        tables.values().stream().filter(Table::tenantOwned).forEach(t -> tenantTables.add(t.name()));
        List<String> problems = new ArrayList<>();
        Set<String> allowancesUsed = new TreeSet<>();
        for (Statement s : statementsInMainSources()) {
            String sql = s.sql().replaceAll("\\s+", " ").trim();
            String lower = sql.toLowerCase(Locale.ROOT);
            String allowance = CROSS_TENANT_STATEMENTS.keySet().stream().filter(lower::contains).findFirst().orElse(null);
            if (allowance != null) {
                allowancesUsed.add(allowance);
                continue;
            }
            Matcher refs = TABLE_REF.matcher(lower);
            while (refs.find()) {
                String table = refs.group(2);
                String problem = null;
                if (refs.group(1).equals("into")) {
                    Matcher insert = INSERT_COLUMNS.matcher(lower);
                    if (tenantTables.contains(table) && !(insert.find() && insert.group(2).contains("entity_id"))) {
                        problem = "inserts into " + table + " without entity_id";
                    }
                } else if (tenantTables.contains(table) && !ENTITY_BOUND.matcher(lower).find()
                        && !(lower.endsWith(" where") && s.whereBuilderBindsEntity())) {
                    problem = "reads or changes " + table + " without an entity_id = :param condition";
                } else if (table.equals("entities") && !ROOT_BOUND.matcher(lower).find()
                        && !ENTITY_BOUND.matcher(lower).find()) {
                    problem = "reads or changes entities without an id = :param condition";
                }
                if (problem != null) {
                    problems.add(s.file() + ": " + problem + ": " + sql);
                }
            }
            Matcher joins = JOIN_ON.matcher(lower);
            while (joins.find()) {
                if (tenantTables.contains(joins.group(1)) && !joins.group(2).contains("entity_id")) {
                    problems.add(s.file() + ": joins " + joins.group(1) + " without entity_id: " + sql);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(allowancesUsed).as("every allowed cross-tenant statement still exists")
                .containsExactlyInAnyOrderElementsOf(CROSS_TENANT_STATEMENTS.keySet());
    }

    /** The catalogue checks run on the H2 schema; a table only the PostgreSQL migrations create must be known. */
    @Test
    void tablesOfPostgresOnlyMigrationsAreCheckedOrGlobal() throws IOException {
        Pattern create = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)",
                Pattern.CASE_INSENSITIVE);
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/postgresql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    if (!tables.containsKey(table) && !GLOBAL_TABLES.containsKey(table)) {
                        unknown.add(file.getFileName() + ": " + table);
                    }
                }
            }
        }
        assertThat(unknown).as("create them in db/migration/common (or h2 too), or list them as global").isEmpty();
    }

    @Test
    void theStatementScanFindsTheKnownStatements() throws IOException {
        List<Statement> statements = statementsInMainSources();
        assertThat(statements).anySatisfy(s -> assertThat(s.sql()).contains("insert into tickets"));
        assertThat(statements).anySatisfy(s -> assertThat(s.sql()).contains("from messages"));
        assertThat(statements.size()).isGreaterThan(40);
    }

    /**
     * A SQL literal, and whether its class assembles a WHERE clause that starts with an entity condition
     * ({@code "entity_id = :entityId"} as a literal of its own): statements ending in "where" take theirs from it.
     */
    record Statement(String file, String sql, boolean whereBuilderBindsEntity) {
    }

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\s*\\n(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SQL_WORD = Pattern.compile("\\b(select|insert|update|delete|from|join)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Every string literal of src/main/java that looks like SQL (text blocks and one-line strings). */
    static List<Statement> statementsInMainSources() throws IOException {
        List<Statement> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                boolean whereBuilder = Pattern.compile("\"entity_id = :[a-zA-Z]+\"").matcher(source).find();
                String rest = source;
                Matcher blocks = TEXT_BLOCK.matcher(source);
                while (blocks.find()) {
                    if (SQL_WORD.matcher(blocks.group(1)).find()) {
                        found.add(new Statement(file.getFileName().toString(), blocks.group(1), whereBuilder));
                    }
                }
                rest = TEXT_BLOCK.matcher(rest).replaceAll("\"\"");
                Matcher strings = STRING.matcher(rest);
                while (strings.find()) {
                    String s = strings.group(1);
                    if (TABLE_REF.matcher(s).find() && s.toLowerCase(Locale.ROOT).matches(
                            ".*\\b(select|insert into|update|delete from|from)\\b.*")) {
                        found.add(new Statement(file.getFileName().toString(), s, whereBuilder));
                    }
                }
            }
        }
        return found;
    }
}
