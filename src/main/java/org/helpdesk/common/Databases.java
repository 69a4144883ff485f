package org.helpdesk.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** Which database the app runs on, for the few places where H2 and PostgreSQL truly differ. */
public final class Databases {
    private Databases() {
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to tell its kind: " + e.getMessage(), e);
        }
    }

    /**
     * A Citus coordinator (the citus extension is installed): it runs {@code FOR UPDATE} only on statements that
     * stay on one shard, so a scan across tenants must do without row locks there.
     */
    public static boolean isCitus(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select 1 from pg_extension where extname = 'citus'")) {
            return rs.next();
        } catch (SQLException e) {
            return false; // H2 has no pg_extension
        }
    }
}
