package org.helpdesk.dbcopy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code helpdesk copy-to-postgres}: moves an installation from the embedded H2 database to PostgreSQL. The H2
 * database must be stopped and at this build's schema version; the PostgreSQL database must be empty (freshly
 * created, or only migrated). The target is migrated with the app's own migrations, then filled in one
 * transaction and verified by row counts, so a failed copy leaves it as empty as it was.
 */
public final class CopyToPostgres {
    /** Exit codes: done, the copy was refused or failed, the command line was wrong. */
    static final int OK = 0, FAILED = 1, USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: helpdesk copy-to-postgres [options]

            Copies a stopped H2 database (the embedded default) into an EMPTY PostgreSQL database: every table,
            ids, ticket numbering counters, API keys (they stay valid), browser sessions (unless --no-sessions).
            The PostgreSQL schema is created by the app's own migrations; the copy runs in one transaction and
            ends with a row count check of every table. A non-empty target is refused.

              --from-data-dir DIR   the H2 data directory (default: $HELPDESK_DATA_DIR, else ./data)
              --from-url URL        or the H2 JDBC URL itself
              --from-user USER      H2 user (default sa; password from $HELPDESK_H2_PASSWORD, default empty)
              --to URL              the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/helpdesk
                                    (default: $HELPDESK_DB_URL when it is a PostgreSQL URL)
              --to-user USER        PostgreSQL user (default: $HELPDESK_DB_USER, else postgres;
                                    password from $HELPDESK_DB_PASSWORD)
              --no-sessions         leave browser sessions behind (everyone signs in again)
              --help                this text

            Stop the server first. Afterwards start it with HELPDESK_DB_URL set to the PostgreSQL URL.
            """;

    private CopyToPostgres() {
    }

    /** Options after {@code copy-to-postgres}; the environment supplies defaults and passwords. */
    record Options(String fromUrl, String fromUser, String fromPassword, String toUrl, String toUser,
                   String toPassword, boolean copySessions) {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            if (Arrays.asList(args).contains("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            options = parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("copy-to-postgres: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            copy(options, out);
            return OK;
        } catch (DatabaseCopy.CopyRefused e) {
            err.println("copy-to-postgres: refused: " + e.getMessage());
            return FAILED;
        } catch (SQLException | RuntimeException e) {
            err.println("copy-to-postgres: failed: " + e.getMessage());
            return FAILED;
        }
    }

    static Options parse(String[] args, Map<String, String> env) {
        String dataDir = env.getOrDefault("HELPDESK_DATA_DIR", "./data");
        String fromUrl = null;
        String fromUser = "sa";
        String toUrl = env.get("HELPDESK_DB_URL");
        if (toUrl != null && !toUrl.startsWith("jdbc:postgresql:")) {
            toUrl = null;
        }
        String toUser = env.getOrDefault("HELPDESK_DB_USER", "postgres");
        boolean sessions = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--from-data-dir" -> dataDir = value(args, ++i, arg);
                case "--from-url" -> fromUrl = value(args, ++i, arg);
                case "--from-user" -> fromUser = value(args, ++i, arg);
                case "--to" -> toUrl = value(args, ++i, arg);
                case "--to-user" -> toUser = value(args, ++i, arg);
                case "--no-sessions" -> sessions = false;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (toUrl == null) {
            throw new IllegalArgumentException("say where to copy to: --to jdbc:postgresql://HOST:5432/DATABASE");
        }
        if (!toUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not " + toUrl);
        }
        if (fromUrl == null) {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            if (!Files.exists(dir.resolve("helpdesk.mv.db"))) {
                throw new IllegalArgumentException("no H2 database at " + dir.resolve("helpdesk.mv.db")
                        + " (give --from-data-dir DIR)");
            }
            // the settings the app opens it with; IFEXISTS: a wrong path must not create an empty database
            fromUrl = "jdbc:h2:file:" + dir.resolve("helpdesk")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        } else if (!fromUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--from-url must be an H2 JDBC URL (jdbc:h2:...), not " + fromUrl);
        }
        return new Options(fromUrl, fromUser, env.getOrDefault("HELPDESK_H2_PASSWORD", ""), toUrl, toUser,
                env.getOrDefault("HELPDESK_DB_PASSWORD", ""), sessions);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static void copy(Options o, PrintStream out) throws SQLException {
        List<String> locations = migrationLocations();
        try (Connection source = openSource(o);
             Connection target = DriverManager.getConnection(o.toUrl(), o.toUser(), o.toPassword())) {
            String sourceVersion = checkSourceIsCurrent(o, locations);
            refuseNonEmpty(target, "");
            MigrateResult migrated = Flyway.configure()
                    .dataSource(o.toUrl(), o.toUser(), o.toPassword())
                    .locations(vendor(locations, "postgresql"))
                    .load().migrate();
            out.printf("PostgreSQL schema at version %s (%d migrations applied now)%n",
                    migrated.targetSchemaVersion, migrated.migrationsExecuted);
            refuseNonEmpty(target, " after its migrations");
            List<DatabaseCopy.TableCount> counts = new DatabaseCopy(source, target, o.copySessions(), out::println).run();
            try (var st = target.createStatement()) {
                st.execute("analyze");   // fresh planner statistics, also where autovacuum is off
            }
            long rows = counts.stream().mapToLong(DatabaseCopy.TableCount::target).sum();
            out.printf(Locale.ROOT, "done: %d tables, %,d rows copied from H2 (schema version %s); row counts"
                    + " verified. Start the server with HELPDESK_DB_URL=%s%n", counts.size(), rows, sourceVersion,
                    o.toUrl());
        }
    }

    private static Connection openSource(Options o) throws SQLException {
        try {
            return DriverManager.getConnection(o.fromUrl(), o.fromUser(), o.fromPassword());
        } catch (SQLException e) {
            // H2 keeps a file lock while the server runs: 90020 "Database may be already in use"
            if (e.getErrorCode() == 90020) {
                throw new DatabaseCopy.CopyRefused("the H2 database is in use: stop the Helpdesk server first");
            }
            throw e;
        }
    }

    /** The H2 database must carry every migration of this build, or the two schemas would differ. */
    private static String checkSourceIsCurrent(Options o, List<String> locations) {
        var info = Flyway.configure()
                .dataSource(o.fromUrl(), o.fromUser(), o.fromPassword())
                .locations(vendor(locations, "h2"))
                .load().info();
        MigrationInfo current = info.current();
        if (current == null) {
            throw new DatabaseCopy.CopyRefused("the H2 database has no Helpdesk schema (no Flyway history)");
        }
        if (info.pending().length > 0) {
            throw new DatabaseCopy.CopyRefused("the H2 database is at schema version " + current.getVersion()
                    + " but this build has newer migrations: start this version of Helpdesk on H2 once (it migrates"
                    + " the schema), stop it, then copy");
        }
        return current.getVersion().toString();
    }

    private static void refuseNonEmpty(Connection target, String when) throws SQLException {
        var tables = DatabaseCopy.tables(target);
        if (!tables.isEmpty() && !tables.contains(DatabaseCopy.SCHEMA_HISTORY)) {
            throw new DatabaseCopy.CopyRefused("the PostgreSQL database has tables " + tables
                    + " but no Helpdesk schema history: copy only into a new database (createdb ...)");
        }
        Map<String, Long> rows = DatabaseCopy.nonEmptyTables(target);
        if (!rows.isEmpty()) {
            throw new DatabaseCopy.CopyRefused("the PostgreSQL database is not empty" + when + " " + rows
                    + ": copy only into a new database (createdb ...)");
        }
    }

    /** The app's own migration locations (spring.flyway.locations in application.yml), so the two never drift. */
    static List<String> migrationLocations() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            for (PropertySource<?> source : sources) {
                Object value = source.getProperty("spring.flyway.locations");
                if (value != null) {
                    return Arrays.stream(value.toString().split(",")).map(String::trim).toList();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.yml", e);
        }
        return List.of("classpath:db/migration");
    }

    private static String[] vendor(List<String> locations, String vendor) {
        List<String> resolved = new ArrayList<>();
        for (String location : locations) {
            resolved.add(location.replace("{vendor}", vendor));
        }
        return resolved.toArray(String[]::new);
    }
}
